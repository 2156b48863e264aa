package io.paritybench.greedy;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.generate.BudgetSpec;
import io.paritybench.core.generate.Family;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;

import java.util.SplittableRandom;

/** Seeded problems for the property tests of this module, drawn with the core generators. */
final class RandomProblems {

    private static final Family[] FAMILIES = Family.values();

    private RandomProblems() {
    }

    /**
     * A problem from one seed: a generator family in turn (all of them), n in [2, 16] and budgets equal,
     * Dirichlet(1) or with one budget of 1e-3, all drawn from the seed.
     */
    static RiskBudgetProblem problem(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 2 + rnd.nextInt(15);
        Family family = FAMILIES[(int) Math.floorMod(seed, (long) FAMILIES.length)];
        BudgetSpec budgets = switch (rnd.nextInt(3)) {
            case 0 -> BudgetSpec.equal();
            case 1 -> BudgetSpec.dirichlet(1);
            default -> BudgetSpec.tiny(1, 1e-3);
        };
        GeneratorSpec spec = GeneratorSpec.of(family, n, rnd.nextLong()).withBudgets(budgets);
        if (family == Family.RANDOM_SPECTRUM) {
            spec = spec.with("kappa", new double[] {1e1, 1e3, 1e5}[rnd.nextInt(3)]);
        } else if (family == Family.FACTOR) {
            spec = spec.with("mixed", 1).with("idio", 1e-2);
        }
        return ProblemGenerator.problem(spec);
    }

    /**
     * A covariance with unequal volatilities and both signs of correlation for the coefficient tests: volatilities
     * over two decades on a random-spectrum correlation (even seeds) or a two-factor model with mixed-sign market
     * loadings (odd seeds).
     */
    static double[][] covariance(int n, long seed) {
        GeneratorSpec spec = seed % 2 == 0
                ? GeneratorSpec.of(Family.VOL_SPREAD, n, seed).with("volmin", 0.05).with("volmax", 5)
                : GeneratorSpec.of(Family.FACTOR, n, seed).with("k", 2).with("mixed", 1).with("idio", 1e-2);
        return ProblemGenerator.covariance(spec);
    }

    /** @return a random positive weight vector (log-uniform entries over two decades) */
    static double[] positiveWeights(int n, SplittableRandom rnd) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(10, rnd.nextDouble(-1, 1));
        }
        return w;
    }
}

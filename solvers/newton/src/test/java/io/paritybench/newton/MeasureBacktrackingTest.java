package io.paritybench.newton;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMeasure;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import io.paritybench.core.reference.ReferenceSolver;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ill-conditioned measure problems on which the Armijo test used to compare values of F whose rounding error exceeded
 * the expected decrease, halving good steps until the stagnation rule ended the solve far above the noise floor
 * (es:0.975 at n = 10, κ = 1e6: STAGNATED at 1.1e-7; var:0.99 at n = 50: 2.4e-10). Expected returns
 * {@code μ_i = h s_i σ_i}, Sharpe ratios {@code s_i} uniform in [−2 %, 5 %] from a seeded stream, h halved until
 * the solution exists: the problems of the sweep's measure stage.
 */
class MeasureBacktrackingTest {

    private static RiskBudgetProblem problem(String measure, int n, double kappa, long seed) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(n, kappa, seed));
        double[] vol = p.volatilities();
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n * 31L + 0x6D75L);
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = (-0.02 + 0.07 * rnd.nextDouble()) * vol[i];
        }
        RiskBudgetProblem q = p.withMeasure(RiskMeasure.parse(measure, mu));
        // halve μ until the portfolio exists (the reference certifies non-existence), as the sweep's measure stage does
        while (new ReferenceSolver().solve(q, SolverOptions.defaults().withTolerance(1e-6)).status()
                == SolveStatus.NO_SOLUTION) {
            for (int i = 0; i < n; i++) {
                mu[i] *= 0.5;
            }
            q = p.withMeasure(RiskMeasure.parse(measure, mu));
        }
        return q;
    }

    @ParameterizedTest(name = "{0} n = {1} seed {2}")
    @CsvSource({"es:0.975, 10, 1", "var:0.99, 50, 2", "var:0.99, 50, 3", "es:0.975, 50, 2"})
    void newtonReachesTenToTheMinusTenOnIllConditionedMeasureProblems(String measure, int n, long seed) {
        RiskBudgetProblem p = problem(measure, n, 1e6, seed);
        SolveResult r = new LogBarrierNewton().solve(p, SolverOptions.defaults().withTolerance(1e-10));
        assertThat(r.status()).as("%s", r).isEqualTo(SolveStatus.CONVERGED);
        assertThat(r.residual()).isLessThanOrEqualTo(1e-10);
    }
}

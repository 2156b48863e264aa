package io.paritybench.harness.sweep;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMeasure;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A problem of a sweep: a stable id (part of every trial's identity, the same on every machine), the coordinates it
 * came from (columns of the results) and how to build it.
 */
public sealed interface SweepProblem {

    /** @return the stable id, e.g. {@code gen:random-spectrum:n=10,kappa=100,budgets=equal,seed=1} */
    String id();

    /** @return the generator family, {@code n2} for the two-asset grid, or the case's family */
    String family();

    int n();

    /** @return the nominal κ(Σ) of the generator, NaN when the family has none */
    default double kappa() {
        return Double.NaN;
    }

    /** @return how the budgets were chosen ({@code equal}, {@code dirichlet:1}, ...) */
    String budgets();

    /** @return the seed, or -1 when the problem is not random */
    default long seed() {
        return -1;
    }

    /** @return the correlation of a two-asset problem, NaN otherwise */
    default double rho() {
        return Double.NaN;
    }

    /** @return σ2/σ1 of a two-asset problem, NaN otherwise */
    default double volRatio() {
        return Double.NaN;
    }

    /** @return the risk measure's label ({@code volatility}, {@code var:0.99}, {@code es:0.975}) */
    default String measure() {
        return RiskMeasure.volatility().label();
    }

    /** @return Σ and b (deterministic: the same bits on every call and every JVM) */
    RiskBudgetProblem build();

    /** A problem named by a generator spec: its family, n, budgets and seed are the spec's. */
    sealed interface FromSpec extends SweepProblem {
        /** @return the generator spec the problem is built from */
        GeneratorSpec spec();

        @Override
        default String family() {
            return spec().family().id();
        }

        @Override
        default int n() {
            return spec().n();
        }

        @Override
        default String budgets() {
            return spec().budgets().toString();
        }

        @Override
        default long seed() {
            return spec().seed();
        }
    }

    /** A problem of a generator family ({@link ProblemGenerator}). */
    record Generated(GeneratorSpec spec) implements FromSpec {
        @Override
        public String id() {
            return "gen:" + spec;
        }

        @Override
        public double kappa() {
            return spec.has("kappa") ? spec.param("kappa") : Double.NaN;
        }

        @Override
        public RiskBudgetProblem build() {
            return ProblemGenerator.problem(spec);
        }
    }

    /**
     * A factor-family problem in factor form ({@link ProblemGenerator#factorProblem}): B, F and D, never an n×n array,
     * so that n = 10⁴ costs O(nk) memory. The same spec as {@link Generated} would give the dense problem with the same
     * Σ and budgets; the id tells the two apart.
     */
    record Structured(GeneratorSpec spec) implements FromSpec {
        @Override
        public String id() {
            return "factor-form:" + spec;
        }

        @Override
        public RiskBudgetProblem build() {
            return ProblemGenerator.factorProblem(spec);
        }
    }

    /** A case folder ({@code cov.csv}, {@code budgets.csv}, optional {@code ref_weights.csv}, {@code meta.json}). */
    record Case(CaseData data) implements SweepProblem {
        @Override
        public String id() {
            return "case:" + data.name();
        }

        @Override
        public String family() {
            return data.meta() == null ? "case" : data.meta().family();
        }

        @Override
        public int n() {
            return data.problem().n();
        }

        @Override
        public double kappa() {
            return data.meta() == null ? Double.NaN : data.meta().conditionNumber();
        }

        @Override
        public String budgets() {
            return data.problem().isErc() ? "equal" : "given";
        }

        @Override
        public long seed() {
            return data.meta() != null && data.meta().seed() != null ? data.meta().seed() : -1;
        }

        @Override
        public RiskBudgetProblem build() {
            return data.problem();
        }
    }

    /**
     * The two-asset problem of ALGORITHMS.md §4.1: {@code σ1}, {@code σ2 = σ1·ratio}, correlation ρ, budgets
     * {@code (b, 1 − b)}; Σ is built from these in double and is the problem (the closed form is evaluated on it).
     */
    record TwoAssets(double sigma1, double ratio, double rho, double b) implements SweepProblem {
        @Override
        public String id() {
            return String.format(Locale.ROOT, "n2:sigma1=%s,ratio=%s,rho=%s,b=%s",
                    num(sigma1), num(ratio), num(rho), num(b));
        }

        @Override
        public String family() {
            return "n2";
        }

        @Override
        public int n() {
            return 2;
        }

        @Override
        public String budgets() {
            return "b1=" + num(b);
        }

        @Override
        public double rho() {
            return rho;
        }

        @Override
        public double volRatio() {
            return ratio;
        }

        @Override
        public RiskBudgetProblem build() {
            double s2 = sigma1 * ratio;
            double c = rho * sigma1 * s2;
            return RiskBudgetProblem.normalising(new double[][] {{sigma1 * sigma1, c}, {c, s2 * s2}},
                    new double[] {b, 1 - b});
        }

        private static String num(double v) {
            return Double.toString(v).replace("E", "e");
        }
    }

    /**
     * A generated problem under a risk measure {@code R(w) = −μ'w + c·σ(w)} (ALGORITHMS.md §7): the base problem's
     * Σ and b, and expected returns drawn from the base problem's seed (and n): {@code μ_i = h·s_i·σ_i} with the
     * per-asset Sharpe ratios {@code s_i} uniform in [{@value #SHARPE_MIN}, {@value #SHARPE_MAX}] (for σ_i = 20 %,
     * μ_i between −0.4 % and 1 %) and h the largest of 1, 1/2, 1/4, ... (at most {@value #MAX_HALVINGS} halvings)
     * for which the risk-budgeting portfolio exists, i.e. c exceeds the long-only maximal Sharpe ratio. c (2.33 for
     * VaR 99 %, 2.34 for ES 97.5 %) is far above every asset's Sharpe ratio, but diversification of an
     * ill-conditioned Σ can raise the portfolio's ratio above c. Existence is decided by the reference solver: it
     * reports NO_SOLUTION only with a certificate (an iterate y > 0 with R(y) ≤ 0), and a converged Newton iterate
     * proves existence (F(y) = R(y) − Σ b_i ln y_i is convex, so a stationary point is its minimum, which cannot
     * exist when some direction has R ≤ 0). A problem still without solution after the halvings is skipped by the
     * sweep with a note.
     *
     * @param base    the problem without expected returns
     * @param measure the measure's specification, as parsed by {@link RiskMeasure#parse}
     */
    record Measured(Generated base, String measure) implements SweepProblem {

        /** The range of the per-asset Sharpe ratios μ_i/σ_i. */
        public static final double SHARPE_MIN = -0.02;
        public static final double SHARPE_MAX = 0.05;

        /** How often μ is halved at most when the solution does not exist. */
        public static final int MAX_HALVINGS = 20;

        /** Separates the stream of μ from the generator's stream of the same seed. */
        private static final long MU_STREAM = 0x6D75L;

        public Measured {
            RiskMeasure.parse(measure, new double[] {0.0}); // fails early, naming the measure, when it is malformed
        }

        @Override
        public String id() {
            return base.id() + ";measure=" + measure;
        }

        @Override
        public String family() {
            return base.family();
        }

        @Override
        public int n() {
            return base.n();
        }

        @Override
        public double kappa() {
            return base.kappa();
        }

        @Override
        public String budgets() {
            return base.budgets();
        }

        @Override
        public long seed() {
            return base.seed();
        }

        @Override
        public RiskBudgetProblem build() {
            RiskBudgetProblem p = base.build();
            double[] mu = expectedReturns(p.volatilities(), base.seed());
            RiskBudgetProblem q = p.withMeasure(RiskMeasure.parse(measure, mu));
            for (int k = 0; k < MAX_HALVINGS && !q.measure().isVolatility() && !exists(q); k++) {
                for (int i = 0; i < mu.length; i++) {
                    mu[i] *= 0.5;
                }
                q = p.withMeasure(RiskMeasure.parse(measure, mu));
            }
            return q;
        }

        /** @return false when the reference solver certifies that no risk-budgeting portfolio exists */
        private static boolean exists(RiskBudgetProblem q) {
            try {
                return new io.paritybench.core.reference.ReferenceSolver()
                        .solve(q, io.paritybench.core.SolverOptions.defaults().withTolerance(1e-6)).status()
                        != io.paritybench.core.SolveStatus.NO_SOLUTION;
            } catch (RuntimeException e) {
                return true; // not a certificate of non-existence: the sweep's reference reports the failure
            }
        }

        /** @return {@code μ_i = s_i·σ_i}, s_i uniform in [SHARPE_MIN, SHARPE_MAX], from the seed and n alone */
        static double[] expectedReturns(double[] vol, long seed) {
            int n = vol.length;
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n * 31L + MU_STREAM);
            double[] mu = new double[n];
            for (int i = 0; i < n; i++) {
                mu[i] = (SHARPE_MIN + (SHARPE_MAX - SHARPE_MIN) * rnd.nextDouble()) * vol[i];
            }
            return mu;
        }
    }
}

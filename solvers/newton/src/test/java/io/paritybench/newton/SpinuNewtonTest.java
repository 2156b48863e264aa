package io.paritybench.newton;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.Deadline;
import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.cases.CaseScore;
import io.paritybench.core.generate.BudgetSpec;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import io.paritybench.core.oracle.AnalyticOracles;
import io.paritybench.core.testing.SharedCases;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour specific to Spinu's Newton method (ALGORITHMS.md §6.2), for both ways of solving the Newton system. */
class SpinuNewtonTest {

    static Stream<RiskBudgetSolver> solvers() {
        return Stream.of(new LogBarrierNewton(), new TruncatedNewtonCg());
    }

    static Stream<Arguments> solversAndCases() {
        return solvers().flatMap(s -> SharedCases.all().stream().map(c -> Arguments.of(s, c)));
    }

    /**
     * Every shared case to its achievable accuracy (§8.3: {@code w_rel ≤ max(1e-13, 100 κ_w u)}), within the
     * iteration range §6.2 reports for Spinu's method (1–34).
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("solversAndCases")
    void solvesEverySharedCaseToItsAchievableAccuracy(RiskBudgetSolver solver, CaseData c) {
        SolverOptions o = SolverOptions.defaults().withTolerance(c.tolerance().maxAbsRrcError());
        SolveResult r = solver.solve(c.problem(), o);
        CaseScore s = CaseScore.score(c, r.weights());
        assertThat(r.status()).as("%s", r).isEqualTo(SolveStatus.CONVERGED);
        assertThat(s.maxRelWeightError()).as("w_rel, kappa_w = %.3g", c.meta().kappaWeights())
                .isLessThanOrEqualTo(c.tolerance().maxRelWeightError());
        assertThat(r.iterations()).isBetween(0, 34);
    }

    /**
     * rs_n200_kappa1e8 has a double-precision RRC floor of 1.6e-13 (meta.json): 1e-16 is out of reach. The solver
     * must say so (STAGNATED, by the §6.2 rule) within a few iterations of the ~20 it needs to reach the floor,
     * with weights still at the achievable accuracy.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void stopsAtTheNoiseFloorWithStagnatedWhenTheToleranceIsOutOfReach(RiskBudgetSolver solver) {
        CaseData c = SharedCases.byName("rs_n200_kappa1e8");
        SolveResult r = solver.solve(c.problem(), SolverOptions.defaults().withTolerance(1e-16));
        assertThat(r.status()).as("%s", r).isEqualTo(SolveStatus.STAGNATED);
        assertThat(r.iterations()).isLessThanOrEqualTo(30);
        assertThat(CaseScore.score(c, r.weights()).maxRelWeightError())
                .isLessThanOrEqualTo(c.tolerance().maxRelWeightError());
    }

    /**
     * Quadratic convergence: from the reference weights perturbed by 1e-6 relative noise (seeded), the iteration
     * starts in the quadratic phase and needs at most 3 Newton steps (1e-6 → 1e-12 → 1e-24 in exact arithmetic,
     * one more for constants and rounding).
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("solversAndCases")
    void convergesQuadraticallyFromAWarmStartNearTheSolution(RiskBudgetSolver solver, CaseData c) {
        double[] w = c.referenceWeights();
        SplittableRandom random = new SplittableRandom(c.name().hashCode());
        for (int i = 0; i < w.length; i++) {
            w[i] *= 1 + 1e-6 * (2 * random.nextDouble() - 1);
        }
        SolverOptions o = SolverOptions.defaults().withTolerance(c.tolerance().maxAbsRrcError()).withInitialPoint(w);
        SolveResult r = solver.solve(c.problem(), o);
        assertThat(r.status()).as("%s", r).isEqualTo(SolveStatus.CONVERGED);
        assertThat(r.iterations()).as("%s", r).isLessThanOrEqualTo(3);
        assertThat(r.counter("dampedSteps")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void anIterationCapIsReportedAsMaxIterations(RiskBudgetSolver solver) {
        CaseData c = SharedCases.byName("rs_n50_kappa1e4");
        SolveResult r = solver.solve(c.problem(), SolverOptions.defaults().withTolerance(1e-12).withMaxIterations(3));
        assertThat(r.status()).isEqualTo(SolveStatus.MAX_ITERATIONS);
        assertThat(r.iterations()).isEqualTo(3);
        assertThat(RiskMetrics.allPositive(r.weights())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void countersAccountForEveryIteration(RiskBudgetSolver solver) {
        CaseData c = SharedCases.byName("rs_n50_kappa1e4");
        SolveResult r = solver.solve(c.problem(), SolverOptions.defaults().withTolerance(1e-12));
        assertThat(r.counter("dampedSteps") + r.counter("quadraticSteps")).isEqualTo(r.iterations());
        assertThat(r.counter("dampedSteps")).isPositive();
        assertThat(r.counter("matvecs")).isGreaterThan(r.iterations());
        if (solver instanceof LogBarrierNewton) {
            assertThat(r.counter("factorizations")).isBetween(1L, (long) r.iterations());
            assertThat(r.counter("factorizations") + r.counter("reusedFactorizations")).isEqualTo(r.iterations());
        } else {
            assertThat(r.counters()).doesNotContainKey("factorizations");
            assertThat(r.counter("cgIterations")).isGreaterThanOrEqualTo(r.iterations());
        }
    }

    /** §4.2: for a diagonal Σ, {@code w_i ∝ sqrt(b_i)/σ_i}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void matchesTheClosedFormForADiagonalCovariance(RiskBudgetSolver solver) {
        SplittableRandom random = new SplittableRandom(42);
        int n = 25;
        double[][] cov = new double[n][n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            cov[i][i] = Math.pow(10, -4 + 4 * random.nextDouble());
            b[i] = 0.1 + random.nextDouble();
        }
        RiskBudgetProblem p = RiskBudgetProblem.normalising(cov, b);
        SolveResult r = solver.solve(p, SolverOptions.defaults().withTolerance(1e-14));
        assertThat(r.status()).isEqualTo(SolveStatus.CONVERGED);
        // κ_w = O(1) for a diagonal Σ: a few ulps of relative error
        assertThat(RiskMetrics.maxRelWeightError(r.weights(), AnalyticOracles.diagonal(p))).isLessThanOrEqualTo(1e-14);
    }

    static Stream<Arguments> randomSpectra() {
        return Stream.of(10, 40, 90).flatMap(n -> Stream.of(1e2, 1e5).flatMap(kappa ->
                Stream.of(Arguments.of(n, kappa, 17L * n + (long) Math.log10(kappa)))));
    }

    /**
     * The two ways of solving the Newton system converge to the same portfolio (random spectrum, Dirichlet budgets,
     * seeded). With κ(Σ) ≤ 1e5 the weights are determined to about 1e-11 (§8.3: w_rel ≈ u κ(Σ)^0.6 at worst), so
     * 1e-9 leaves a margin of 100.
     */
    @ParameterizedTest(name = "n = {0}, kappa = {1}")
    @MethodSource("randomSpectra")
    void bothNewtonSystemsGiveTheSamePortfolio(int n, double kappa, long seed) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(n, kappa, seed)
                .withBudgets(BudgetSpec.dirichlet(2.0)));
        SolverOptions o = SolverOptions.defaults().withTolerance(1e-12);
        SolveResult exact = new LogBarrierNewton().solve(p, o);
        SolveResult inexact = new TruncatedNewtonCg().solve(p, o);
        assertThat(exact.status()).as("%s", exact).isEqualTo(SolveStatus.CONVERGED);
        assertThat(inexact.status()).as("%s", inexact).isEqualTo(SolveStatus.CONVERGED);
        assertThat(RiskMetrics.maxRelWeightError(inexact.weights(), exact.weights())).isLessThanOrEqualTo(1e-9);
    }

    /**
     * Budgets whose ratio overflows (the smallest is the smallest positive double): the budgets scaled to
     * {@code min b = 1} are infinite, so the iteration cannot start. That is a status, not an exception.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void nonFiniteScaledBudgetsAreANumericalBreakdown(RiskBudgetSolver solver) {
        double[][] cov = {{0.04, 0.01}, {0.01, 0.09}};
        RiskBudgetProblem p = RiskBudgetProblem.of(cov, new double[] {Double.MIN_VALUE, 1.0});
        SolveResult r = solver.solve(p, SolverOptions.defaults());
        assertThat(r.status()).as("%s", r).isEqualTo(SolveStatus.NUMERICAL_BREAKDOWN);
        assertThat(r.isSuccess()).isFalse();
    }

    /** A Newton-system solver that fails (as a Cholesky factorisation of a non-SPD matrix does) stops the iteration. */
    @Test
    void aFailedNewtonSystemIsReportedWithItsStatusAndTheLastIterate() {
        CaseData c = SharedCases.byName("rs_n10_kappa1e2");
        SolveResult r = SpinuIteration.run("test", c.problem(), SolverOptions.defaults(), form -> new FailingDirection(
                new NewtonDirection.Failure(SolveStatus.NUMERICAL_BREAKDOWN, "factorisation failed")), 100);
        assertThat(r.status()).isEqualTo(SolveStatus.NUMERICAL_BREAKDOWN);
        assertThat(r.message()).contains("factorisation failed");
        assertThat(r.iterations()).isZero();
        assertThat(RiskMetrics.allPositive(r.weights())).isTrue();
    }

    /** A direction with NaN entries (as an overflowing solve produces) is a breakdown, not a step. */
    @Test
    void aNonFiniteNewtonStepIsANumericalBreakdown() {
        CaseData c = SharedCases.byName("rs_n10_kappa1e2");
        SolveResult r = SpinuIteration.run("test", c.problem(), SolverOptions.defaults(),
                form -> new FailingDirection(null), 100);
        assertThat(r.status()).isEqualTo(SolveStatus.NUMERICAL_BREAKDOWN);
        assertThat(r.iterations()).isZero();
    }

    /** An indefinite Hessian (here made so by a negative barrier diagonal) fails both Newton-system solvers. */
    @Test
    void bothDirectionsReportAnIndefiniteHessian() {
        CorrelationForm form = CorrelationForm.of(SharedCases.byName("rs_n10_kappa1e2").problem());
        int n = form.n;
        double[] d = new double[n];
        double[] g = new double[n];
        java.util.Arrays.fill(d, -5.0);
        java.util.Arrays.fill(g, 1.0);
        for (NewtonDirection direction : List.of(new CholeskyDirection(form), new ConjugateGradientDirection(form))) {
            NewtonDirection.Failure f = direction.solve(d, g, new double[n], 0.5, false, Deadline.none());
            assertThat(f).as("%s", direction.getClass().getSimpleName()).isNotNull();
            assertThat(f.status()).isEqualTo(SolveStatus.NUMERICAL_BREAKDOWN);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void aWarmStartAtTheSolutionNeedsAtMostOneStep(RiskBudgetSolver solver) {
        CaseData c = SharedCases.byName("fm_n30_k2_idio1e-4_budgets");
        SolverOptions o = SolverOptions.defaults().withTolerance(1e-14).withInitialPoint(c.referenceWeights());
        SolveResult r = solver.solve(c.problem(), o);
        assertThat(r.status()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(r.iterations()).isLessThanOrEqualTo(1);
        assertThat(ConvergenceTest.passes(c.problem(), r.weights(), 1e-14)).isTrue();
    }

    /** Returns a fixed failure, or (for null) a NaN direction. */
    private static final class FailingDirection implements NewtonDirection {
        private final Failure failure;

        FailingDirection(Failure failure) {
            this.failure = failure;
        }

        @Override
        public Failure solve(double[] d, double[] g, double[] delta, double eta, boolean accurate, Deadline deadline) {
            java.util.Arrays.fill(delta, Double.NaN);
            return failure;
        }

        @Override
        public boolean lastWasAccurate() {
            return true;
        }

        @Override
        public void addCounters(Map<String, Long> counters) {
        }
    }
}

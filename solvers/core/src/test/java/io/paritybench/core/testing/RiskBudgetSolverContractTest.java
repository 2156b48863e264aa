package io.paritybench.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import io.paritybench.core.cases.AccuracyTolerance;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.cases.CaseScore;
import io.paritybench.core.trace.IterationRecorder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link RiskBudgetSolver} must meet; a solver's test extends this class in a few lines.
 *
 * <p>Honesty (every solver, every case): no exception on numerical trouble, and the status is CONVERGED exactly
 * when an independent check of the returned weights passes. Accuracy (on the cases the solver claims to handle,
 * {@link #expectsAccuracy}): the per-case achievable accuracy of ALGORITHMS.md §8, the Roncalli (2013) weights, and
 * the invariances of §2.2 (scaling Σ, permuting assets, diagonal rescaling).
 */
public abstract class RiskBudgetSolverContractTest {

    /** @return the solver under test */
    protected abstract RiskBudgetSolver solver();

    /** @return the base options (iteration cap, time limit); the tolerance is set per test */
    protected SolverOptions options() {
        return SolverOptions.defaults().withTolerance(1e-12).withTimeLimit(Duration.ofSeconds(60));
    }

    /** @return whether the solver is expected to reach the case's achievable accuracy (§8); default true */
    protected boolean expectsAccuracy(CaseData c) {
        return true;
    }

    /** @return the problems of size n the solver handles at all (closed forms restrict this); default all */
    protected boolean handles(RiskBudgetProblem p) {
        return true;
    }

    static Stream<CaseData> cases() {
        return SharedCases.all().stream();
    }

    /** The weights are judged again here, independently of the solver's claim. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void statusMatchesAnIndependentCheck(CaseData c) {
        if (!handles(c.problem())) {
            return;
        }
        SolverOptions o = options().withTolerance(c.tolerance().maxAbsRrcError());
        SolveResult r = solveNoThrow(c.problem(), o);
        double[] w = r.weights();
        assertThat(w).hasSize(c.problem().n());
        boolean independentlyConverged = RiskMetrics.allPositive(w)
                && ConvergenceTest.passes(ConvergenceTest.residual(c.problem(), w), o.tolerance());
        assertThat(r.isSuccess()).as("status %s vs independent check (%s)", r.status(), r.message())
                .isEqualTo(independentlyConverged);
        if (r.isSuccess()) {
            assertThat(RiskMetrics.sumError(w)).isLessThanOrEqualTo(4 * c.problem().n() * Math.ulp(1.0));
            assertThat(r.residual()).isCloseTo(ConvergenceTest.residual(c.problem(), w),
                    org.assertj.core.data.Offset.offset(1e-300 + Math.abs(r.residual()) * 1e-12));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reachesTheAchievableAccuracyOfEachCase(CaseData c) {
        if (!handles(c.problem()) || !expectsAccuracy(c)) {
            return;
        }
        AccuracyTolerance tol = c.tolerance();
        SolveResult r = solveNoThrow(c.problem(), options().withTolerance(tol.maxAbsRrcError()));
        CaseScore s = CaseScore.score(c, r.weights());
        assertThat(r.isSuccess()).as("%s: %s", c.name(), r).isTrue();
        assertThat(s.maxAbsRrcError()).as("max|RRC-b| on %s", c.name()).isLessThanOrEqualTo(tol.maxAbsRrcError());
        assertThat(s.maxRelWeightError()).as("relative weight error on %s (kappa_w = %.3g)", c.name(),
                c.meta().kappaWeights()).isLessThanOrEqualTo(tol.maxRelWeightError());
    }

    /** Roncalli (2013), four assets, ERC: 41.01 / 27.34 / 18.99 / 12.66 %. */
    @Test
    void reproducesRoncallisFourAssetExample() {
        double[] vol = {0.10, 0.15, 0.20, 0.30};
        double[][] rho = {{1, 0.5, 0.5, 0.5}, {0.5, 1, 0.5, 0.5}, {0.5, 0.5, 1, 0.75}, {0.5, 0.5, 0.75, 1}};
        double[][] cov = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                cov[i][j] = rho[i][j] * vol[i] * vol[j];
            }
        }
        RiskBudgetProblem p = RiskBudgetProblem.erc(cov);
        if (!handles(p) || !expectsAccuracy(SharedCases.byName("roncalli_n4_erc"))) {
            return;
        }
        SolveResult r = solveNoThrow(p, options().withTolerance(1e-12));
        assertThat(r.isSuccess()).as("%s", r).isTrue();
        double[] published = {0.4101, 0.2734, 0.1899, 0.1266};
        for (int i = 0; i < 4; i++) {
            assertThat(r.weights()[i]).as("weight %d in percent, rounded to 2 decimals", i)
                    .isCloseTo(published[i], org.assertj.core.data.Offset.offset(0.5e-4));
        }
    }

    static Stream<Arguments> invariances() {
        return Stream.of("roncalli_n4_erc", "rs_n10_kappa1e2", "cc_n8_rho0.3_erc", "n2_rho0.3_b0.5")
                .flatMap(name -> Stream.of(Arguments.of(name, 1e-4), Arguments.of(name, 1e3)));
    }

    /** §2.2 items 1, 2 and 4: scaling Σ, rescaling assets by E = diag(e) and reversing their order. */
    @ParameterizedTest(name = "{0}, scale {1}")
    @MethodSource("invariances")
    void weightsTransformAsTheTheoryRequires(String name, double scale) {
        CaseData c = SharedCases.byName(name);
        RiskBudgetProblem p = c.problem();
        if (!handles(p) || !expectsAccuracy(c)) {
            return;
        }
        int n = p.n();
        double tol = 1e-13;
        SolverOptions o = options().withTolerance(c.tolerance().maxAbsRrcError());
        double[] w = solveNoThrow(p, o).weights();
        double wTol = 10 * c.tolerance().maxRelWeightError();

        double[][] cov = p.covariance();
        double[][] scaled = new double[n][n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = Math.pow(scale, (double) i / Math.max(1, n - 1));
        }
        double[][] rescaled = new double[n][n];
        double[][] reversed = new double[n][n];
        double[] bRev = new double[n];
        double[] b = p.budgets();
        for (int i = 0; i < n; i++) {
            bRev[i] = b[n - 1 - i];
            for (int j = 0; j < n; j++) {
                scaled[i][j] = cov[i][j] * scale;
                rescaled[i][j] = e[i] * cov[i][j] * e[j];
                reversed[i][j] = cov[n - 1 - i][n - 1 - j];
            }
        }
        SolveResult rs = solveNoThrow(RiskBudgetProblem.of(scaled, b), o);
        SolveResult re = solveNoThrow(RiskBudgetProblem.of(rescaled, b), o);
        SolveResult rr = solveNoThrow(RiskBudgetProblem.of(reversed, bRev), o);
        assertThat(rs.isSuccess() && re.isSuccess() && rr.isSuccess()).as("%s / %s / %s", rs, re, rr).isTrue();
        double[] expectRescaled = new double[n];
        double[] expectReversed = new double[n];
        for (int i = 0; i < n; i++) {
            expectRescaled[i] = w[i] / e[i];
            expectReversed[i] = w[n - 1 - i];
        }
        assertThat(RiskMetrics.maxRelWeightError(rs.weights(), w)).as("Σ scaled by %s", scale)
                .isLessThanOrEqualTo(Math.max(tol, wTol));
        assertThat(RiskMetrics.maxRelWeightError(normalised(re.weights()), normalised(expectRescaled)))
                .as("diagonal rescaling").isLessThanOrEqualTo(Math.max(tol, wTol));
        assertThat(RiskMetrics.maxRelWeightError(rr.weights(), expectReversed)).as("reversed order")
                .isLessThanOrEqualTo(Math.max(tol, wTol));
    }

    /** Tiny budgets (iteration cap 1, a 1 ns time limit) must give a status, not an exception, and never lie. */
    @ParameterizedTest(name = "cap {0}")
    @ValueSource(ints = {1, 2})
    void runningOutOfBudgetIsAStatusNotAnException(int cap) {
        for (CaseData c : List.of(SharedCases.byName("rs_n50_kappa1e4"), SharedCases.byName("tb_n12_two_1e-3"))) {
            if (!handles(c.problem())) {
                continue;
            }
            SolverOptions o = options().withTolerance(1e-15).withMaxIterations(cap);
            SolveResult r = solveNoThrow(c.problem(), o);
            assertThat(r.isSuccess()).isEqualTo(ConvergenceTest.passes(c.problem(), r.weights(), 1e-15));
            SolveResult t = solveNoThrow(c.problem(), o.withMaxIterations(0).withTimeLimit(Duration.ofNanos(1)));
            assertThat(t.isSuccess()).isEqualTo(ConvergenceTest.passes(c.problem(), t.weights(), 1e-15));
        }
    }

    @Test
    void rejectsAnInitialPointOfTheWrongLength() {
        CaseData c = SharedCases.byName("roncalli_n4_erc");
        if (!handles(c.problem())) {
            return;
        }
        SolverOptions o = options().withInitialPoint(new double[] {0.5, 0.5});
        assertThatThrownBy(() -> solver().solve(c.problem(), o)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A warm start is accepted at any positive scale (SolverOptions' documentation): every weight 1e300 or 1e-300
     * gives the status and, to the case's accuracy, the weights of the same start at scale one, never NaN.
     */
    @ParameterizedTest(name = "scale {0}")
    @ValueSource(doubles = {1e300, 1e-300})
    void aWarmStartAtAnExtremeScaleIsTheSameStart(double scale) {
        CaseData c = SharedCases.byName("rs_n10_kappa1e2");
        RiskBudgetProblem p = c.problem();
        if (!handles(p)) {
            return;
        }
        double[] vol = p.volatilities();
        double[] start = new double[p.n()];
        double[] extreme = new double[p.n()];
        for (int i = 0; i < start.length; i++) {
            start[i] = 1.0 / vol[i];
            extreme[i] = scale;
        }
        SolverOptions o = options().withTolerance(c.tolerance().maxAbsRrcError());
        SolveResult plain = solveNoThrow(p, o.withInitialPoint(start));
        double[] scaledStart = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            scaledStart[i] = start[i] * scale;
        }
        SolveResult scaled = solveNoThrow(p, o.withInitialPoint(scaledStart));
        SolveResult uniform = solveNoThrow(p, o.withInitialPoint(extreme));
        assertThat(RiskMetrics.allFinite(scaled.weights()) && RiskMetrics.allFinite(uniform.weights()))
                .as("%s / %s", scaled, uniform).isTrue();
        assertThat(scaled.status()).as("%s vs %s", scaled, plain).isEqualTo(plain.status());
        SolveResult equal = solveNoThrow(p, o.withInitialPoint(ones(p.n())));
        assertThat(uniform.status()).as("%s vs %s", uniform, equal).isEqualTo(equal.status());
        if (plain.isSuccess() && expectsAccuracy(c)) {
            double wTol = Math.max(1e-13, 10 * c.tolerance().maxRelWeightError());
            assertThat(RiskMetrics.maxRelWeightError(scaled.weights(), plain.weights())).isLessThanOrEqualTo(wTol);
            assertThat(RiskMetrics.maxRelWeightError(uniform.weights(), equal.weights())).isLessThanOrEqualTo(wTol);
        }
    }

    /**
     * {@link RiskBudgetSolver#takeOver} of a solve begun by {@link SolverPreamble#begin} is that solve: same status
     * and iterations and the same weights to rounding, cold and from a warm start (a hybrid's later phase calls it
     * so); for a failing solve, the same verdict.
     */
    @ParameterizedTest(name = "warm {0}")
    @ValueSource(booleans = {false, true})
    void takingOverABegunSolveIsTheSolve(boolean warm) {
        CaseData c = SharedCases.byName("rs_n10_kappa1e2");
        RiskBudgetProblem p = c.problem();
        if (!handles(p)) {
            return;
        }
        SolverOptions o = options().withTolerance(1e-10);
        if (warm) {
            double[] vol = p.volatilities();
            double[] start = new double[p.n()];
            for (int i = 0; i < start.length; i++) {
                start[i] = 1.0 / vol[i];
            }
            o = o.withInitialPoint(start);
        }
        SolveResult plain = solveNoThrow(p, o);
        SolveResult taken = solver().takeOver(p, o, SolverPreamble.begin(solver(), p, o));
        assertThat(taken.isSuccess()).as("%s vs %s", taken, plain).isEqualTo(plain.isSuccess());
        if (!plain.isSuccess()) {
            // a failing library solve (the generic baselines) may stop elsewhere with another time allowance
            return;
        }
        // the default takeOver rebuilds the options, which normalises a warm start again (last-bit changes)
        assertThat(RiskMetrics.maxRelWeightError(taken.weights(), plain.weights())).as("%s vs %s", taken, plain)
                .isLessThanOrEqualTo(1e-9);
        assertThat(taken.status()).isEqualTo(plain.status());
        assertThat(taken.iterations()).isEqualTo(plain.iterations());
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    @Test
    void isDeterministic() {
        CaseData c = SharedCases.byName("rs_n10_kappa1e2");
        if (!handles(c.problem())) {
            return;
        }
        SolverOptions o = options().withTolerance(1e-12);
        SolveResult a = solveNoThrow(c.problem(), o);
        SolveResult b = solveNoThrow(c.problem(), o);
        assertThat(b.weights()).isEqualTo(a.weights());
        assertThat(b.status()).isEqualTo(a.status());
    }

    /**
     * @return whether the solver returns exactly its last reported iterate (so the trace ends at the result); false
     *         for solvers whose result is post-processed (the reference rounds its double-double iterate) or chosen
     *         by a library that does not expose its iterations
     */
    protected boolean returnsItsLastReportedIterate() {
        return true;
    }

    /** A traced solve: same iterates as the untraced one, increasing iteration numbers, non-decreasing times. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rs_n10_kappa1e2", "n2_rho0.3_b0.5"})
    void anIterationObserverSeesTheIteratesAndChangesNothing(String name) {
        CaseData c = SharedCases.byName(name);
        if (!handles(c.problem())) {
            return;
        }
        SolverOptions o = options().withTolerance(1e-10);
        SolveResult plain = solveNoThrow(c.problem(), o);
        IterationRecorder recorder = new IterationRecorder(1 << 20);
        recorder.start();
        SolveResult traced = solveNoThrow(c.problem(), o.withObserver(recorder));
        assertThat(traced.weights()).isEqualTo(plain.weights());
        assertThat(traced.status()).isEqualTo(plain.status());
        assertThat(traced.iterations()).isEqualTo(plain.iterations());
        List<IterationRecorder.Point> points = recorder.points();
        assertThat(points).as("every built-in solver reports at least one iterate").isNotEmpty();
        assertThat(recorder.ordered()).as("iteration numbers increase").isTrue();
        for (int k = 1; k < points.size(); k++) {
            assertThat(points.get(k).iteration()).isGreaterThan(points.get(k - 1).iteration());
            assertThat(points.get(k).elapsedNanos()).isGreaterThanOrEqualTo(points.get(k - 1).elapsedNanos());
        }
        if (returnsItsLastReportedIterate() && RiskMetrics.allPositive(plain.weights())) {
            double last = ConvergenceTest.residual(c.problem(), points.get(points.size() - 1).weights());
            assertThat(Double.doubleToLongBits(last)).as("last traced residual %s vs untraced %s", last,
                    plain.residual()).isEqualTo(Double.doubleToLongBits(plain.residual()));
        }
    }

    @Test
    void hasAnIdAndADescription() {
        assertThat(solver().id()).matches("[a-z0-9][a-z0-9-]*");
        assertThat(solver().description()).isNotBlank();
    }

    /** Solves and fails the test (rather than erroring) if the solver throws on a problem it handles. */
    protected SolveResult solveNoThrow(RiskBudgetProblem p, SolverOptions o) {
        SolveResult[] out = new SolveResult[1];
        assertThatCode(() -> out[0] = solver().solve(p, o)).as("solve must not throw on %s", p)
                .doesNotThrowAnyException();
        assertThat(out[0].solverId()).isEqualTo(solver().id());
        return out[0];
    }

    private static double[] normalised(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / s;
        }
        return out;
    }
}

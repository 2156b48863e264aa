package io.paritybench.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMeasure;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of solvers that support the risk measure {@code R = −μ'w + c σ(w)} (ALGORITHMS.md §7): budgets met
 * to the double floor, μ = 0 reproducing the volatility solution, invariance under (Σ, μ) → (k²Σ, kμ), the
 * seed-003 retry (Σ × 1e6 with μ kept) changing the problem, and NO_SOLUTION when a long-only Sharpe ratio exceeds
 * c. A solver module's test extends it in a few lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RiskMeasureContractTest {

    protected static final SolverOptions OPTIONS = SolverOptions.defaults().withTolerance(1e-14);

    /** @return the solvers under test */
    protected abstract List<RiskBudgetSolver> solvers();

    /**
     * Runs the solver's measure path on a problem whose μ is zero (solvers route μ = 0 to their volatility path,
     * so the measure path must be called directly).
     */
    protected abstract SolveResult solveThroughMeasurePath(RiskBudgetSolver solver, RiskBudgetProblem p,
                                                           SolverOptions o);

    Stream<Arguments> cases() {
        return solvers().stream().flatMap(s -> Stream.of(11L, 12L, 13L).map(seed -> Arguments.of(s, seed)));
    }

    /** A random n-asset covariance (annual vols 10–35 %, a factor structure) and budgets; seeded. */
    public static RiskBudgetProblem randomProblem(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] a = new double[n][3];
        for (double[] row : a) {
            for (int k = 0; k < 3; k++) {
                row[k] = rnd.nextDouble(-1, 1);
            }
        }
        double[] vol = new double[n];
        for (int i = 0; i < n; i++) {
            vol[i] = rnd.nextDouble(0.10, 0.35);
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 0.5 : 0;
                for (int k = 0; k < 3; k++) {
                    s += a[i][k] * a[j][k];
                }
                cov[i][j] = s;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cov[i][j] *= vol[i] * vol[j] / Math.sqrt((1 + norm2(a[i]) - 0.5) * (1 + norm2(a[j]) - 0.5));
            }
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rnd.nextDouble(0.5, 2);
        }
        return RiskBudgetProblem.normalising(cov, b);
    }

    private static double norm2(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }

    /** μ uniform in [−2 %, 5 %]. */
    public static double[] randomMu(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = rnd.nextDouble(-0.02, 0.05);
        }
        return mu;
    }

    static double maxRelDiff(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / b[i]);
        }
        return worst;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gaussianVarAndEsBudgetsAreMetToTheDoubleFloor(RiskBudgetSolver solver, long seed) {
        RiskBudgetProblem base = randomProblem(seed, 6);
        double[] mu = randomMu(seed, 6);
        for (RiskMeasure m : new RiskMeasure[] {RiskMeasure.gaussianVaR(0.99, mu),
                RiskMeasure.gaussianExpectedShortfall(0.975, mu)}) {
            RiskBudgetProblem p = base.withMeasure(m);
            assertThat(solver.supports(m)).isTrue();
            SolveResult r = solver.solve(p, OPTIONS);
            assertThat(r.status()).as(r.toString()).isEqualTo(SolveStatus.CONVERGED);
            // RC_i/R − b_i, recomputed here from the returned weights, at the level of double rounding
            assertThat(RiskMetrics.maxAbsBudgetError(p, r.weights())).isLessThanOrEqualTo(1e-14);
            assertThat(RiskMetrics.risk(p, r.weights())).isPositive();
            // the measure matters: the weights differ from the volatility solution by more than rounding
            double[] vol = solver.solve(base, OPTIONS).weights();
            assertThat(maxRelDiff(r.weights(), vol)).isGreaterThan(1e-4);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void zeroMuThroughTheMeasurePathReproducesTheVolatilitySolution(RiskBudgetSolver solver, long seed) {
        // μ = 0 is volatility (the solvers route it to the volatility path), so the measure path is run directly
        RiskBudgetProblem base = randomProblem(seed, 6);
        RiskBudgetProblem zero = base.withMeasure(RiskMeasure.of(new double[6], 2.326, "var-zero-mu"));
        SolveResult viaMeasure = solveThroughMeasurePath(solver, zero, OPTIONS);
        SolveResult viaVolatility = solver.solve(base, OPTIONS);
        assertThat(viaMeasure.status()).isEqualTo(SolveStatus.CONVERGED);
        // both solve the same equations to ~1e-16 in RRC; κ_w of these problems is O(10), so weights agree to 1e-13
        assertThat(maxRelDiff(viaMeasure.weights(), viaVolatility.weights())).isLessThanOrEqualTo(1e-13);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void scalingSigmaByCSquaredAndMuByCKeepsTheWeightsButScalingSigmaAloneDoesNot(RiskBudgetSolver solver,
                                                                                 long seed) {
        RiskBudgetProblem base = randomProblem(seed, 6);
        double[] mu = randomMu(seed, 6);
        RiskBudgetProblem p = base.withMeasure(RiskMeasure.gaussianVaR(0.99, mu));
        double[] w = solver.solve(p, OPTIONS).weights();

        double k = 7.0;
        RiskBudgetProblem scaled = scaledCovariance(base, k * k).withMeasure(RiskMeasure.gaussianVaR(0.99, times(mu, k)));
        SolveResult rs = solver.solve(scaled, OPTIONS);
        assertThat(rs.status()).isEqualTo(SolveStatus.CONVERGED);
        // R scales by k: the same problem, the same weights up to rounding (κ_w = O(10))
        assertThat(maxRelDiff(rs.weights(), w)).isLessThanOrEqualTo(1e-13);

        // Seed 003's retry: multiply Σ by 1e6 and keep μ. σ grows 1000-fold while μ'w does not, i.e. the measure
        // becomes −μ'w + 1000·c·σ(w): a different problem whose solution is essentially the volatility one.
        RiskBudgetProblem retry = scaledCovariance(base, 1e6).withMeasure(RiskMeasure.gaussianVaR(0.99, mu));
        SolveResult rr = solver.solve(retry, OPTIONS);
        assertThat(rr.status()).isEqualTo(SolveStatus.CONVERGED);
        double[] vol = solver.solve(base, OPTIONS).weights();
        double change = maxRelDiff(rr.weights(), w);
        double gap = maxRelDiff(vol, w);
        assertThat(change).as("the retry changes the weights").isGreaterThan(1e-3);
        // ... by almost the whole distance to the volatility solution: what is left is μ's 1/1000 share
        assertThat(maxRelDiff(rr.weights(), vol)).isLessThan(0.01 * gap);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aSharpeRatioAboveCGivesNoSolution(RiskBudgetSolver solver, long seed) {
        RiskBudgetProblem base = randomProblem(seed, 6);
        double c = RiskMeasure.gaussianVaR(0.99, new double[6]).multiplier();
        // μ = a Σ1/σ(1): the equal-weight portfolio has Sharpe ratio a = 1.5 c > c, so R(1) < 0
        double[] s1 = RiskMetrics.marginal(base, ones(6));
        double sd = Math.sqrt(RiskMetrics.variance(base, ones(6)));
        double[] mu = new double[6];
        for (int i = 0; i < 6; i++) {
            mu[i] = 1.5 * c * s1[i] / sd;
        }
        SolveResult r = solver.solve(base.withMeasure(RiskMeasure.gaussianVaR(0.99, mu)), OPTIONS);
        assertThat(r.status()).as(r.toString()).isEqualTo(SolveStatus.NO_SOLUTION);
        assertThat(r.message()).contains("no risk-budgeting portfolio");

        // a milder case, Sharpe 1.05 c, only reachable through the iteration
        for (int i = 0; i < 6; i++) {
            mu[i] = 1.05 * c * s1[i] / sd;
        }
        SolveResult r2 = solver.solve(base.withMeasure(RiskMeasure.gaussianVaR(0.99, mu)), OPTIONS);
        assertThat(r2.status()).as(r2.toString()).isEqualTo(SolveStatus.NO_SOLUTION);
    }

    static RiskBudgetProblem scaledCovariance(RiskBudgetProblem p, double f) {
        double[][] cov = p.covariance();
        for (double[] row : cov) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
            }
        }
        return RiskBudgetProblem.of(cov, p.budgets());
    }

    static double[] times(double[] v, double f) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= f;
        }
        return out;
    }

    static double[] ones(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1.0);
        return v;
    }
}

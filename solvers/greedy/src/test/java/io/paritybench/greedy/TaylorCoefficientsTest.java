package io.paritybench.greedy;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Taylor coefficients of {@code Δ ↦ CtR_i(ω + Δe_i)} (ALGORITHMS.md §6.1 step 2, §9 (b)) against finite
 * differences of a fresh evaluation of the relative risk contributions ({@link RiskMetrics}, O(n²) per point, no
 * code shared with the solver). Central differences with one Richardson extrapolation (error O(h⁴)),
 * {@code h = 1e-2 ω_i}; the agreement demanded is {@value #FD_REL} relative to the sum of the magnitudes of the
 * terms of the coefficient (rounding in the differences is ≈ u/h² relative, the truncation ≈ (h/ω_i)⁴).
 */
class TaylorCoefficientsTest {

    /** Finite-difference agreement, relative to the coefficient's scale. */
    private static final double FD_REL = 1e-6;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void correctedCoefficientsMatchFiniteDifferencesAndPublishedQuadraticCoefficientDoesNot(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 3 + rnd.nextInt(6);
        double[][] cov = RandomProblems.covariance(n, seed);
        RiskBudgetProblem problem = RiskBudgetProblem.erc(cov);
        double[] w = RandomProblems.positiveWeights(n, rnd);
        double[] p = RiskMetrics.marginal(problem, w);
        double s2 = RiskMetrics.variance(problem, w);
        int distinguishable = 0;
        for (int i = 0; i < n; i++) {
            double d = cov[i][i];
            double h = 1e-2 * w[i];
            double[] fd = derivatives(problem, w, i, h);
            double bFd = fd[0];
            double aFd = fd[1] / 2;

            double a = TaylorStep.correctedA(w[i], p[i], d, s2);
            double b = TaylorStep.correctedB(w[i], p[i], d, s2);
            double aScale = d / s2 + (2 * p[i] * p[i] + 3 * Math.abs(w[i] * p[i]) * d) / (s2 * s2)
                    + 4 * Math.abs(w[i] * p[i] * p[i] * p[i]) / (s2 * s2 * s2);
            double bScale = (Math.abs(p[i]) + w[i] * d) / s2 + 2 * w[i] * p[i] * p[i] / (s2 * s2);
            assertThat(Math.abs(b - bFd)).as("B of asset %d", i).isLessThanOrEqualTo(FD_REL * bScale);
            assertThat(Math.abs(a - aFd)).as("A of asset %d", i).isLessThanOrEqualTo(FD_REL * aScale);

            // The seed's b is the same linear coefficient (the raw and the ρ forms agree to rounding).
            assertThat(Math.abs(TaylorStep.publishedB(w[i], p[i], d, s2) - b)).isLessThanOrEqualTo(1e-12 * bScale);

            // The seed's a (with 2 − 3ρ²) misses the true value by ρ ω_i σ_i³ (1 − ρ²) / s³ (ALGORITHMS.md §6.1).
            double sigma = Math.sqrt(d);
            double s = Math.sqrt(s2);
            double rho = p[i] / (sigma * s);
            double predicted = rho * w[i] * sigma * sigma * sigma * (1 - rho * rho) / (s * s * s);
            double published = TaylorStep.publishedA(w[i], p[i], d, s2);
            assertThat(Math.abs((published - aFd) - predicted)).as("published a − A of asset %d", i)
                    .isLessThanOrEqualTo(FD_REL * aScale);
            if (Math.abs(predicted) > 1e3 * FD_REL * aScale) {
                distinguishable++;
                assertThat(Math.abs(published - aFd)).as("published a of asset %d is off", i)
                        .isGreaterThan(100 * FD_REL * aScale);
            }
        }
        assertThat(distinguishable).as("assets where the seed's coefficient error is visible").isPositive();
    }

    /** @return {B, 2A} from Richardson-extrapolated central differences of CtR_i(ω + Δe_i) at Δ = 0 */
    private static double[] derivatives(RiskBudgetProblem problem, double[] w, int i, double h) {
        double f0 = ctr(problem, w, i, 0);
        double fp = ctr(problem, w, i, h);
        double fm = ctr(problem, w, i, -h);
        double fp2 = ctr(problem, w, i, h / 2);
        double fm2 = ctr(problem, w, i, -h / 2);
        double d1h = (fp - fm) / (2 * h);
        double d1h2 = (fp2 - fm2) / h;
        double d2h = (fp - 2 * f0 + fm) / (h * h);
        double d2h2 = (fp2 - 2 * f0 + fm2) / (h * h / 4);
        return new double[] {(4 * d1h2 - d1h) / 3, (4 * d2h2 - d2h) / 3};
    }

    private static double ctr(RiskBudgetProblem problem, double[] w, int i, double delta) {
        double[] v = w.clone();
        v[i] += delta;
        return RiskMetrics.relativeRiskContributions(problem, v)[i];
    }
}

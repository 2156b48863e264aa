package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.cases.AccuracyTolerance;
import io.paritybench.core.oracle.ClosedFormTwoAssets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded grid of two-asset problems with their closed-form answers (ALGORITHMS.md §4.1): every combination of
 * ρ ∈ {−0.999, −0.99, −0.9, −0.5, 0, 0.5, 0.9, 0.99, 0.999}, volatility ratio σ_2/σ_1 ∈ {1, 10, 100, 1000} and
 * budget b_1 ∈ {1e-4, 1e-2, 0.25, 0.5, 0.9, 1 − 1e-4} (216 problems), σ_1 log-uniform in [0.01, 1], in a seeded
 * random order.
 */
final class TwoAssetGrid {

    static final double[] RHOS = {-0.999, -0.99, -0.9, -0.5, 0, 0.5, 0.9, 0.99, 0.999};
    static final double[] VOL_RATIOS = {1, 10, 100, 1000};
    static final double[] BUDGETS = {1e-4, 1e-2, 0.25, 0.5, 0.9, 1 - 1e-4};
    static final long SEED = 2L;

    /**
     * One problem of the grid.
     *
     * @param problem      the problem (the covariance as stored, so the reference is that of the stored matrix)
     * @param rho          the correlation asked for
     * @param volRatio     σ_2/σ_1 as asked for (the stored volatilities carry rounding)
     * @param b1           the first budget
     * @param reference    the closed-form weights of the stored matrix
     * @param kappaWeights κ_w of the weights (ALGORITHMS.md §2.4), computed from the closed-form answer
     * @param floorNaive   {@code max|RRC_i − b_i|} of the reference evaluated in double (§8.1)
     */
    record Case(RiskBudgetProblem problem, double rho, double volRatio, double b1, double[] reference,
                double kappaWeights, double floorNaive) {

        /** @return the achievable tolerances of this case (ALGORITHMS.md §8.3) */
        AccuracyTolerance accuracy() {
            return AccuracyTolerance.of(kappaWeights, floorNaive);
        }

        /** @return a short description for reports */
        String describe() {
            return String.format(java.util.Locale.ROOT, "rho=%s, vol ratio=%s, b1=%s", rho, volRatio, b1);
        }
    }

    private TwoAssetGrid() {
    }

    /** @return the grid, in its seeded order */
    static List<Case> cases() {
        SplittableRandom rng = new SplittableRandom(SEED);
        List<Case> out = new ArrayList<>();
        for (double rho : RHOS) {
            for (double ratio : VOL_RATIOS) {
                for (double b1 : BUDGETS) {
                    double s1 = Math.pow(10, -2 + 2 * rng.nextDouble());
                    out.add(build(s1, ratio, rho, b1));
                }
            }
        }
        for (int i = out.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Case t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    /** @return the case with σ_1 = {@code s1}, σ_2 = {@code ratio}·σ_1, correlation ρ and budgets (b_1, 1 − b_1) */
    static Case build(double s1, double ratio, double rho, double b1) {
        double s2 = ratio * s1;
        double c = rho * s1 * s2;
        double[][] cov = {{s1 * s1, c}, {c, s2 * s2}};
        RiskBudgetProblem p = RiskBudgetProblem.of(cov, new double[] {b1, 1 - b1});
        double[][] stored = p.covariance();
        double sigma1 = Math.sqrt(stored[0][0]);
        double sigma2 = Math.sqrt(stored[1][1]);
        double r = stored[0][1] / sigma1 / sigma2;
        double[] b = p.budgets();
        double[] ref = ClosedFormTwoAssets.weights(sigma1, sigma2, r, b[0], b[1]);
        double floor = RiskMetrics.maxAbsBudgetError(p, ref);
        return new Case(p, rho, ratio, b1, ref, kappaWeights(r, b, sigma1 * ref[0], sigma2 * ref[1]), floor);
    }

    /**
     * κ_w = max_i (|J⁻¹| (|C| |y|))_i / y_i with {@code J = C + diag(b ⊘ y²)}, y the correlation-space solution scaled
     * to {@code y'Cy = 1} (ALGORITHMS.md §2.4), for C = [[1, ρ], [ρ, 1]].
     */
    static double kappaWeights(double rho, double[] b, double y1, double y2) {
        double scale = Math.sqrt(y1 * y1 + 2 * rho * y1 * y2 + y2 * y2);
        y1 /= scale;
        y2 /= scale;
        double j11 = 1 + b[0] / (y1 * y1);
        double j22 = 1 + b[1] / (y2 * y2);
        double det = j11 * j22 - rho * rho;
        double i11 = Math.abs(j22 / det);
        double i12 = Math.abs(rho / det);
        double i22 = Math.abs(j11 / det);
        double a = y1 + Math.abs(rho) * y2;
        double d = Math.abs(rho) * y1 + y2;
        return Math.max((i11 * a + i12 * d) / y1, (i12 * a + i22 * d) / y2);
    }
}

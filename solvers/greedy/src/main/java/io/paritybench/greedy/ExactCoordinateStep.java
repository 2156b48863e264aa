package io.paritybench.greedy;

/**
 * The exact coordinate step of ALGORITHMS.md §6.1 ("Recommended robust variant"): the new weight
 * {@code v = ω_i + Δ} with {@code CtR_i(v) = β} solves exactly
 * {@code (1 − β) σ_i² v² + (1 − 2β) q_i v − β s_{-i}² = 0}, where {@code q_i} is the covariance of asset i with
 * the rest of the basket and {@code s_{-i}²} the variance of the rest. For {@code 0 < β < 1} and
 * {@code s_{-i}² > 0} the product of the roots is negative, so there is exactly one positive root; the
 * discriminant {@code D = (1−2β)² q_i² + 4β(1−β) σ_i² s_{-i}²} is positive. O(1).
 */
final class ExactCoordinateStep {

    private ExactCoordinateStep() {
    }

    /**
     * @param beta     the target {@code β = b_i}, in (0, 1)
     * @param d        {@code σ_i² = M_ii}
     * @param q        {@code q_i = Σ_{j≠i} M_ij ω_j}
     * @param restVar  {@code s_{-i}² > 0}
     * @return the positive root, evaluated without cancellation: {@code 2β s_{-i}² / ((1−2β)q_i + sqrt(D))} if
     *         {@code (1−2β) q_i > 0}, else {@code (−(1−2β)q_i + sqrt(D)) / (2(1−β)σ_i²)}
     */
    static double positiveRoot(double beta, double d, double q, double restVar) {
        double lin = (1 - 2 * beta) * q;
        double sq = Math.sqrt(lin * lin + 4 * beta * (1 - beta) * d * restVar);
        return lin > 0 ? 2 * beta * restVar / (lin + sq) : (sq - lin) / (2 * (1 - beta) * d);
    }
}

package io.paritybench.greedy;

/**
 * The second-order Taylor step of Bailey &amp; López de Prado (2012), as printed in seed 000 and as corrected in
 * ALGORITHMS.md §6.1 / §9. All functions are O(1); the arguments are the quantities of one coordinate i:
 * {@code w = ω_i}, {@code p = (Mω)_i}, {@code d = M_ii = σ_i²}, {@code s2 = ω'Mω = s²}.
 *
 * <p>The model is {@code CtR_i(ω + Δe_i) = CtR_i + BΔ + AΔ² + O(Δ³)} and the step solves
 * {@code AΔ² + BΔ + c = 0} with {@code c = CtR_i − b_i}.
 */
final class TaylorStep {

    private TaylorStep() {
    }

    /** @return {@code ρ_i = p_i / (σ_i s)}, the correlation of asset i with the basket */
    static double rho(double p, double d, double s2) {
        return p / (Math.sqrt(d) * Math.sqrt(s2));
    }

    /**
     * The seed's quadratic coefficient, eq. (1), as printed:
     * {@code a = σ_i²/s² (1 − 2ρ²) − ρ ω_i σ_i³/s³ (2 − 3ρ²)}. The factor {@code (2 − 3ρ²)} is wrong (the true
     * coefficient has {@code (3 − 4ρ²)}, see {@link #correctedA}); the difference is {@code ρ ω_i σ_i³ (1 − ρ²)/s³}.
     */
    static double publishedA(double w, double p, double d, double s2) {
        double sigma = Math.sqrt(d);
        double s = Math.sqrt(s2);
        double rho = p / (sigma * s);
        double rho2 = rho * rho;
        return d / s2 * (1 - 2 * rho2) - rho * w * sigma * sigma * sigma / (s * s * s) * (2 - 3 * rho2);
    }

    /** The seed's linear coefficient, eq. (1), as printed: {@code b = ω_i σ_i²/s² (1 − 2ρ²) + σ_i ρ / s} (correct). */
    static double publishedB(double w, double p, double d, double s2) {
        double sigma = Math.sqrt(d);
        double s = Math.sqrt(s2);
        double rho = p / (sigma * s);
        return w * d / s2 * (1 - 2 * rho * rho) + sigma * rho / s;
    }

    /**
     * The correct quadratic coefficient (ALGORITHMS.md §6.1, step 2), in raw quantities (no square roots):
     * {@code A = σ_i²/s² − (2p_i² + 3ω_i p_i σ_i²)/s⁴ + 4ω_i p_i³/s⁶}
     * {@code = σ_i²/s² (1 − 2ρ²) − ρ ω_i σ_i³/s³ (3 − 4ρ²)}.
     */
    static double correctedA(double w, double p, double d, double s2) {
        double inv = 1.0 / s2;
        return d * inv - (2 * p * p + 3 * w * p * d) * inv * inv + 4 * w * p * p * p * inv * inv * inv;
    }

    /**
     * The linear coefficient in raw quantities (ALGORITHMS.md §6.1, step 2):
     * {@code B = (p_i + ω_i σ_i²)/s² − 2ω_i p_i²/s⁴}, equal to the seed's b.
     */
    static double correctedB(double w, double p, double d, double s2) {
        double inv = 1.0 / s2;
        return (p + w * d) * inv - 2 * w * p * p * inv * inv;
    }

    /**
     * The seed's root, eq. (2), exactly as printed: {@code (−b + sqrt(b² − 4ac))/(2b)} if {@code b ≥ 0},
     * {@code (−b − sqrt(b² − 4ac))/(2b)} if {@code b < 0}, {@code −c/b} if {@code a = 0}. The denominator
     * {@code 2b} is a typo for {@code 2a}: the result is the smallest-magnitude root times {@code a/b}.
     * Returns NaN for a negative discriminant and a non-finite value for {@code b = 0}; the caller names both.
     */
    static double publishedRoot(double a, double b, double c) {
        if (a == 0) {
            return -c / b;
        }
        double sq = Math.sqrt(b * b - 4 * a * c);
        return b >= 0 ? (-b + sq) / (2 * b) : (-b - sq) / (2 * b);
    }

    /**
     * The root of smallest magnitude of {@code AΔ² + BΔ + c = 0} without cancellation (ALGORITHMS.md §6.1, step 3;
     * also covers {@code A = 0}): {@code Δ = −2c / (B + sign(B) sqrt(B² − 4Ac))}. Returns NaN for a negative
     * discriminant and a non-finite value when the denominator vanishes ({@code A = B = 0}).
     */
    static double stableRoot(double a, double b, double c) {
        double sq = Math.sqrt(b * b - 4 * a * c);
        return -2 * c / (b + Math.copySign(sq, b));
    }

    /** @return {@code b² − 4ac} */
    static double discriminant(double a, double b, double c) {
        return b * b - 4 * a * c;
    }
}

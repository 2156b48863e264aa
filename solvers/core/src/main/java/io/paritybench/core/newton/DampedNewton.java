package io.paritybench.core.newton;

/**
 * Pieces of Spinu's damped Newton method on a log-barrier (Spinu 2013, Algorithm 1, Thm 3.3–3.4; ALGORITHMS.md
 * §6.2) shared by the solvers that run it: the newton solvers' volatility and measure paths and the reference
 * solver's Spinu and measure phases. Each is O(n) per call.
 */
public final class DampedNewton {

    /** Spinu's switch between the damped and the quadratic phase, {@code 0.95 (3 − √5)/2 ≈ 0.3629}. */
    public static final double LAMBDA_STAR = 0.95 * (3 - Math.sqrt(5)) / 2;

    /**
     * Below this multiple of {@code u·sqrt(S)} the decrement is rounding: the gradient {@code (Cy)_i − b_i/y_i} of a
     * barrier with budgets b carries an absolute error of about {@code u·b_i/y_i}, so {@code λ = sqrt(g'H⁻¹g)} with
     * {@code H_ii ≥ b_i/y_i²} carries about {@code u·sqrt(Σ b_i)}. With budgets scaled to {@code min b = 1} and
     * spanning more than about 1e24, {@code S = Σ b_i} is so large that this floor exceeds {@link #LAMBDA_STAR} and
     * the damped phase would never end; the quadratic phase starts below {@link #switchThreshold} instead.
     */
    public static final double DECREMENT_NOISE = 1024;

    private static final double U = 0x1.0p-53;

    private DampedNewton() {
    }

    /**
     * @return the decrement below which the quadratic phase starts: {@link #LAMBDA_STAR}, or the rounding floor
     *         {@code 1024·u·sqrt(S)} of the decrement where that is larger (only when {@code S > 1e25})
     */
    public static double switchThreshold(double s) {
        return Math.max(LAMBDA_STAR, DECREMENT_NOISE * U * Math.sqrt(s));
    }

    /**
     * Spinu's phase rule, robust to huge S: damped while {@code λ > λ*}. When the rounding floor of λ exceeds λ*
     * ({@code switchAt > λ*}, budgets spanning more than about 1e24), damped only while {@code λ > switchAt} and
     * the relative step {@code δ = max_i |Δ_i|/y_i} exceeds λ*: λ can then sit at its floor (measured: 2e137–4e137
     * at S = 1e300, κ(C) = 1e6, more than 1000·u·sqrt(S)) while δ ≈ 1e-12 says the iterate no longer moves, and
     * a full step with {@code δ ≤ λ* < 1} stays in the orthant.
     *
     * @param switchAt {@link #switchThreshold} of the problem's S
     * @return whether to take the damped step
     */
    public static boolean damped(double lambda, double delta, double switchAt) {
        if (switchAt > LAMBDA_STAR) {
            return lambda > switchAt && delta > LAMBDA_STAR;
        }
        return lambda > LAMBDA_STAR;
    }

    /**
     * The damped step {@code y ← y − Δ/(1 + δ)}, {@code δ = max_i |Δ_i|/y_i}, evaluated as
     * {@code y_i (1 + (δ − r_i))/(1 + δ)} with {@code r_i = Δ_i/y_i}: the same point in exact arithmetic, but
     * without the cancellation of {@code y_i − Δ_i/(1 + δ)} when {@code r_i} is close to δ (exactly where Spinu's
     * damping keeps {@code y_i} positive: the new {@code y_i ≥ y_i/(1 + δ)}). Written as a difference, a coordinate
     * that must shrink by more than 2^53 (a budget 1e-300 among budgets of order 1, δ ≈ 1e20) rounded to zero and
     * ended the solve with a non-positive iterate. {@code δ − r_i} is exact for the maximising coordinate (Sterbenz),
     * so every coordinate stays positive unless it underflows. O(n).
     *
     * @param y     the iterate, positive, updated in place
     * @param d     the Newton direction Δ
     * @param delta {@code max_i |Δ_i|/y_i}, computed as {@code Math.abs(d[i]) / y[i]}
     */
    public static void dampedStep(double[] y, double[] d, double delta) {
        double denominator = 1 + delta;
        for (int i = 0; i < y.length; i++) {
            double r = d[i] / y[i];
            y[i] *= (1 + (delta - r)) / denominator;
        }
    }
}

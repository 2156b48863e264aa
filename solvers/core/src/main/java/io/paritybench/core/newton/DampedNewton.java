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

    /** {@code λ² = g'Δ} and {@code δ = max_i |Δ_i|/y_i} of a Newton direction Δ at y. */
    public record Decrement(double lambda2, double delta) {

        /** Accumulated in index order, as every loop did before sharing it. O(n). */
        public static Decrement of(double[] g, double[] d, double[] y) {
            double lam2 = 0;
            double delta = 0;
            for (int i = 0; i < y.length; i++) {
                lam2 += g[i] * d[i];
                delta = Math.max(delta, Math.abs(d[i]) / y[i]);
            }
            return new Decrement(lam2, delta);
        }
    }

    /** @return whether {@code y − tΔ} is strictly positive in every coordinate */
    public static boolean staysPositive(double[] y, double[] d, double t) {
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] - t * d[i] > 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * ALGORITHMS.md §6.2's noise-floor rule in its original form (the reference's phases): in the quadratic phase,
     * {@code λ > λ_prev/4} twice in a row means the decrement has reached the rounding floor.
     */
    public static final class QuarterRule {
        private double prev = Double.POSITIVE_INFINITY;
        private int slow;

        /** A damped step: the quadratic-phase history starts afresh. */
        public void reset() {
            slow = 0;
            prev = Double.POSITIVE_INFINITY;
        }

        /** @return whether the quadratic-phase decrement λ is the second in a row above a quarter of its predecessor */
        public boolean stagnated(double lambda) {
            slow = lambda > prev / 4 ? slow + 1 : 0;
            if (slow >= 2) {
                return true;
            }
            prev = lambda;
            return false;
        }
    }

    /** Why {@link Stagnation#quadratic} stops the iteration. */
    public enum Stop {
        /** Go on. */
        NONE,
        /** {@value DampedNewton#STAGNATION_STRIKES} rounding-dominated quadratic steps in a row ({@code λ⁺ > λ/4} below the onset). */
        STRIKES,
        /** The step is below the resolution of the iterate: {@code δ ≤ 4u}. */
        RESOLUTION,
        /** {@value DampedNewton#NO_PROGRESS_WINDOW} quadratic steps in a row without halving the smallest decrement seen. */
        NO_PROGRESS
    }

    /** Below this decrement {@code λ⁺ > λ/4} cannot happen in exact arithmetic: {@code 3 − 2√2}. */
    public static final double STAGNATION_ONSET = 3 - 2 * Math.sqrt(2);
    /** Consecutive rounding-dominated quadratic iterations that stop the iteration. */
    public static final int STAGNATION_STRIKES = 2;
    /** Quadratic iterations without halving the best decrement that stop the iteration. */
    public static final int NO_PROGRESS_WINDOW = 8;

    /**
     * The newton solvers' stagnation rules (ALGORITHMS.md §6.2, restricted to where they are a certain sign of
     * rounding): in the quadratic phase a self-concordant function satisfies {@code λ⁺ ≤ (λ/(1 − λ))²}, so
     * {@code λ⁺ > λ/4} after a quadratic step with {@code λ < 3 − 2√2} is rounding; {@value #STAGNATION_STRIKES}
     * such strikes in a row (counted only for accurate directions; after a suspicious one the next direction is
     * requested accurate), a step below the iterate's resolution, or {@value #NO_PROGRESS_WINDOW} quadratic steps
     * without halving the best decrement stop the iteration. O(1) per call.
     */
    public static final class Stagnation {
        private int strikes;
        private double lambdaPrev = Double.NaN;
        private boolean prevQuadratic;
        private double bestLambda = Double.POSITIVE_INFINITY;
        private int sinceBest;
        private boolean wantAccurate;

        /** A damped step is taken: no strike, and no accurate direction needed. */
        public void damped() {
            strikes = 0;
            wantAccurate = false;
        }

        /**
         * A quadratic-phase iteration with decrement λ and relative step δ.
         *
         * @param accurate whether the direction was computed accurately (a strike counts only then)
         * @return the rule that stops the iteration, or {@link Stop#NONE}
         */
        public Stop quadratic(double lambda, double delta, boolean accurate) {
            boolean suspicious = prevQuadratic && lambdaPrev < STAGNATION_ONSET && lambda > lambdaPrev / 4;
            if (!suspicious) {
                strikes = 0;
            } else if (accurate) {
                strikes++;
            }
            wantAccurate = suspicious;
            if (lambda < 0.5 * bestLambda) {
                bestLambda = lambda;
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            if (strikes >= STAGNATION_STRIKES) {
                return Stop.STRIKES;
            }
            if (delta <= 4 * U) {
                return Stop.RESOLUTION;
            }
            if (sinceBest >= NO_PROGRESS_WINDOW) {
                return Stop.NO_PROGRESS;
            }
            return Stop.NONE;
        }

        /** The step of decrement λ was taken, in the quadratic phase or not. */
        public void stepped(double lambda, boolean quadratic) {
            prevQuadratic = quadratic;
            lambdaPrev = lambda;
        }

        /** @return whether the next direction should be accurate (the last quadratic step was suspicious) */
        public boolean wantAccurate() {
            return wantAccurate;
        }
    }
}

package io.paritybench.newton;

/**
 * Minimises the barrier function along a Newton ray, {@code φ(t) = F(y − tΔ)}, for
 * {@code F(y) = ½ y'Cy − Σ b_i ln y_i}, given the two products {@code Cy} and {@code CΔ}:
 * {@code φ'(t) = t Δ'CΔ − Δ'Cy + Σ b_i Δ_i / (y_i − tΔ_i)}, {@code φ'' > 0}, {@code φ'(0) = −g'Δ < 0}, and
 * {@code φ' → +∞} at {@code t_max = min_{Δ_i > 0} y_i/Δ_i}. Safeguarded Newton iteration on {@code φ'} inside a
 * shrinking bracket; O(n) per trial, at most {@value #MAX_TRIALS} trials.
 */
final class RayMinimizer {

    static final int MAX_TRIALS = 40;

    private RayMinimizer() {
    }

    /**
     * @param dCy    {@code Δ'Cy}
     * @param dCd    {@code Δ'CΔ}
     * @param tStart a first trial in {@code (0, t_max)}
     * @return a step length between {@code tStart} and the minimiser {@code t*} of φ (inclusive), hence with
     *         {@code φ(t) ≤ φ(tStart)} since φ is convex; within a relative 1e-3 of {@code t*} unless the trial
     *         budget ran out
     */
    static double minimise(double[] y, double[] delta, double[] b, double dCy, double dCd, double tStart) {
        int n = y.length;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (delta[i] > 0) {
                hi = Math.min(hi, y[i] / delta[i]);
            }
        }
        double t = tStart;
        boolean below = true;
        for (int trial = 0; trial < MAX_TRIALS; trial++) {
            double d1 = t * dCd - dCy;
            double d2 = dCd;
            for (int i = 0; i < n; i++) {
                double ri = delta[i] / (y[i] - t * delta[i]);
                d1 += b[i] * ri;
                d2 += b[i] * ri * ri;
            }
            if (!Double.isFinite(d1) || !Double.isFinite(d2)) {
                break;
            }
            if (trial == 0) {
                below = d1 < 0;
            }
            if (d1 < 0) {
                lo = t;
            } else {
                hi = t;
            }
            double step = d1 / d2;
            if (hi - lo <= 1e-3 * lo || Math.abs(step) <= 1e-3 * t) {
                break;
            }
            double next = t - step;
            if (!(next > lo && next < hi)) {
                next = hi == Double.POSITIVE_INFINITY ? 2 * lo : 0.5 * (lo + hi);
            }
            t = next;
        }
        // the bracket [lo, hi] holds t*; on the side of tStart, both ends stay between tStart and t*
        double safe = below ? lo : hi;
        return safe > 0 && Double.isFinite(safe) ? safe : tStart;
    }
}

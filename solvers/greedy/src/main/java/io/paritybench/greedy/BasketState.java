package io.paritybench.greedy;

/**
 * The working state of one greedy solve (ALGORITHMS.md §6.1, "State"): unnormalised weights {@code ω > 0} on a
 * fixed symmetric matrix {@code M} (the covariance Σ or the correlation C), the marginal vector {@code p = Mω}
 * and the variance {@code s² = ω'Mω}, updated by rank one after each coordinate step.
 *
 * <p>Costs: {@link #set} and {@link #worst} are O(n); {@link #refresh} and {@link #restVarianceFresh} are O(n²).
 * One instance belongs to one solve; it is never shared.
 */
final class BasketState {

    final int n;
    private final double[][] m;
    private final double[] d;
    private final double[] w;
    private final double[] p;
    private double s2;
    private double worstError;

    /** @param m the symmetric matrix (not copied; never modified); @param w0 the start (copied) */
    BasketState(double[][] m, double[] w0) {
        this.n = m.length;
        this.m = m;
        this.d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = m[i][i];
        }
        this.w = w0.clone();
        this.p = new double[n];
        refresh();
    }

    /** Recomputes {@code p = Mω} and {@code s² = ω'p} from scratch (O(n²)), removing the drift of the updates. */
    void refresh() {
        double v = 0;
        for (int i = 0; i < n; i++) {
            double[] mi = m[i];
            double acc = 0;
            for (int j = 0; j < n; j++) {
                acc += mi[j] * w[j];
            }
            p[i] = acc;
            v += w[i] * acc;
        }
        s2 = v;
    }

    /**
     * Scans {@code |CtR_k − target_k|}, {@code CtR_k = ω_k p_k / s²}, for the greedy choice of the paper
     * (O(n)). Ties go to the lowest index; a NaN error is returned as the worst one.
     *
     * @return the index of the largest error; the error itself is {@link #worstError()}
     */
    int worst(double[] target) {
        double inv = 1.0 / s2;
        int best = 0;
        double bestErr = -1;
        for (int k = 0; k < n; k++) {
            double e = Math.abs(w[k] * p[k] * inv - target[k]);
            if (!(e <= bestErr)) {
                best = k;
                bestErr = e;
                if (Double.isNaN(e)) {
                    break;
                }
            }
        }
        worstError = bestErr;
        return best;
    }

    /** @return the error found by the last {@link #worst} scan */
    double worstError() {
        return worstError;
    }

    /** @return whether {@code s²} is positive and finite (it is, exactly, for ω > 0 and M positive definite) */
    boolean varianceValid() {
        return s2 > 0 && s2 < Double.POSITIVE_INFINITY;
    }

    /**
     * Sets {@code ω_i = v} and updates {@code p += Δ M_{:,i}}, {@code s² += 2Δ p_i^old + Δ² M_ii} with the change
     * Δ actually stored, {@code fl(v) − ω_i^old}, so the maintained quantities describe the stored weights (O(n)).
     *
     * @return the stored change Δ
     */
    double set(int i, double v) {
        double delta = v - w[i];
        w[i] = v;
        s2 += delta * (2 * p[i] + delta * d[i]);
        double[] mi = m[i];
        for (int k = 0; k < n; k++) {
            p[k] += delta * mi[k];
        }
        return delta;
    }

    double weight(int i) {
        return w[i];
    }

    double marginal(int i) {
        return p[i];
    }

    double variance() {
        return s2;
    }

    double diagonal(int i) {
        return d[i];
    }

    /** @return {@code CtR_i = ω_i p_i / s²} from the maintained state */
    double ctr(int i) {
        return w[i] * p[i] / s2;
    }

    /** @return {@code q_i = p_i − ω_i M_ii}, the covariance of asset i with the rest of the basket */
    double restCovariance(int i) {
        return p[i] - w[i] * d[i];
    }

    /** @return {@code s_{-i}² = s² − 2ω_i p_i + ω_i² M_ii}, the variance of the rest, from the maintained state */
    double restVariance(int i) {
        return s2 - w[i] * (2 * p[i] - w[i] * d[i]);
    }

    /** @return {@code Σ_{j,k≠i} ω_j M_jk ω_k} summed directly, without cancellation (O(n²)) */
    double restVarianceFresh(int i) {
        double v = 0;
        for (int j = 0; j < n; j++) {
            if (j == i) {
                continue;
            }
            double[] mj = m[j];
            double acc = 0;
            for (int k = 0; k < n; k++) {
                if (k != i) {
                    acc += mj[k] * w[k];
                }
            }
            v += w[j] * acc;
        }
        return v;
    }

    /** @return a copy of the weights */
    double[] weights() {
        return w.clone();
    }

    /** @return the weights themselves (read-only, for an iteration observer) */
    double[] view() {
        return w;
    }
}

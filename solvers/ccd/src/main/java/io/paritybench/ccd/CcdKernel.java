package io.paritybench.ccd;

/**
 * The inner loops of cyclical coordinate descent in correlation space (ALGORITHMS.md §6.4): the iterate {@code y},
 * the product {@code Cy} kept up to date by rank-one updates, and {@code y'Cy}. One instance per solve.
 *
 * <p>The correlation matrix is stored row-major in one contiguous array and is exactly symmetric, so column i of C,
 * needed by the update {@code Cy += Δ·C[:, i]}, is read as row i (contiguous, vectorisable). Each coordinate update
 * costs O(n); a sweep costs n² multiply-adds and reads C once. {@link #refresh()} recomputes {@code Cy} and
 * {@code y'Cy} from scratch (one further pass over C), which removes the rounding drift of the rank-one updates.
 */
final class CcdKernel {

    private final int n;
    /** Correlation matrix, row-major, exactly symmetric with unit diagonal. */
    private final double[] c;
    /** Budgets normalised to sum to 1. */
    private final double[] b;
    /** Iterate in correlation space, positive. */
    final double[] y;
    /** C·y, updated by rank-one updates within a sweep and recomputed by {@link #refresh()}. */
    final double[] cy;
    /** y'Cy, maintained like {@link #cy}. */
    double variance;

    /**
     * @param c  correlation matrix, row-major, exactly symmetric with unit diagonal (not copied)
     * @param b  budgets normalised to sum to 1 (not copied)
     * @param y0 positive starting point (copied)
     */
    CcdKernel(double[] c, double[] b, double[] y0) {
        this.n = b.length;
        if (c.length != n * n || y0.length != n) {
            throw new IllegalArgumentException("dimension mismatch: n = " + n + ", C has " + c.length
                    + " entries, y0 has " + y0.length);
        }
        this.c = c;
        this.b = b;
        this.y = y0.clone();
        this.cy = new double[n];
        refresh();
    }

    int n() {
        return n;
    }

    /**
     * One Spinu-form sweep: for i = 1..n, {@code y_i} becomes the exact minimiser over {@code y_i} of
     * {@code F(y) = ½ y'Cy − Σ b_i ln y_i}, the positive root of {@code y_i² + q_i y_i − b_i = 0},
     * {@code q_i = (Cy)_i − y_i}; then {@code Cy += Δ C[:, i]}.
     */
    void sweepSpinu() {
        final int n = this.n;
        final double[] c = this.c;
        final double[] y = this.y;
        final double[] cy = this.cy;
        double v = variance;
        for (int i = 0; i < n; i++) {
            double yi = y[i];
            double cyi = cy[i];
            double yNew = positiveRoot(cyi - yi, b[i]);
            double d = yNew - yi;
            y[i] = yNew;
            v += d * (2 * cyi + d);
            axpy(d, c, i * n, cy, n);
        }
        variance = v;
    }

    /**
     * One sweep of the volatility form (Griveau-Billion, Richard and Roncalli 2013, eq. (4)): as
     * {@link #sweepSpinu()} with {@code b_i} replaced by {@code b_i σ(y)}, where {@code σ(y)² = y'Cy} is updated after
     * every coordinate by {@code σ² += 2Δ(Cy)_i + Δ²} ({@code (Cy)_i} before the update, {@code C_ii = 1}).
     */
    void sweepVolatility() {
        final int n = this.n;
        final double[] c = this.c;
        final double[] y = this.y;
        final double[] cy = this.cy;
        double v = variance;
        for (int i = 0; i < n; i++) {
            double yi = y[i];
            double cyi = cy[i];
            double yNew = positiveRoot(cyi - yi, b[i] * Math.sqrt(v));
            double d = yNew - yi;
            y[i] = yNew;
            v += d * (2 * cyi + d);
            axpy(d, c, i * n, cy, n);
        }
        variance = v;
    }

    /**
     * One sweep for the measure {@code R(y) = −μ̃'y + c σ(y)} (ALGORITHMS.md §7, GRR §2.2): with σ = σ(y) frozen for
     * the coordinate, {@code y_i} becomes the positive root of {@code c y_i² + (c q_i − μ̃_i σ) y_i − b_i σ = 0}
     * ({@code C_ii = 1}, {@code q_i = (Cy)_i − y_i}), i.e. of {@code t² + (q_i − μ̃_i σ/c) t − b_i σ/c = 0}, evaluated
     * in the stable form of {@link #positiveRoot}; then σ is updated as in {@link #sweepVolatility()}. A fixed point
     * has {@code y_i (−μ̃_i + c (Cy)_i/σ) = b_i}: risk contributions equal to the budgets and {@code R(y) = Σ b_i = 1}.
     * With μ̃ = 0 and c = 1 this is {@link #sweepVolatility()}.
     *
     * @param mu expected returns in correlation space, {@code μ_i/σ_i}
     * @param c  the multiplier of σ, positive
     */
    void sweepMeasure(double[] mu, double c) {
        final int n = this.n;
        final double[] cm = this.c;
        final double[] y = this.y;
        final double[] cy = this.cy;
        final double invC = 1.0 / c;
        double v = variance;
        for (int i = 0; i < n; i++) {
            double yi = y[i];
            double cyi = cy[i];
            double s = Math.sqrt(v) * invC;
            double yNew = positiveRoot(cyi - yi - mu[i] * s, b[i] * s);
            double d = yNew - yi;
            y[i] = yNew;
            v += d * (2 * cyi + d);
            axpy(d, cm, i * n, cy, n);
        }
        variance = v;
    }

    /** @return {@code R(y) = −μ̃'y + c sqrt(y'Cy)}; meaningful after {@link #refresh()} */
    double risk(double[] mu, double c) {
        double lin = 0;
        for (int i = 0; i < n; i++) {
            lin += mu[i] * y[i];
        }
        return -lin + c * Math.sqrt(variance);
    }

    /**
     * @return {@code max_i |RC_i/R − b_i|} with {@code RC_i = y_i (−μ̃_i + c (Cy)_i/σ)}, the same in correlation and
     *         covariance space; NaN if anything is not finite. Meaningful after {@link #refresh()}.
     */
    double maxAbsBudgetError(double[] mu, double c) {
        double cs = c / Math.sqrt(variance);
        double r = risk(mu, c);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.abs(y[i] * (-mu[i] + cs * cy[i]) / r - b[i]);
            if (!(e <= worst)) {
                if (Double.isNaN(e)) {
                    return Double.NaN;
                }
                worst = e;
            }
        }
        return worst;
    }

    /**
     * The positive root of {@code t² + q t − β = 0} ({@code β > 0}), evaluated without cancellation:
     * {@code 2β/(q + sqrt(q² + 4β))} if {@code q > 0}, else {@code (−q + sqrt(q² + 4β))/2}.
     */
    static double positiveRoot(double q, double beta) {
        double r = Math.sqrt(q * q + 4 * beta);
        return q > 0 ? 2 * beta / (q + r) : 0.5 * (r - q);
    }

    /** {@code dst[0..n) += a · src[off .. off+n)}. */
    private static void axpy(double a, double[] src, int off, double[] dst, int n) {
        for (int j = 0; j < n; j++) {
            dst[j] += a * src[off + j];
        }
    }

    /** Recomputes {@code Cy} and {@code y'Cy} from scratch (one pass over C, no rank-one drift). */
    void refresh() {
        product(c, y, cy, n);
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += y[i] * cy[i];
        }
        variance = v;
    }

    /**
     * {@code out = C x} for a row-major symmetric C, accumulated by rows of C scaled by the entries of x
     * ({@code Cx = Σ_j x_j C[j, :]} by symmetry), so the inner loop is a contiguous, vectorisable update and every
     * {@code out_i} is summed in the order j = 0..n−1.
     */
    static void product(double[] c, double[] x, double[] out, int n) {
        java.util.Arrays.fill(out, 0, n, 0.0);
        for (int j = 0; j < n; j++) {
            axpy(x[j], c, j * n, out, n);
        }
    }

    /** Multiplies y (and with it Cy, y'Cy) by {@code f > 0}. */
    void scale(double f) {
        for (int i = 0; i < n; i++) {
            y[i] *= f;
            cy[i] *= f;
        }
        variance *= f * f;
    }

    /**
     * @return {@code max_i |y_i (Cy)_i / y'Cy − b_i|}, the relative-risk-contribution error, which is the same in
     *         correlation and covariance space; NaN if anything is not finite. Meaningful after {@link #refresh()}.
     */
    double maxAbsBudgetError() {
        double inv = 1.0 / variance;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.abs(y[i] * cy[i] * inv - b[i]);
            if (!(e <= worst)) {
                if (Double.isNaN(e)) {
                    return Double.NaN;
                }
                worst = e;
            }
        }
        return Double.isFinite(inv) ? worst : Double.NaN;
    }

    /** @return {@code max_i y_i} */
    double maxEntry() {
        double m = 0;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, y[i]);
        }
        return m;
    }
}

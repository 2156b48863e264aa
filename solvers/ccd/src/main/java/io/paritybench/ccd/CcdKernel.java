package io.paritybench.ccd;

import io.paritybench.core.RiskBudgetProblem;

/**
 * The inner loops of cyclical coordinate descent in correlation space (ALGORITHMS.md §6.4): the iterate {@code y},
 * the product {@code Cy} and {@code y'Cy}. One instance per solve.
 *
 * <p><b>One pass over Σ per sweep, as row updates only.</b> The correlation matrix {@code C = D^{-1/2} Σ D^{-1/2}}
 * is never formed: the kernel works with {@code x = y ⊘ σ} and {@code (Cy)_i = (Σx)_i / σ_i}, reading the problem's
 * own Σ row by row (row i is column i by symmetry). Coordinate i of a sweep needs
 * {@code (Σx)_i = l_i + Σ_ii x_i + u_i} with {@code l_i = Σ_{j<i} Σ_ij x_j} over the coordinates already updated in
 * this sweep and {@code u_i = Σ_{j>i} Σ_ij x_j} over those not yet updated (their values at the end of the previous
 * sweep). Both are partial sums accumulated as rows are read: once {@code x_i} is updated, row i adds
 * {@code Σ_ki x_i} to {@code l_k} of the coordinates still to come (k &gt; i) and to the next sweep's {@code u_k}
 * (k &lt; i) ({@link RiskBudgetProblem#addCovarianceRow}, two axpy loops that C2 vectorises). So a sweep reads each
 * entry of Σ once ({@code 8n²} bytes) for {@code n²} multiply-adds, all of them vectorised, and contains no dot
 * product (a floating-point reduction, which C2 leaves scalar). Measured against the earlier half pass (a dot product
 * with the lower half of row i plus an axpy with the same half), this reads twice the bytes but is about 1.5–1.7×
 * faster per sweep at n = 500–1000, where Σ sits in L2 or L3 and the scalar dot product, not the memory traffic, was
 * the bound. At the end of a sweep {@code (Σx)_k = l_k + Σ_kk x_k + u_k} holds the product of the final iterate,
 * summed afresh from this sweep's values (no update is carried from one sweep to the next, so there is no rounding
 * drift to remove). Cost per coordinate O(n), per sweep {@code n²} flops; allocation O(n).
 */
final class CcdKernel {

    /** The coordinate rule of a sweep. */
    private enum Rule { SPINU, VOLATILITY, MEASURE }

    private final int n;
    private final RiskBudgetProblem problem;
    /** {@code 1/σ_i}. */
    private final double[] inv;
    /** {@code Σ_ii}. */
    private final double[] diag;
    /** Budgets normalised to sum to 1. */
    private final double[] b;
    /** Iterate in correlation space, positive. */
    final double[] y;
    /** {@code x = y ⊘ σ}, kept in step with y. */
    private final double[] x;
    /**
     * {@code Cy = (Σx) ⊘ σ} of the current iterate. A caller that moves {@link #y} itself (an extrapolation) may
     * update cy and {@link #variance} with it, and must call {@link #refresh()} before the next sweep.
     */
    final double[] cy;
    /** {@code u_i = Σ_{j>i} Σ_ij x_j} of the current iterate. */
    private double[] upper;
    /** The next sweep's {@link #upper}, accumulated during a sweep. */
    private double[] nextUpper;
    /**
     * {@code Σ_{j<i} Σ_ij x_j} of the current iterate; during a sweep, the part summed so far (coordinates already
     * updated).
     */
    private final double[] lower;
    /** y'Cy of the current iterate. */
    double variance;

    /**
     * @param problem the problem (Σ is read in place, never copied)
     * @param sigma   volatilities {@code σ_i = sqrt(Σ_ii)}
     * @param b       budgets normalised to sum to 1 (not copied)
     * @param y0      positive starting point (copied)
     */
    CcdKernel(RiskBudgetProblem problem, double[] sigma, double[] b, double[] y0) {
        this.n = b.length;
        if (problem.n() != n || sigma.length != n || y0.length != n) {
            throw new IllegalArgumentException("dimension mismatch: n = " + n + ", problem has " + problem.n()
                    + ", sigma has " + sigma.length + ", y0 has " + y0.length);
        }
        this.problem = problem;
        this.inv = new double[n];
        this.diag = new double[n];
        for (int i = 0; i < n; i++) {
            inv[i] = 1.0 / sigma[i];
            diag[i] = problem.covariance(i, i);
        }
        this.b = b;
        this.y = y0.clone();
        this.x = new double[n];
        this.cy = new double[n];
        this.upper = new double[n];
        this.nextUpper = new double[n];
        this.lower = new double[n];
        refresh();
    }

    int n() {
        return n;
    }

    /**
     * One Spinu-form sweep: for i = 1..n, {@code y_i} becomes the exact minimiser over {@code y_i} of
     * {@code F(y) = ½ y'Cy − Σ b_i ln y_i}, the positive root of {@code y_i² + q_i y_i − b_i = 0},
     * {@code q_i = (Cy)_i − y_i}.
     */
    void sweepSpinu() {
        sweep(Rule.SPINU, null, 1.0);
    }

    /**
     * One sweep of the volatility form (Griveau-Billion, Richard and Roncalli 2013, eq. (4)): as
     * {@link #sweepSpinu()} with {@code b_i} replaced by {@code b_i σ(y)}, where {@code σ(y)² = y'Cy} is updated after
     * every coordinate by {@code σ² += 2Δ(Cy)_i + Δ²} ({@code (Cy)_i} before the update, {@code C_ii = 1}).
     */
    void sweepVolatility() {
        sweep(Rule.VOLATILITY, null, 1.0);
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
        sweep(Rule.MEASURE, mu, 1.0 / c);
    }

    /** One sweep of the given rule, one pass over Σ (class comment); ends with Σx and y'Cy fresh. */
    private void sweep(Rule rule, double[] mu, double invC) {
        final int n = this.n;
        final RiskBudgetProblem p = problem;
        final double[] y = this.y;
        final double[] x = this.x;
        final double[] inv = this.inv;
        final double[] diag = this.diag;
        final double[] u = this.upper;
        final double[] next = this.nextUpper;
        final double[] lo = this.lower;
        java.util.Arrays.fill(next, 0.0);
        java.util.Arrays.fill(lo, 0.0);
        double v = variance;
        for (int i = 0; i < n; i++) {
            double l = lo[i];
            double yi = y[i];
            double cyi = (l + diag[i] * x[i] + u[i]) * inv[i];
            double yNew;
            switch (rule) {
                case SPINU -> yNew = positiveRoot(cyi - yi, b[i]);
                case VOLATILITY -> yNew = positiveRoot(cyi - yi, b[i] * Math.sqrt(v));
                default -> {
                    double s = Math.sqrt(v) * invC;
                    yNew = positiveRoot(cyi - yi - mu[i] * s, b[i] * s);
                }
            }
            double d = yNew - yi;
            y[i] = yNew;
            double xi = yNew * inv[i];
            x[i] = xi;
            v += d * (2 * cyi + d);
            p.addCovarianceRow(i, xi, next, 0, i);
            p.addCovarianceRow(i, xi, lo, i + 1, n);
        }
        this.upper = next;
        this.nextUpper = u;
        assemble();
    }

    /** {@code Cy = (lower + diag ∘ x + upper) ⊘ σ} and {@code y'Cy} from it. */
    private void assemble() {
        double[] u = upper;
        double v = 0;
        for (int i = 0; i < n; i++) {
            cy[i] = (lower[i] + diag[i] * x[i] + u[i]) * inv[i];
            v += y[i] * cy[i];
        }
        variance = v;
    }

    /** @return {@code R(y) = −μ̃'y + c sqrt(y'Cy)}; of the current iterate */
    double risk(double[] mu, double c) {
        double lin = 0;
        for (int i = 0; i < n; i++) {
            lin += mu[i] * y[i];
        }
        return -lin + c * Math.sqrt(variance);
    }

    /**
     * @return {@code max_i |RC_i/R − b_i|} with {@code RC_i = y_i (−μ̃_i + c (Cy)_i/σ)}, the same in correlation and
     *         covariance space; NaN if anything is not finite. Of the current iterate.
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

    /**
     * Recomputes {@code x}, {@code Cy = (Σx) ⊘ σ}, the split of Σx into its lower and upper parts and
     * {@code y'Cy} from y: one pass over Σ, row updates only (class comment).
     */
    void refresh() {
        final RiskBudgetProblem p = problem;
        double[] u = upper;
        java.util.Arrays.fill(u, 0.0);
        java.util.Arrays.fill(lower, 0.0);
        for (int i = 0; i < n; i++) {
            x[i] = y[i] * inv[i];
        }
        for (int i = 0; i < n; i++) {
            p.addCovarianceRow(i, x[i], u, 0, i);
            p.addCovarianceRow(i, x[i], lower, i + 1, n);
        }
        assemble();
    }

    /** Multiplies y (and with it Cy, y'Cy) by {@code f > 0}. */
    void scale(double f) {
        for (int i = 0; i < n; i++) {
            y[i] *= f;
            x[i] *= f;
            cy[i] *= f;
            upper[i] *= f;
            lower[i] *= f;
        }
        variance *= f * f;
    }

    /**
     * @return {@code max_i |y_i (Cy)_i / y'Cy − b_i|}, the relative-risk-contribution error, which is the same in
     *         correlation and covariance space; NaN if anything is not finite. Of the current iterate.
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

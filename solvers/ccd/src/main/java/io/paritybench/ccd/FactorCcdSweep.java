package io.paritybench.ccd;

import io.paritybench.core.FactorCovariance;

/**
 * The inner loops of cyclical coordinate descent for a factor-form correlation matrix {@code C = B̃FB̃' + D̃}
 * ({@code B̃ = diag(1/σ) B}, {@code D̃ = D/σ²}; ALGORITHMS.md §6.4), the factor counterpart of {@link CcdKernel}.
 *
 * <p>Instead of {@code Cy} it keeps {@code v = F B̃'y} (k numbers): {@code (Cy)_i = b̃_i'v + D̃_i y_i} costs O(k),
 * and after a change Δ of {@code y_i}, {@code v += Δ g_i} with {@code g_i = F b̃_i} (row i of {@code G = B̃F},
 * precomputed once in O(nk²)) also costs O(k). A coordinate update is therefore O(k) and a sweep O(nk) (2nk
 * multiply-adds), against n² for the dense kernel; {@link #refresh()} recomputes v, Cy and y'Cy from scratch in
 * O(nk) (one pass over B̃), removing the drift of the updates. The diagonal {@code c_ii = b̃_i'g_i + D̃_i} (1 up to
 * rounding) is used as computed. Memory 2nk + 4n doubles.
 */
final class FactorCcdSweep {

    private final int n;
    private final int k;
    /** B̃ row-major n×k. */
    private final double[] bt;
    /** G = B̃F row-major n×k. */
    private final double[] g;
    private final double[] dt;
    private final double[] cii;
    private final double[] f;
    private final double[] b;
    final double[] y;
    final double[] cy;
    /** v = F B̃'y. */
    private final double[] v;
    private final double[] u;
    double variance;

    /**
     * @param corr the correlation-space factor model (from {@link FactorCovariance#scaled} with 1/σ)
     * @param b    budgets normalised to sum to 1 (not copied)
     * @param y0   positive start (copied)
     */
    FactorCcdSweep(FactorCovariance corr, double[] b, double[] y0) {
        this.n = corr.n();
        this.k = corr.k();
        this.bt = corr.loadings();
        this.f = corr.factorCovariance();
        this.dt = corr.idiosyncraticVariances();
        this.cii = corr.diagonal();
        this.g = new double[n * k];
        for (int i = 0; i < n; i++) {
            int off = i * k;
            for (int a = 0; a < k; a++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += f[a * k + c] * bt[off + c];
                }
                g[off + a] = s;
            }
        }
        this.b = b;
        this.y = y0.clone();
        this.cy = new double[n];
        this.v = new double[k];
        this.u = new double[k];
        refresh();
    }

    /** Spinu form: {@code y_i} ← positive root of {@code c_ii t² + q_i t − b_i = 0}, {@code q_i = (Cy)_i − c_ii y_i}. */
    void sweepSpinu() {
        sweep(false);
    }

    /** GRR volatility form: as {@link #sweepSpinu()} with {@code b_i σ(y)}, σ updated after every coordinate. */
    void sweepVolatility() {
        sweep(true);
    }

    private void sweep(boolean volatilityForm) {
        final int n = this.n;
        final int k = this.k;
        final double[] bt = this.bt;
        final double[] g = this.g;
        final double[] v = this.v;
        final double[] y = this.y;
        double var = variance;
        for (int i = 0; i < n; i++) {
            int off = i * k;
            double s = 0;
            for (int a = 0; a < k; a++) {
                s += bt[off + a] * v[a];
            }
            double yi = y[i];
            double ci = cii[i];
            double cyi = s + dt[i] * yi;
            double beta = volatilityForm ? b[i] * Math.sqrt(var) : b[i];
            double yNew = CcdKernel.positiveRoot((cyi - ci * yi) / ci, beta / ci);
            double d = yNew - yi;
            y[i] = yNew;
            var += d * (2 * cyi + ci * d);
            for (int a = 0; a < k; a++) {
                v[a] += d * g[off + a];
            }
        }
        variance = var;
    }

    /** Recomputes v, Cy and y'Cy from scratch, O(nk). */
    void refresh() {
        java.util.Arrays.fill(u, 0.0);
        for (int i = 0; i < n; i++) {
            int off = i * k;
            double yi = y[i];
            for (int a = 0; a < k; a++) {
                u[a] += bt[off + a] * yi;
            }
        }
        for (int a = 0; a < k; a++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                s += f[a * k + c] * u[c];
            }
            v[a] = s;
        }
        double var = 0;
        for (int i = 0; i < n; i++) {
            int off = i * k;
            double s = 0;
            for (int a = 0; a < k; a++) {
                s += bt[off + a] * v[a];
            }
            cy[i] = s + dt[i] * y[i];
            var += y[i] * cy[i];
        }
        variance = var;
    }

    /** Multiplies y (and v, Cy, y'Cy) by {@code s > 0}. */
    void scale(double s) {
        for (int i = 0; i < n; i++) {
            y[i] *= s;
            cy[i] *= s;
        }
        for (int a = 0; a < k; a++) {
            v[a] *= s;
        }
        variance *= s * s;
    }

    /** @return {@code max_i |y_i (Cy)_i / y'Cy − b_i|}; NaN if anything is not finite. After {@link #refresh()}. */
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

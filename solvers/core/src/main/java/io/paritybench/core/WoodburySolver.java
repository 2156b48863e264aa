package io.paritybench.core;

/**
 * Solves {@code (E + B F B') z = r} for a diagonal {@code E > 0} and a {@link FactorCovariance}'s B and F, without an
 * n×n array: with {@code F = LL'} (Cholesky, once) and {@code A = BL} (n×k, once, O(nk²)), the Sherman–Morrison–
 * Woodbury identity gives {@code z = E⁻¹r − E⁻¹A M⁻¹A'E⁻¹r}, {@code M = I + A'E⁻¹A} (k×k, SPD with eigenvalues
 * ≥ 1, so its Cholesky factorisation cannot fail for finite positive E). This is the Newton system of the
 * log-barrier in factor form, {@code H = C + diag(b ⊘ y²)} with {@code C = B̃FB̃' + D̃} (ALGORITHMS.md §6.2).
 *
 * <p>Cost: {@link #factor} {@code nk²/2 + k³/3} multiply-adds (forming M by rank-one updates of its upper
 * triangle, row by row of A); {@link #solve} {@code 2nk + k²}. Memory nk + k² doubles. One instance per solve (it
 * owns scratch space); not thread-safe.
 */
public final class WoodburySolver {

    private final int n;
    private final int k;
    /** A = B L, row-major n×k. */
    private final double[] a;
    /** M = I + A'E⁻¹A, then its Cholesky factor (lower, row-major). */
    private final double[] m;
    private final double[] inverseE;
    private final double[] t;

    /** @param cov the factor model whose B and F are used (its D is not: E replaces it) */
    public WoodburySolver(FactorCovariance cov) {
        this.n = cov.n();
        this.k = cov.k();
        double[] f = cov.factorCovariance();
        double[] l = cholesky(f, k);
        if (l == null) {
            throw new IllegalArgumentException("factor covariance is not positive definite");
        }
        double[] b = cov.loadings();
        this.a = new double[n * k];
        for (int i = 0; i < n; i++) {
            int off = i * k;
            for (int c = 0; c < k; c++) {
                // (B L)_ic = Σ_{j ≥ c} B_ij L_jc
                double s = 0;
                for (int j = c; j < k; j++) {
                    s += b[off + j] * l[j * k + c];
                }
                a[off + c] = s;
            }
        }
        this.m = new double[k * k];
        this.inverseE = new double[n];
        this.t = new double[k];
    }

    /**
     * Forms and factorises {@code M = I + A' diag(e)⁻¹ A}.
     *
     * @param e the diagonal E, positive and finite
     * @return false if e is not positive and finite or M is numerically not positive definite
     */
    public boolean factor(double[] e) {
        final int k = this.k;
        final double[] m = this.m;
        java.util.Arrays.fill(m, 0.0);
        for (int i = 0; i < n; i++) {
            double ei = e[i];
            if (!(ei > 0) || !Double.isFinite(ei)) {
                return false;
            }
            double w = 1.0 / ei;
            inverseE[i] = w;
            int off = i * k;
            for (int p = 0; p < k; p++) {
                double s = w * a[off + p];
                int row = p * k;
                for (int q = p; q < k; q++) {
                    m[row + q] += s * a[off + q];
                }
            }
        }
        for (int p = 0; p < k; p++) {
            m[p * k + p] += 1.0;
            for (int q = p + 1; q < k; q++) {
                m[q * k + p] = m[p * k + q];
            }
        }
        return choleskyInPlace(m, k);
    }

    /** {@code z = (E + BFB')⁻¹ r} with the E of the last successful {@link #factor}; z may alias r. */
    public void solve(double[] r, double[] z) {
        final int k = this.k;
        java.util.Arrays.fill(t, 0.0);
        for (int i = 0; i < n; i++) {
            double ri = r[i] * inverseE[i];
            int off = i * k;
            for (int c = 0; c < k; c++) {
                t[c] += a[off + c] * ri;
            }
        }
        // t = M⁻¹ t by forward and back substitution with the lower factor
        for (int p = 0; p < k; p++) {
            double s = t[p];
            for (int q = 0; q < p; q++) {
                s -= m[p * k + q] * t[q];
            }
            t[p] = s / m[p * k + p];
        }
        for (int p = k - 1; p >= 0; p--) {
            double s = t[p];
            for (int q = p + 1; q < k; q++) {
                s -= m[q * k + p] * t[q];
            }
            t[p] = s / m[p * k + p];
        }
        for (int i = 0; i < n; i++) {
            int off = i * k;
            double s = 0;
            for (int c = 0; c < k; c++) {
                s += a[off + c] * t[c];
            }
            z[i] = (r[i] - s) * inverseE[i];
        }
    }

    /** @return the lower Cholesky factor of a symmetric row-major k×k matrix, or null if it is not SPD */
    private static double[] cholesky(double[] f, int k) {
        double[] l = f.clone();
        return choleskyInPlace(l, k) ? l : null;
    }

    /** Lower Cholesky factor in place (the strict upper triangle is left as it was); false on a non-positive pivot. */
    private static boolean choleskyInPlace(double[] l, int k) {
        for (int j = 0; j < k; j++) {
            double d = l[j * k + j];
            for (int q = 0; q < j; q++) {
                d -= l[j * k + q] * l[j * k + q];
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            l[j * k + j] = ljj;
            for (int i = j + 1; i < k; i++) {
                double v = l[i * k + j];
                for (int q = 0; q < j; q++) {
                    v -= l[i * k + q] * l[j * k + q];
                }
                l[i * k + j] = v / ljj;
            }
        }
        return true;
    }
}

package io.paritybench.ccd;

/**
 * The memory and the least-squares problem of type-II Anderson acceleration (Walker and Ni 2011, "Anderson
 * acceleration for fixed-point iterations", SIAM J. Numer. Anal. 49(4), 1715–1735, eq. (2.1) with the
 * QR-based solution and the condition-number column dropping of their §4) for a fixed-point map {@code x ↦ G(x)}:
 * with {@code f_k = G(x_k) − x_k} and the difference matrices {@code ΔF = [f_{j+1} − f_j]},
 * {@code ΔG = [G(x_{j+1}) − G(x_j)]} over the last {@code m_k ≤ m} iterates,
 * {@code γ = argmin ‖f_k − ΔF γ‖₂} and the extrapolated point is {@code G(x_k) − ΔG γ}.
 *
 * <p>The products {@code C·G(x_j)} of the CCD sweep map are carried along as a third difference matrix, so the
 * product of C with the extrapolated point costs {@code O(n m)} instead of a pass over C.
 *
 * <p>Cost per extrapolation: {@code O(n m²)} for the modified Gram–Schmidt QR of ΔF (re-orthogonalised once, "twice
 * is enough") plus {@code O(n m)}; memory {@code 3 m n} doubles. One instance per solve.
 */
final class AndersonMixing {

    /** Columns are dropped, oldest first, while {@code max |R_jj| / min |R_jj|} exceeds this (Walker and Ni §4). */
    static final double MAX_CONDITION = 1e10;

    private final int n;
    private final int m;
    private final double[][] dF;
    private final double[][] dG;
    private final double[][] dCG;
    /** Index of the oldest column in the circular memory. */
    private int oldest;
    private int columns;
    private final double[] prevF;
    private final double[] prevG;
    private final double[] prevCG;
    private boolean hasPrevious;
    private final double[][] q;
    private final double[] r;
    private final double[] gamma;
    private int lastColumnsUsed;

    AndersonMixing(int n, int m) {
        this.n = n;
        this.m = m;
        this.dF = new double[m][n];
        this.dG = new double[m][n];
        this.dCG = new double[m][n];
        this.prevF = new double[n];
        this.prevG = new double[n];
        this.prevCG = new double[n];
        this.q = new double[m][n];
        this.r = new double[m * m];
        this.gamma = new double[m];
    }

    /**
     * Records the residual {@code f = G(x) − x}, the map's value {@code g = G(x)} and {@code Cg} of the current
     * iterate, adding one difference column against the previous record (the oldest column is overwritten when the
     * memory is full).
     */
    void record(double[] f, double[] g, double[] cg) {
        if (hasPrevious) {
            int slot = columns < m ? (oldest + columns) % m : oldest;
            if (columns < m) {
                columns++;
            } else {
                oldest = (oldest + 1) % m;
            }
            double[] cf = dF[slot];
            double[] cgCol = dG[slot];
            double[] ccg = dCG[slot];
            for (int i = 0; i < n; i++) {
                cf[i] = f[i] - prevF[i];
                cgCol[i] = g[i] - prevG[i];
                ccg[i] = cg[i] - prevCG[i];
            }
        }
        System.arraycopy(f, 0, prevF, 0, n);
        System.arraycopy(g, 0, prevG, 0, n);
        System.arraycopy(cg, 0, prevCG, 0, n);
        hasPrevious = true;
    }

    /** Forgets the difference columns (the last record stays, as the base of the next difference). */
    void restart() {
        columns = 0;
        oldest = 0;
    }

    /** @return the number of difference columns held */
    int columns() {
        return columns;
    }

    /** @return the number of columns the last {@link #extrapolate} used after condition-number dropping */
    int lastColumnsUsed() {
        return lastColumnsUsed;
    }

    /**
     * Computes {@code γ = argmin ‖f − ΔF γ‖₂} and writes the correction {@code s = −ΔG γ} (the extrapolated point is
     * {@code g + s}) and {@code cs = −ΔCG γ = C s}.
     *
     * @return false when no column is left (empty memory, or every column dropped as dependent)
     */
    boolean extrapolate(double[] f, double[] s, double[] cs) {
        while (columns > 0 && !factor()) {
            oldest = (oldest + 1) % m;
            columns--;
        }
        lastColumnsUsed = columns;
        if (columns == 0) {
            return false;
        }
        int k = columns;
        // γ = R⁻¹ Q'f
        for (int j = 0; j < k; j++) {
            gamma[j] = dot(q[j], f);
        }
        for (int j = k - 1; j >= 0; j--) {
            double t = gamma[j];
            for (int l = j + 1; l < k; l++) {
                t -= r[j * m + l] * gamma[l];
            }
            gamma[j] = t / r[j * m + j];
        }
        java.util.Arrays.fill(s, 0, n, 0.0);
        java.util.Arrays.fill(cs, 0, n, 0.0);
        for (int j = 0; j < k; j++) {
            double gj = -gamma[j];
            double[] colG = dG[(oldest + j) % m];
            double[] colCG = dCG[(oldest + j) % m];
            for (int i = 0; i < n; i++) {
                s[i] += gj * colG[i];
                cs[i] += gj * colCG[i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(s[i]) || !Double.isFinite(cs[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Modified Gram–Schmidt QR of the held ΔF columns (oldest first), with one re-orthogonalisation pass.
     *
     * @return false when the condition estimate {@code max|R_jj|/min|R_jj|} exceeds {@link #MAX_CONDITION} or a
     *         column is zero
     */
    private boolean factor() {
        int k = columns;
        double maxDiag = 0;
        double minDiag = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double[] v = q[j];
            double[] col = dF[(oldest + j) % m];
            System.arraycopy(col, 0, v, 0, n);
            for (int l = 0; l < j; l++) {
                r[l * m + j] = 0;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int l = 0; l < j; l++) {
                    double h = dot(q[l], v);
                    r[l * m + j] += h;
                    double[] ql = q[l];
                    for (int i = 0; i < n; i++) {
                        v[i] -= h * ql[i];
                    }
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (!(norm > 0) || !Double.isFinite(norm)) {
                return false;
            }
            r[j * m + j] = norm;
            double inv = 1.0 / norm;
            for (int i = 0; i < n; i++) {
                v[i] *= inv;
            }
            maxDiag = Math.max(maxDiag, norm);
            minDiag = Math.min(minDiag, norm);
        }
        return maxDiag <= MAX_CONDITION * minDiag;
    }

    private double dot(double[] a, double[] b) {
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += a[i] * b[i];
        }
        return t;
    }
}

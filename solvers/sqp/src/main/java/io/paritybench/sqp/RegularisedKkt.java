package io.paritybench.sqp;

/**
 * The equality-constrained, Levenberg–Marquardt regularised Gauss–Newton subproblem of ALGORITHMS.md §6.3,
 * {@code min_d ½||r + J d||² + ½ τ ||d||²  s.t.  a'd = 0}, solved through its KKT system
 * {@code [[H, a], [a', 0]] [d; ν] = [−g; 0]} with {@code H = J'J + τI} and {@code g = J'r}.
 *
 * <p>Since {@code H} is symmetric positive definite for {@code τ > 0}, one Cholesky factorisation
 * {@code H = LL'} and two solves give {@code u = H⁻¹g}, {@code v = H⁻¹a}, {@code ν = −a'u / a'v} and
 * {@code d = −u − ν v}. Cost: {@code m³/6} flops for the factorisation plus {@code 2m²} per solve,
 * {@code m = n + 1}. Storage is row-major {@code double[m*m]}, allocated once per solve.
 */
final class RegularisedKkt {

    private final int m;
    private final double[] l;
    private final double[] u;
    private final double[] v;

    RegularisedKkt(int m) {
        this.m = m;
        this.l = new double[m * m];
        this.u = new double[m];
        this.v = new double[m];
    }

    /**
     * Solves the subproblem.
     *
     * @param h     the row-major {@code J'J} (only the upper triangle is read), m×m
     * @param tau   the regularisation τ > 0 added to the diagonal
     * @param g     the gradient {@code J'r}
     * @param a     the constraint normal
     * @param d     output: the step
     * @return false if the factorisation failed (H not numerically positive definite or not finite)
     */
    boolean solve(double[] h, double tau, double[] g, double[] a, double[] d) {
        if (!factor(h, tau)) {
            return false;
        }
        System.arraycopy(g, 0, u, 0, m);
        System.arraycopy(a, 0, v, 0, m);
        substitute(u);
        substitute(v);
        double au = 0;
        double av = 0;
        for (int i = 0; i < m; i++) {
            au += a[i] * u[i];
            av += a[i] * v[i];
        }
        if (!(av > 0) || !Double.isFinite(au)) {
            return false;
        }
        double nu = -au / av;
        for (int i = 0; i < m; i++) {
            d[i] = -u[i] - nu * v[i];
        }
        return true;
    }

    /** Cholesky factorisation of {@code h + τI} into the lower triangle of {@link #l}. */
    private boolean factor(double[] h, double tau) {
        for (int j = 0; j < m; j++) {
            double s = h[j * m + j] + tau;
            int rowJ = j * m;
            for (int k = 0; k < j; k++) {
                s -= l[rowJ + k] * l[rowJ + k];
            }
            if (!(s > 0) || !Double.isFinite(s)) {
                return false;
            }
            double ljj = Math.sqrt(s);
            l[rowJ + j] = ljj;
            for (int i = j + 1; i < m; i++) {
                int rowI = i * m;
                double t = h[j * m + i];
                for (int k = 0; k < j; k++) {
                    t -= l[rowI + k] * l[rowJ + k];
                }
                l[rowI + j] = t / ljj;
            }
        }
        return true;
    }

    /** Overwrites {@code x} with {@code (LL')⁻¹ x}. */
    private void substitute(double[] x) {
        for (int i = 0; i < m; i++) {
            int row = i * m;
            double s = x[i];
            for (int k = 0; k < i; k++) {
                s -= l[row + k] * x[k];
            }
            x[i] = s / l[row + i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k * m + i] * x[k];
            }
            x[i] = s / l[i * m + i];
        }
    }
}

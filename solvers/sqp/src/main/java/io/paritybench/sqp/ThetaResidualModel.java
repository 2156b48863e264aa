package io.paritybench.sqp;

/**
 * The Bai–Scheinberg–Tütüncü least-squares model with the budget-normalised residual (ALGORITHMS.md §3.5, §6.3),
 * in correlation space: variables {@code z = (y, θ)}, {@code y ∈ R^n} with {@code 1'y = 1}, and
 * {@code r_i(y, θ) = y_i (Cy)_i / b_i − θ}, {@code f = ½||r||²}. At a risk-budgeting solution {@code r = 0} with
 * {@code θ = y'Cy}.
 *
 * <p>Jacobian {@code J = [ diag(b)⁻¹ (diag(Cy) + diag(y) C) | −1 ]}. {@link #linearise} forms {@code J'J} and
 * {@code J'r} in {@code n³/2 + O(n²)} flops; {@link #evaluate} and {@link #modelResidualNormSq} are O(n²).
 * Holds workspace: one instance per solve, not thread-safe.
 */
final class ThetaResidualModel {

    final int n;
    private final double[] c;
    private final double[] b;
    private final double[] jac;
    private final double[] jd;

    /**
     * @param c row-major correlation matrix, n×n (not copied)
     * @param b budgets, positive, summing to one (not copied)
     */
    ThetaResidualModel(double[] c, double[] b) {
        this.n = b.length;
        this.c = c;
        this.b = b;
        this.jac = new double[n * n];
        this.jd = new double[n];
    }

    /**
     * Evaluates {@code m = Cy} and the residual; returns {@code f = ½||r||²} (non-finite if the point is).
     */
    double evaluate(double[] y, double theta, double[] m, double[] r) {
        double f = 0;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += c[row + j] * y[j];
            }
            m[i] = s;
            double ri = y[i] * s / b[i] - theta;
            r[i] = ri;
            f += ri * ri;
        }
        return 0.5 * f;
    }

    /**
     * Forms the Gauss–Newton normal matrix {@code h = J'J} (row-major (n+1)×(n+1), upper triangle and diagonal
     * filled, the rest mirrored) and the gradient {@code g = J'r} at a point evaluated by {@link #evaluate}.
     */
    void linearise(double[] y, double[] m, double[] r, double[] h, double[] g) {
        int n1 = n + 1;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double inv = 1.0 / b[i];
            double yi = y[i];
            for (int j = 0; j < n; j++) {
                jac[row + j] = yi * c[row + j] * inv;
            }
            jac[row + i] += m[i] * inv;
        }
        java.util.Arrays.fill(h, 0.0);
        java.util.Arrays.fill(g, 0.0);
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double ri = r[i];
            for (int j = 0; j < n; j++) {
                double jij = jac[row + j];
                if (jij == 0.0) {
                    continue;
                }
                int hRow = j * n1;
                for (int k = j; k < n; k++) {
                    h[hRow + k] += jij * jac[row + k];
                }
                h[hRow + n] -= jij;
                g[j] += jij * ri;
            }
            g[n] -= ri;
        }
        h[n * n1 + n] = n;
        for (int j = 0; j < n1; j++) {
            for (int k = j + 1; k < n1; k++) {
                h[k * n1 + j] = h[j * n1 + k];
            }
        }
    }

    /**
     * @return {@code ½||r + α J d||²}, the Gauss–Newton model of f after the step {@code α d}, using the Jacobian of
     *         the last {@link #linearise}
     */
    double modelResidualNormSq(double[] r, double[] d, double alpha) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double t = 0;
            for (int j = 0; j < n; j++) {
                t += jac[row + j] * d[j];
            }
            jd[i] = t - d[n];
            double e = r[i] + alpha * jd[i];
            s += e * e;
        }
        return 0.5 * s;
    }

    /**
     * @return the cancellation factor {@code max_i (|C||y|)_i / |(Cy)_i|} at y (ALGORITHMS.md §2.4), which sets the
     *         double-precision floor of the RRC residual ({@code ≈ canc · u · max b})
     */
    double cancellation(double[] y, double[] m) {
        double worst = 1;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += Math.abs(c[row + j]) * y[j];
            }
            worst = Math.max(worst, s / Math.abs(m[i]));
        }
        return worst;
    }
}

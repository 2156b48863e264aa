package io.paritybench.core.generate;

import io.paritybench.core.linalg.BlockCholesky;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;

/** Dense constructions of the generator families (row-major {@code double[][]}, exactly symmetric outputs). */
final class Matrices {

    private Matrices() {
    }

    /**
     * Haar-distributed orthogonal matrix: Q of the QR factorisation of an n×n standard Gaussian matrix, with the
     * columns' signs fixed so that {@code R_ii > 0} (Mezzadri 2007, "How to generate random matrices from the
     * classical compact groups", §5). Householder QR of EJML; O(n³).
     */
    static double[][] haar(int n, Draws draws) {
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g.unsafe_set(i, j, draws.gaussian());
            }
        }
        QRDecompositionHouseholderColumn_DDRM qr = new QRDecompositionHouseholderColumn_DDRM();
        if (!qr.decompose(g)) {
            throw new IllegalStateException("QR of a Gaussian matrix failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        double[][] out = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = r.unsafe_get(j, j) < 0 ? -1.0 : 1.0;
            for (int i = 0; i < n; i++) {
                out[i][j] = s * q.unsafe_get(i, j);
            }
        }
        return out;
    }

    /** @return {@code logspace(0, −log10 κ, n)}: {@code λ_k = 10^(−log10(κ)·k/(n−1))}, λ_0 = 1 */
    static double[] logspace(int n, double kappa) {
        double[] lambda = new double[n];
        double e = StrictMath.log10(kappa);
        for (int k = 0; k < n; k++) {
            lambda[k] = k == 0 ? 1.0 : StrictMath.pow(10.0, -e * k / (n - 1));
        }
        return lambda;
    }

    /** @return {@code Q diag(λ) Q'} with the upper triangle computed and mirrored (exactly symmetric) */
    static double[][] withSpectrum(double[][] q, double[] lambda) {
        int n = lambda.length;
        double[][] s = new double[n][n];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            double[] qi = q[i];
            for (int k = 0; k < n; k++) {
                row[k] = qi[k] * lambda[k];
            }
            for (int j = i; j < n; j++) {
                double[] qj = q[j];
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += row[k] * qj[k];
                }
                s[i][j] = sum;
                s[j][i] = sum;
            }
        }
        return s;
    }

    /** @return the random-spectrum matrix {@code Q diag(logspace(0, −log10 κ, n)) Q'}, Q Haar */
    static double[][] randomSpectrum(int n, double kappa, Draws draws) {
        return withSpectrum(haar(n, draws), logspace(n, kappa));
    }

    /** @return {@code C_ij = S_ij / sqrt(S_ii S_jj)} with an exact unit diagonal */
    static double[][] correlationOf(double[][] s) {
        int n = s.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.sqrt(s[i][i]);
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            c[i][i] = 1.0;
            for (int j = i + 1; j < n; j++) {
                double v = s[i][j] / (d[i] * d[j]);
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        return c;
    }

    /** @return {@code Σ_ij = σ_i σ_j C_ij} (upper triangle mirrored; {@code Σ_ii = σ_i²}) */
    static double[][] covarianceOf(double[][] c, double[] vols) {
        int n = vols.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = vols[i] * vols[j] * c[i][j];
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return s;
    }

    /**
     * @return the upper-triangular Cholesky factor U with {@code A = U'U} ({@link BlockCholesky}, row arrays, strict
     *         lower triangle zero), or null if a pivot is not positive
     */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] u = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], i, u[i], i, n - i);
        }
        return BlockCholesky.factor(u, n) < 0 ? u : null;
    }
}

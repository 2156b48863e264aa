package io.paritybench.core.reference;

/**
 * In-place Cholesky factorisation {@code A = U'U} of a symmetric positive definite matrix stored row-major in one
 * contiguous {@code double[]} (only the upper triangle, {@code j ≥ i}, is read and overwritten with U).
 * Right-looking outer-product form: every inner loop is a contiguous axpy over a row, which the JIT vectorises.
 * Cost n³/3 multiply-adds; the solve costs 2n².
 */
final class Cholesky {

    private Cholesky() {
    }

    /** @return false if a pivot is not positive (or NaN): the matrix is not numerically positive definite */
    static boolean factor(double[] a, int n) {
        for (int k = 0; k < n; k++) {
            int rk = k * n;
            double d = a[rk + k];
            if (!(d > 0) || d == Double.POSITIVE_INFINITY) {
                return false;
            }
            double r = Math.sqrt(d);
            a[rk + k] = r;
            double inv = 1.0 / r;
            for (int j = k + 1; j < n; j++) {
                a[rk + j] *= inv;
            }
            for (int i = k + 1; i < n; i++) {
                double f = a[rk + i];
                if (f == 0) {
                    continue;
                }
                int ri = i * n;
                for (int j = i; j < n; j++) {
                    a[ri + j] -= f * a[rk + j];
                }
            }
        }
        return true;
    }

    /** Solves {@code U'U z = r} in place ({@code r} becomes z). */
    static void solve(double[] u, int n, double[] r) {
        for (int k = 0; k < n; k++) {
            int rk = k * n;
            double yk = r[k] / u[rk + k];
            r[k] = yk;
            for (int j = k + 1; j < n; j++) {
                r[j] -= u[rk + j] * yk;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * n;
            double s = r[i];
            for (int j = i + 1; j < n; j++) {
                s -= u[ri + j] * r[j];
            }
            r[i] = s / u[ri + i];
        }
    }
}

package io.paritybench.core.linalg;

/**
 * Dense kernels on matrices held as row arrays ({@code double[n][n]}), written in the loop shape HotSpot's C2
 * compiler auto-vectorises on JDK 17: every array is indexed by the loop variable alone, no reduction in the inner
 * loop (a floating-point sum is not reordered by C2, so dot products stay scalar; products are therefore formed as
 * sums of scaled rows).
 */
public final class RowKernels {

    private RowKernels() {
    }

    /** {@code x[j] −= c0 y0[j] + c1 y1[j] + c2 y2[j] + c3 y3[j]} for j in [from, to) (vectorised by C2). */
    public static void subtract4(double[] x, double[] y0, double[] y1, double[] y2, double[] y3,
                                 double c0, double c1, double c2, double c3, int from, int to) {
        for (int j = from; j < to; j++) {
            x[j] -= c0 * y0[j] + c1 * y1[j] + c2 * y2[j] + c3 * y3[j];
        }
    }

    /** {@code x[j] += c y[j]} for j in [from, to) (vectorised by C2). */
    public static void axpy(double[] x, double[] y, double c, int from, int to) {
        for (int j = from; j < to; j++) {
            x[j] += c * y[j];
        }
    }

    /**
     * @return {@code Σ_{from ≤ j < to} x_j y_j}, with four partial sums (C2 does not reorder a floating-point
     *         reduction, so this is not vectorised, but the independent sums keep the multiply-add units busy)
     */
    public static double dot(double[] x, double[] y, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = from;
        for (; j + 3 < to; j += 4) {
            s0 += x[j] * y[j];
            s1 += x[j + 1] * y[j + 1];
            s2 += x[j + 2] * y[j + 2];
            s3 += x[j + 3] * y[j + 3];
        }
        for (; j < to; j++) {
            s0 += x[j] * y[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code out = A v} for a symmetric A (only its rows are read: {@code Av = Σ_j v_j A_j} by symmetry), four rows
     * at a time; one pass over A, {@code 2n²} flops.
     */
    public static void symmetricProduct(double[][] a, double[] v, double[] out, int n) {
        java.util.Arrays.fill(out, 0, n, 0.0);
        int j = 0;
        for (; j + 3 < n; j += 4) {
            subtract4(out, a[j], a[j + 1], a[j + 2], a[j + 3], -v[j], -v[j + 1], -v[j + 2], -v[j + 3], 0, n);
        }
        for (; j < n; j++) {
            axpy(out, a[j], v[j], 0, n);
        }
    }
}

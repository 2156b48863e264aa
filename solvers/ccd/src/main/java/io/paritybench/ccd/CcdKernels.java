package io.paritybench.ccd;

/**
 * The dense kernel of the CCD solvers, exposed so that the timing benchmarks can express solver times in units of the
 * loop the solvers actually run: {@code out = C x} on a row-major symmetric matrix, accumulated as contiguous axpy
 * updates by rows ({@link CcdKernel#product}), {@code 2n²} flops.
 */
public final class CcdKernels {

    private CcdKernels() {
    }

    /** {@code out = C x} for a row-major symmetric n×n {@code c}. */
    public static void product(double[] c, double[] x, double[] out, int n) {
        CcdKernel.product(c, x, out, n);
    }
}

package io.paritybench.newton;

/**
 * The dense kernel of the newton solver, exposed so that the timing benchmarks can express solver times in units of
 * the kernel the solver actually runs (not a portable stand-in): the blocked Cholesky factorisation of
 * {@link BlockCholesky}, {@code n³/3} flops.
 */
public final class NewtonKernels {

    private NewtonKernels() {
    }

    /**
     * Factorises {@code A = U'U} in place with newton's blocked Cholesky.
     *
     * @param a n row arrays; on entry the upper triangle holds A, on success U
     * @return the index of the first non-positive pivot, or −1 on success
     */
    public static int cholesky(double[][] a, int n) {
        return BlockCholesky.factor(a, n);
    }
}

package io.paritybench.jmh;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.linalg.BlockCholesky;
import io.paritybench.core.linalg.RowKernels;

/**
 * The normalisers of a solver time, measured in the solver's own trial (same fork, same heap, right after its
 * measurement), so that a ratio solver/kernel cancels machine drift between trials:
 * <ul>
 *   <li>{@code matvec}: {@code y = Σx} with the solvers' loop ({@link RowKernels#symmetricProduct}: contiguous updates
 *       by rows of Σ, four rows at a time), 2n² flops;</li>
 *   <li>{@code cholesky}: newton's own blocked Cholesky ({@link BlockCholesky#factor}, the core kernel newton factors with), n³/3 flops, on a copy of Σ
 *       (the n² copy is included, as in the solver);</li>
 *   <li>{@code residual}: the harness's check of a result, {@link ConvergenceTest#residual} (a fresh Σw and the
 *       RRC), the whole cost of {@code inverse-vol} and a real part of every solve at small n.</li>
 * </ul>
 *
 * <p>Each kernel runs for about {@value #WARMUP_SECONDS} s (at least {@value #WARMUP_OPS} operations) to compile, then
 * {@value #BATCHES} batches, each of as many operations as take at least {@value #BATCH_SECONDS} s (one operation if
 * it is longer); the result is the time per operation of every batch, and the report takes their median, the same
 * statistic as the solver's time.
 */
final class TrialKernels {

    static final int BATCHES = 9;
    static final double BATCH_SECONDS = 1e-3;
    static final double WARMUP_SECONDS = 0.05;
    static final int WARMUP_OPS = 3;

    /** Results are summed here so that no kernel call is dead code. */
    private static volatile double sink;

    /**
     * Times per operation of each batch, seconds.
     *
     * @param matvec   the matrix–vector products
     * @param cholesky the Cholesky factorisations
     * @param residual the residual checks
     */
    record Times(double[] matvec, double[] cholesky, double[] residual) {
    }

    private enum Kernel { MATVEC, CHOLESKY, RESIDUAL }

    private final int n;
    private final RiskBudgetProblem problem;
    private final double[][] rows;
    private final double[][] work;
    private final double[] x;
    private final double[] y;
    private final double[] weights;

    TrialKernels(RiskBudgetProblem problem, double[] weights) {
        this.problem = problem;
        this.n = problem.n();
        rows = problem.covariance();
        work = new double[n][n];
        x = new double[n];
        y = new double[n];
        java.util.Arrays.fill(x, 1.0 / n);
        this.weights = weights != null && weights.length == n ? weights.clone() : x.clone();
    }

    Times measure() {
        return new Times(time(Kernel.MATVEC), time(Kernel.CHOLESKY), time(Kernel.RESIDUAL));
    }

    private double[] time(Kernel k) {
        long t0 = System.nanoTime();
        int ops = 0;
        while (ops < WARMUP_OPS || System.nanoTime() - t0 < WARMUP_SECONDS * 1e9) {
            run(k, 1);
            ops++;
        }
        double perOp = (System.nanoTime() - t0) * 1e-9 / ops;
        int batch = (int) Math.max(1, Math.min(1 << 24, Math.ceil(BATCH_SECONDS / perOp)));
        double[] out = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            long s = System.nanoTime();
            run(k, batch);
            out[b] = (System.nanoTime() - s) * 1e-9 / batch;
        }
        return out;
    }

    private void run(Kernel k, int times) {
        double acc = 0;
        switch (k) {
            case MATVEC -> {
                for (int t = 0; t < times; t++) {
                    RowKernels.symmetricProduct(rows, x, y, n);
                    acc += y[t % n];
                }
            }
            case CHOLESKY -> {
                for (int t = 0; t < times; t++) {
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(rows[i], 0, work[i], 0, n);
                    }
                    acc += BlockCholesky.factor(work, n) + work[n - 1][n - 1];
                }
            }
            case RESIDUAL -> {
                for (int t = 0; t < times; t++) {
                    acc += ConvergenceTest.residual(problem, weights);
                }
            }
        }
        sink += acc;
    }
}

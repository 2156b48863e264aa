package io.paritybench.jmh;

import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two kernels solver times are expressed in, on the random-spectrum problem of each n (κ(Σ) = 1e4; neither
 * kernel's cost depends on the values: no pivoting, no data-dependent branches):
 * <ul>
 *   <li>{@link #matvec}: one n×n matrix–vector product {@code y = Σx} on a row-major {@code double[]}, the loop every
 *       solver iteration runs at least once (2n² flops);</li>
 *   <li>{@link #cholesky}: one Cholesky factorisation {@code Σ = LL'} with EJML's dense decomposition
 *       ({@code DecompositionFactory_DDRM.chol}), the step of a Newton iteration (n³/3 flops); it factors a copy,
 *       so the time includes an n² copy of Σ. (The newton module factors with its own package-private block
 *       Cholesky, which it measured 1.7–2.4× faster than EJML's, so this is the portable reference, not newton's
 *       own kernel.)</li>
 * </ul>
 * Solver time / kernel time ("matvec-equivalents", "factorisation-equivalents") is comparable across machines.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class KernelBenchmark {

    /** κ(Σ) of the kernel problems. */
    static final double KAPPA = 1e4;

    @Param({"10", "50", "100", "500", "1000", "2000"})
    public int n;

    private double[] a;
    private double[] x;
    private double[] y;
    private DMatrixRMaj sigma;
    private DMatrixRMaj work;
    private CholeskyDecomposition_F64<DMatrixRMaj> chol;

    @Setup(Level.Trial)
    public void setUp() {
        GeneratorSpec spec = ProblemSource.spec(ProblemSource.RANDOM_SPECTRUM, n, KAPPA);
        double[][] s = MatrixCache.get(spec.toString(), () -> ProblemGenerator.problem(spec)).covariance();
        a = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(s[i], 0, a, i * n, n);
        }
        x = new double[n];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1.0 / n;
        }
        sigma = new DMatrixRMaj(n, n, true, a);
        work = new DMatrixRMaj(n, n);
        chol = DecompositionFactory_DDRM.chol(n, true);
    }

    @Benchmark
    public double[] matvec() {
        int n = this.n;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += a[row + j] * x[j];
            }
            y[i] = sum;
        }
        return y;
    }

    @Benchmark
    public DMatrixRMaj cholesky() {
        work.setTo(sigma);
        if (!chol.decompose(work)) {
            throw new IllegalStateException("Cholesky failed on an SPD matrix with κ = " + KAPPA);
        }
        return work;
    }
}

package io.paritybench.jmh;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import java.util.concurrent.TimeUnit;
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
 * The harness's judge ({@code ConvergenceTest.residual}: scale-safe, Dot2-compensated Σw, w'Σw and RRC, O(n²))
 * against {@link #plain}, the uncompensated evaluation it replaced (one plain dot product per row of Σ, then
 * {@code w'Σw} and {@code max|w_i(Σw)_i/w'Σw − b_i|}). The target: the judge within 2× of {@code plain}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class JudgeBenchmark {

    @Param({"100", "1000"})
    public int n;

    private RiskBudgetProblem problem;
    private double[][] sigma;
    private double[] w;
    private double[] b;

    @Setup(Level.Trial)
    public void setUp() {
        GeneratorSpec spec = ProblemSource.spec(ProblemSource.RANDOM_SPECTRUM, n, 1e4);
        problem = MatrixCache.get(spec.toString(), () -> ProblemGenerator.problem(spec));
        sigma = problem.covariance();
        b = problem.budgets();
        w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1.0 / Math.sqrt(sigma[i][i]);
        }
    }

    /** @return the judge's residual */
    @Benchmark
    public double judge() {
        return ConvergenceTest.residual(problem, w);
    }

    /** @return the residual in plain double arithmetic (the evaluation before compensation) */
    @Benchmark
    public double plain() {
        int n = this.n;
        double[] sw = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = sigma[i];
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += row[j] * w[j];
            }
            sw[i] = s;
        }
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += w[i] * sw[i];
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(w[i] * sw[i] / v - b[i]));
        }
        return worst;
    }
}

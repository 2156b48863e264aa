package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.Solvers;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import io.paritybench.core.reference.ReferenceSolver;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Time of one solve of a structured factor-model problem ({@code Σ = BFB' + D}, never materialised; ALGORITHMS.md
 * §6.2, §6.4) per trial, over solver × shape (n×k) × tolerance: ERC, market plus k − 1 style factors (factor
 * volatilities {@code 0.2/1.1^j}), idiosyncratic volatilities uniform in 10–40 %, seed 1 ({@link #spec}).
 *
 * <p>The default shape is 10⁴ × 50; {@code scripts/bench --full} adds 10⁵ × 50 and 10⁶ × 10 ({@code -p shape=...}).
 * Each trial builds its problem, solves it with the certified {@link ReferenceSolver} (factor path), then probes the
 * solver once outside the measurement as {@link SolverBenchmark} does; the side record (kind {@code factor-probe})
 * holds the probe's status, iterations, residual and the relative weight error against the certified reference. A
 * solver without a factor-form path is not applicable and not timed. Heap {@code -Xmx4g}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class FactorBenchmark {

    /** Solvers with a factor-form path. */
    @Param({"newton", "newton-cg", "ccd-spinu", "ccd-grr", "ccd-choi", "reference"})
    public String solver;

    /** n×k, e.g. {@code 100000x50}. */
    @Param({"10000x50"})
    public String shape;

    /** Tolerance on {@code max|RRC_i − b_i|}. */
    @Param({"1e-10"})
    public String factorTol;

    /** Time cap per solve in seconds. */
    @Param({"60"})
    public String factorCap;

    private RiskBudgetSolver target;
    private RiskBudgetProblem problem;
    private SolverOptions options;

    /** @return the generator spec of a shape {@code NxK} */
    static GeneratorSpec spec(String shape) {
        String[] p = shape.toLowerCase(java.util.Locale.ROOT).split("x");
        if (p.length != 2) {
            throw new IllegalArgumentException("shape must be NxK, e.g. 10000x50, got " + shape);
        }
        return GeneratorSpec.parse("factor:n=" + Integer.parseInt(p[0].trim()) + ",k=" + Integer.parseInt(p[1].trim())
                + ",fdecay=1.1,idiovolmin=0.1,idiovolmax=0.4,budgets=equal,seed=1");
    }

    @Setup(Level.Trial)
    public void setUp() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("kind", "factor-probe");
        record.put("benchmark", FactorBenchmark.class.getSimpleName());
        record.put("solver", solver);
        record.put("shape", shape);
        record.put("tol", factorTol);
        GeneratorSpec spec = spec(shape);
        record.put("spec", spec.toString());
        long t0 = System.nanoTime();
        target = Solvers.byId(solver);
        problem = ProblemGenerator.factorProblem(spec);
        record.put("buildSeconds", (System.nanoTime() - t0) * 1e-9);
        double capSeconds = Double.parseDouble(factorCap);
        options = SolverOptions.defaults().withTolerance(Double.parseDouble(factorTol))
                .withTimeLimit(Duration.ofNanos((long) (capSeconds * 1e9)));
        long t1 = System.nanoTime();
        SolveResult ref = new ReferenceSolver().solve(problem, SolverOptions.defaults().withTolerance(1e-6));
        record.put("referenceSeconds", (System.nanoTime() - t1) * 1e-9);
        record.put("referenceCertified", ref.counter("certified") == 1L);
        Probe.Outcome probe = Probe.run(target, problem, options, capSeconds);
        record.put("verdict", probe.verdict().name());
        record.put("probeSeconds", probe.seconds());
        if (probe.result() != null) {
            SolveResult r = probe.result();
            record.put("status", r.status().name());
            record.put("iterations", r.iterations());
            record.put("residual", r.residual());
            record.put("relWeightErrorVsReference", RiskMetrics.maxRelWeightError(r.weights(), ref.weights()));
            record.put("message", r.message());
        } else {
            record.put("message", probe.message());
        }
        SideFile.append(record);
        if (probe.verdict() != Verdict.TIMED) {
            throw new NotTimedException(solver + " on " + spec + ": " + probe.verdict().describe() + " ("
                    + probe.message() + "); not timed");
        }
    }

    @Benchmark
    public SolveResult solve() {
        return target.solve(problem, options);
    }
}

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
import io.paritybench.jmh.report.SideRecord;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one solve of a structured factor-model problem ({@code Σ = BFB' + D}, never materialised; ALGORITHMS.md
 * §6.2, §6.4) per trial, over solver × shape (n×k) × tolerance: ERC, market plus k − 1 style factors (factor
 * volatilities {@code 0.2/1.1^j}), idiosyncratic volatilities uniform in 10–40 %, seed 1 ({@link #spec}).
 *
 * <p>{@code scripts/bench} runs the shape 10⁴ × 50 in the default profile and adds 10⁵ × 50 and 10⁶ × 10 in
 * {@code --full} ({@code -p shape=...}), with every solver that has a factor-form path ({@code SolverIds --factor}).
 * Each trial builds its problem (O(nk), no n×n array), then, like {@link SolverBenchmark}, warms up by count
 * ({@link WarmUp}: {@value WarmUp#SOLVES} solves, the cap judged on the last, warm one) and by time (JMH warm-up), and
 * is measured in sample mode with the statuses counted ({@link SolveCounters}). The first fork of a configuration
 * also solves the problem with the certified {@link ReferenceSolver} (factor path) and writes the side record (kind
 * {@code factor-probe}): the warm probe's status, iterations, residual and relative weight error against the certified
 * reference; the later forks read its verdict (and stop at once when it was not timed) and skip the reference. The
 * tear-down writes a {@code factor-trial} record (load, collector, heap). A solver without a factor-form path is not
 * applicable and not timed. Heap {@code -Xmx4g}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class FactorBenchmark {

    /** Solver id; no default, {@code scripts/bench} passes the solvers with a factor-form path. */
    @Param({})
    public String solver;

    /** n×k, e.g. {@code 100000x50}. */
    @Param({"10000x50"})
    public String shape;

    /** Tolerance on {@code max|RRC_i − b_i|}. */
    @Param({"1e-10"})
    public String factorTol;

    /** Time cap per solve in seconds: a configuration above it is reported, not timed. */
    @Param({"60"})
    public String factorCap;

    private RiskBudgetSolver target;
    private RiskBudgetProblem problem;
    private SolverOptions options;
    private double tolerance;
    private Load start;

    /** @return the generator spec of a shape {@code NxK} */
    static GeneratorSpec spec(String shape) {
        String[] p = shape.toLowerCase(java.util.Locale.ROOT).split("x");
        if (p.length != 2) {
            throw new IllegalArgumentException("shape must be NxK, e.g. 10000x50, got " + shape);
        }
        return GeneratorSpec.parse("factor:n=" + Integer.parseInt(p[0].trim()) + ",k=" + Integer.parseInt(p[1].trim())
                + ",fdecay=1.1,idiovolmin=0.1,idiovolmax=0.4,budgets=equal,seed=1");
    }

    /** @return the key of this configuration in the side file */
    String config() {
        return String.join("|", solver, shape, factorTol, factorCap);
    }

    @Setup(Level.Trial)
    public void setUp() {
        start = Load.now();
        String key = config();
        SideRecord.FactorProbe earlier = SideFile.find(SideRecord.FactorProbe.class, p -> key.equals(p.config()));
        if (earlier != null && earlier.verdict() != Verdict.TIMED) {
            throw new NotTimedException(solver + " on " + shape + ": " + earlier.verdict()
                    + " in an earlier fork (" + earlier.message() + "); not timed");
        }
        GeneratorSpec spec = spec(shape);
        long t0 = System.nanoTime();
        target = Solvers.byId(solver);
        problem = ProblemGenerator.factorProblem(spec);
        double buildSeconds = (System.nanoTime() - t0) * 1e-9;
        tolerance = Double.parseDouble(factorTol);
        double capSeconds = Double.parseDouble(factorCap);
        options = SolverOptions.defaults().withTolerance(tolerance)
                .withTimeLimit(Duration.ofNanos((long) (capSeconds * 1e9)));
        SolveResult ref = null;
        Double referenceSeconds = null;
        if (earlier == null) {
            long t1 = System.nanoTime();
            ref = new ReferenceSolver().solve(problem, SolverOptions.defaults().withTolerance(1e-6));
            referenceSeconds = (System.nanoTime() - t1) * 1e-9;
        }
        WarmUp.Result warmUp = WarmUp.run(target, problem, options, capSeconds);
        Probe.Outcome probe = warmUp.judged();
        SolveResult r = probe.result();
        if (earlier == null) {
            SideFile.append(new SideRecord.FactorProbe(FactorBenchmark.class.getSimpleName(), key, solver, shape,
                    factorTol, factorCap, spec.toString(), buildSeconds, referenceSeconds,
                    ref == null ? null : ReferenceSolver.isCertified(ref), probe.verdict(), warmUp.solves(),
                    warmUp.firstSeconds(), probe.seconds(), r == null ? null : r.status(),
                    r == null ? null : (long) r.iterations(), r == null ? null : r.residual(),
                    r == null || ref == null ? null : RiskMetrics.maxRelWeightError(r.weights(), ref.weights()),
                    r == null ? probe.message() : r.message(), start.load1()));
        }
        if (probe.verdict() != Verdict.TIMED) {
            throw new NotTimedException(solver + " on " + spec + ": " + probe.verdict().describe() + " ("
                    + probe.message() + "); not timed");
        }
    }

    @Benchmark
    public SolveResult solve(SolveCounters counters) {
        SolveResult r = target.solve(problem, options);
        counters.record(r, tolerance);
        return r;
    }

    /** Records the load and the JVM of the trial. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (problem == null || start == null) {
            return;
        }
        Load end = Load.now();
        SideFile.append(new SideRecord.FactorTrial(FactorBenchmark.class.getSimpleName(), config(), solver, shape,
                factorTol, factorCap, start.load1(), end.load1(), end.stealShareSince(start),
                Runtime.getRuntime().maxMemory()));
    }
}

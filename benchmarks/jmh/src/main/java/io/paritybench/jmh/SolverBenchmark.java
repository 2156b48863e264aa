package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.Solvers;
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
 * Time of one solve of a fixed, seeded problem per trial, over solver × n × κ(Σ) × family × tolerance.
 *
 * <p>Each trial builds its problem ({@link ProblemSource}) and then solves it once outside the measurement (the probe)
 * with the time cap {@code cap} (seconds) as the solver's time limit. A combination the solver cannot finish in time
 * (status {@code TIME_LIMIT} or a probe longer than the cap), or a solver that rejects the problem (a closed form for
 * another n), is written to the side file ({@link SideFile}) and the trial fails with {@link NotTimedException}, so it
 * is never timed. Every other combination is timed, whatever its status: the time of a failed solve is the time the
 * solver takes to give up, and {@link SolveCounters} reports the statuses beside it, so the report can mark it.
 *
 * <p>Sample mode: every solve is timed individually, so the report gives the median per solve.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class SolverBenchmark {

    /** Solver id ({@link Solvers#byId}); the default list holds every solver that handles n > 2. */
    @Param({"reference", "inverse-vol", "ls-generic", "logbarrier-generic", "ccd-grr", "ccd-spinu", "ccd-choi",
            "ccd-anderson", "newton", "newton-cg", "greedy-published", "greedy-corrected", "greedy-exact", "sqp-ls", "sqp-ls-warm"})
    public String solver;

    @Param({"10", "50", "100", "500", "1000", "2000"})
    public int n;

    /** κ(Σ) of the constructed covariance. */
    @Param({"1e2", "1e4", "1e6", "1e8"})
    public String kappa;

    @Param({ProblemSource.RANDOM_SPECTRUM, ProblemSource.FACTOR})
    public String family;

    /** Tolerance on {@code max|RRC_i − b_i|}. */
    @Param({"1e-8", "1e-12"})
    public String tol;

    /** Time cap per solve in seconds: combinations above it are reported, not timed. */
    @Param({"10"})
    public String cap;

    private RiskBudgetSolver target;
    private RiskBudgetProblem problem;
    private SolverOptions options;
    private double achievable;

    @Setup(Level.Trial)
    public void setUp() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("kind", "probe");
        record.put("benchmark", SolverBenchmark.class.getSimpleName());
        record.put("solver", solver);
        record.put("family", family);
        record.put("n", Integer.toString(n));
        record.put("kappa", kappa);
        record.put("tol", tol);
        record.put("cap", cap);
        long t0 = System.nanoTime();
        BenchProblem bench;
        try {
            target = Solvers.byId(solver);
            bench = ProblemSource.build(family, n, Double.parseDouble(kappa));
        } catch (RuntimeException e) {
            record.put("verdict", Verdict.SETUP_ERROR.name());
            record.put("message", String.valueOf(e.getMessage()));
            SideFile.append(record);
            throw e;
        }
        record.put("setupSeconds", (System.nanoTime() - t0) * 1e-9);
        record.put("spec", bench.spec());
        problem = bench.problem();
        double tolerance = Double.parseDouble(tol);
        double capSeconds = Double.parseDouble(cap);
        options = SolverOptions.defaults().withTolerance(tolerance)
                .withTimeLimit(Duration.ofNanos((long) (capSeconds * 1e9)));
        achievable = bench.achievableResidual(tolerance);
        record.put("achievableResidual", achievable);
        Probe.Outcome probe = Probe.run(target, problem, options, capSeconds);
        Verdict verdict = probe.verdict();
        record.put("verdict", verdict.name());
        record.put("probeSeconds", probe.seconds());
        if (probe.result() != null) {
            SolveResult r = probe.result();
            record.put("status", r.status().name());
            record.put("iterations", r.iterations());
            record.put("residual", r.residual());
            record.put("message", r.message());
        } else {
            record.put("message", probe.message());
        }
        SideFile.append(record);
        if (verdict != Verdict.TIMED) {
            throw new NotTimedException(solver + " on " + bench.spec() + " at tol " + tol + ": " + verdict.describe()
                    + " (" + probe.message() + "); not timed");
        }
    }

    @Benchmark
    public SolveResult solve(SolveCounters counters) {
        SolveResult r = target.solve(problem, options);
        counters.record(r, achievable);
        return r;
    }
}

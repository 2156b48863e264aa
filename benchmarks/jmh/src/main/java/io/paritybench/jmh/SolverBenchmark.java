package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.Solvers;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one solve of a fixed, seeded problem per trial, over solver × n × κ(Σ) × family × seed × tolerance.
 *
 * <p>The problem and its conditioning are prepared before JMH starts ({@link Prepare}, which fills the side file and
 * the matrix cache), so no trial pays for a reference solve. Each trial (each fork) then:
 * <ol>
 *   <li>warms up by count ({@link WarmUp}: {@value WarmUp#SOLVES} solves with the time cap {@code cap} as the time
 *       limit) and judges the cap on the last, warm solve; a combination the solver cannot finish in time (status
 *       {@code TIME_LIMIT} or a solve longer than the cap), or one the solver rejects (a closed form for another n),
 *       is written to the side file ({@link SideFile}) and the trial fails with {@link NotTimedException}, so it is
 *       never timed; the later forks of the configuration read that verdict and stop at once;</li>
 *   <li>is warmed up by time and measured by JMH (sample mode: JMH times a subset of the solves one by one, enough
 *       for their distribution; every timed configuration is timed whatever its status, and {@link SolveCounters}
 *       reports the statuses beside the time);</li>
 *   <li>after the measurement, times the kernels the solvers run ({@link TrialKernels}) in the same JVM, and writes
 *       them with the load, the steal share and the JVM's collector and options to the side file.</li>
 * </ol>
 *
 * <p>The solver ids have no default: {@code scripts/bench} passes every id of the {@link Solvers} service loader
 * ({@code -p solver=...}, listed by {@link SolverIds}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class SolverBenchmark {

    /** Solver id ({@link Solvers#byId}); no default, {@code scripts/bench} passes every id on the class path. */
    @Param({})
    public String solver;

    @Param({"10", "50", "100", "500", "1000", "2000"})
    public int n;

    /** κ(Σ) of the constructed covariance. */
    @Param({"1e2", "1e4", "1e6", "1e8"})
    public String kappa;

    @Param({ProblemSource.RANDOM_SPECTRUM, ProblemSource.FACTOR})
    public String family;

    /** Seed of the problem: several seeds make a time describe the family rather than one matrix. */
    @Param({"1"})
    public String seed;

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
    private double[] lastWeights;
    private Load start;
    private WarmUp.Result warmUp;
    private boolean prepared;

    /** @return the key of this configuration in the side file */
    String config() {
        return String.join("|", solver, family, Integer.toString(n), kappa, seed, tol, cap);
    }

    private Map<String, Object> header(String kind) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("kind", kind);
        record.put("benchmark", SolverBenchmark.class.getSimpleName());
        record.put("config", config());
        record.put("solver", solver);
        record.put("family", family);
        record.put("n", Integer.toString(n));
        record.put("kappa", kappa);
        record.put("seed", seed);
        record.put("tol", tol);
        record.put("cap", cap);
        return record;
    }

    @Setup(Level.Trial)
    public void setUp() {
        start = Load.now();
        Map<String, String> earlier = SideFile.find("probe", "config", config());
        if (earlier != null && !Verdict.TIMED.name().equals(earlier.get("verdict"))) {
            throw new NotTimedException(solver + " on " + config() + ": " + earlier.get("verdict")
                    + " in an earlier fork (" + earlier.get("message") + "); not timed");
        }
        Map<String, Object> record = header("probe");
        BenchProblem bench;
        try {
            target = Solvers.byId(solver);
            long s = Long.parseLong(seed);
            prepared = ProblemSource.isPrepared(family, n, Double.parseDouble(kappa), s);
            bench = ProblemSource.build(family, n, Double.parseDouble(kappa), s);
        } catch (RuntimeException e) {
            record.put("verdict", Verdict.SETUP_ERROR.name());
            record.put("message", String.valueOf(e.getMessage()));
            SideFile.append(record);
            throw e;
        }
        record.put("spec", bench.spec());
        record.put("prepared", prepared);
        problem = bench.problem();
        double tolerance = Double.parseDouble(tol);
        double capSeconds = Double.parseDouble(cap);
        options = SolverOptions.defaults().withTolerance(tolerance)
                .withTimeLimit(Duration.ofNanos((long) (capSeconds * 1e9)));
        achievable = bench.achievableResidual(tolerance);
        record.put("achievableResidual", achievable);
        warmUp = WarmUp.run(target, problem, options, capSeconds);
        Probe.Outcome probe = warmUp.judged();
        Verdict verdict = probe.verdict();
        record.put("verdict", verdict.name());
        record.put("warmupSolves", warmUp.solves());
        record.put("coldSeconds", warmUp.firstSeconds());
        record.put("probeSeconds", probe.seconds());
        if (probe.result() != null) {
            SolveResult r = probe.result();
            lastWeights = r.weights();
            record.put("status", r.status().name());
            record.put("iterations", r.iterations());
            record.put("residual", r.residual());
            record.put("message", r.message());
        } else {
            record.put("message", probe.message());
        }
        record.put("load", start.load1());
        if (earlier == null) {
            SideFile.append(record);
        }
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

    /** Times the kernels in this JVM and records them with the load and the JVM of the trial. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (problem == null) {
            return;
        }
        Load measured = Load.now();
        TrialKernels.Times k = new TrialKernels(problem, lastWeights).measure();
        Load end = Load.now();
        Map<String, Object> record = header("trial");
        record.put("matvecSeconds", k.matvec());
        record.put("choleskySeconds", k.cholesky());
        record.put("residualSeconds", k.residual());
        record.put("loadStart", start.load1());
        record.put("loadEnd", end.load1());
        record.put("stealShare", measured.stealShareSince(start));
        record.put("warmupSolves", warmUp.solves());
        record.put("coldSeconds", warmUp.firstSeconds());
        record.put("probeSeconds", warmUp.judged().seconds());
        record.put("prepared", prepared);
        List<String> gcs = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(gc.getName());
        }
        record.put("gc", String.join(", ", gcs));
        record.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        record.put("jit", ManagementFactory.getCompilationMXBean() == null ? "none"
                : ManagementFactory.getCompilationMXBean().getName());
        record.put("jvmArgs", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        SideFile.append(record);
    }
}

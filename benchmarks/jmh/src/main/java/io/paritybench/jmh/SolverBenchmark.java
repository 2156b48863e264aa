package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.Solvers;
import io.paritybench.jmh.report.SideRecord;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Time of one solve of fixed, seeded problems per trial, over solver × n × κ(Σ) × family × seed × tolerance.
 *
 * <p>{@code seed} is one seed or several joined by {@code +} ({@link #seeds}, e.g. {@code 1+2+3}): with several, the
 * trial holds one problem per seed and each invocation solves the next one in turn, so a time describes the family
 * (the median over the solves of every instance) at the cost of one configuration, not one per seed.
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
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
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

    /**
     * Seed of the problem, or several joined by {@code +} (e.g. {@code 1+2+3}), solved in turn: several seeds make a
     * time describe the family rather than one matrix.
     */
    @Param({"1"})
    public String seed;

    /** Tolerance on {@code max|RRC_i − b_i|}. */
    @Param({"1e-8", "1e-12"})
    public String tol;

    /** Time cap per solve in seconds: combinations above it are reported, not timed. */
    @Param({"10"})
    public String cap;

    private RiskBudgetSolver target;
    private RiskBudgetProblem[] problems;
    private RiskBudgetProblem problem;
    private SolverOptions options;
    private double[] achievable;
    private int next;
    private double[] lastWeights;
    private Load start;
    private WarmUp.Result warmUp;
    private boolean prepared;

    /**
     * @return the seeds of a {@code seed} parameter: one number, or several joined by {@code +}
     * @throws IllegalArgumentException when a part is not a number, or a seed repeats
     */
    static long[] seeds(String seed) {
        String[] parts = seed.split("\\+", -1);
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("seed must be a number or numbers joined by '+' (e.g. 1+2+3), got '"
                        + seed + "'");
            }
        }
        if (java.util.Arrays.stream(out).distinct().count() != out.length) {
            throw new IllegalArgumentException("seed lists a seed twice: '" + seed + "'");
        }
        return out;
    }

    /** @return the key of this configuration in the side file */
    String config() {
        return String.join("|", solver, family, Integer.toString(n), kappa, seed, tol, cap);
    }

    private SideRecord.Config header() {
        return new SideRecord.Config(SolverBenchmark.class.getSimpleName(), config(), solver, family, n, kappa, seed,
                tol, cap);
    }

    @Setup(Level.Trial)
    public void setUp() {
        start = Load.now();
        String key = config();
        SideRecord.Probe earlier = SideFile.find(SideRecord.Probe.class, p -> key.equals(p.config()));
        if (earlier != null && earlier.verdict() != Verdict.TIMED) {
            throw new NotTimedException(solver + " on " + key + ": " + earlier.verdict()
                    + " in an earlier fork (" + earlier.message() + "); not timed");
        }
        BenchProblem[] bench;
        try {
            target = Solvers.byId(solver);
            long[] s = seeds(seed);
            bench = new BenchProblem[s.length];
            prepared = true;
            for (int i = 0; i < s.length; i++) {
                prepared &= ProblemSource.isPrepared(family, n, Double.parseDouble(kappa), s[i]);
                bench[i] = ProblemSource.build(family, n, Double.parseDouble(kappa), s[i]);
            }
        } catch (RuntimeException e) {
            SideFile.append(SideRecord.Probe.of(header()).failed(Verdict.SETUP_ERROR, String.valueOf(e.getMessage())));
            throw e;
        }
        problems = new RiskBudgetProblem[bench.length];
        achievable = new double[bench.length];
        double tolerance = Double.parseDouble(tol);
        double capSeconds = Double.parseDouble(cap);
        options = SolverOptions.defaults().withTolerance(tolerance)
                .withTimeLimit(Duration.ofNanos((long) (capSeconds * 1e9)));
        for (int i = 0; i < bench.length; i++) {
            problems[i] = bench[i].problem();
            achievable[i] = bench[i].achievableResidual(tolerance);
        }
        problem = problems[0];
        // warm-up by count on every instance; the configuration is judged on the first instance that is not timed,
        // else on the last one
        int solves = 0;
        double cold = Double.NaN;
        WarmUp.Result judged = null;
        int judgedIndex = 0;
        for (int i = 0; i < problems.length; i++) {
            WarmUp.Result w = WarmUp.run(target, problems[i], options, capSeconds);
            solves += w.solves();
            if (i == 0) {
                cold = w.firstSeconds();
            }
            judged = w;
            judgedIndex = i;
            if (i == 0 && w.judged().result() != null) {
                lastWeights = w.judged().result().weights();
            }
            if (w.judged().verdict() != Verdict.TIMED) {
                break;
            }
        }
        warmUp = new WarmUp.Result(judged.judged(), solves, cold, judged.seconds());
        Probe.Outcome probe = warmUp.judged();
        Verdict verdict = probe.verdict();
        SolveResult r = probe.result();
        SideRecord.Config c = header();
        SideRecord.Probe record = new SideRecord.Probe(c.benchmark(), c.config(), solver, family, n, kappa, seed, tol,
                cap, bench[0].spec(),
                bench.length > 1 ? java.util.Arrays.stream(bench).map(BenchProblem::spec).toList() : null, prepared,
                achievable[0], verdict, bench.length > 1 ? bench[judgedIndex].spec() : null, warmUp.solves(),
                warmUp.firstSeconds(), probe.seconds(), r == null ? null : r.status(),
                r == null ? null : (long) r.iterations(), r == null ? null : r.residual(),
                r == null ? probe.message() : r.message(), start.load1());
        if (earlier == null) {
            SideFile.append(record);
        }
        if (verdict != Verdict.TIMED) {
            throw new NotTimedException(solver + " on " + bench[judgedIndex].spec() + " at tol " + tol + ": "
                    + verdict.describe() + " (" + probe.message() + "); not timed");
        }
    }

    /** One solve, timed on its own (sample mode). */
    @Benchmark
    public SolveResult solve(SolveCounters counters) {
        return next(counters);
    }

    /**
     * The same solve in average-time mode: JMH calls it in a loop and reads the clock once per iteration, so an
     * operation shorter than a microsecond (inverse-vol at n = 10), which sample mode cannot resolve (its timer reads
     * cost tens of nanoseconds), is measured as the mean of a batch. {@code scripts/bench} runs the solvers of its
     * {@code batched} list through this method only, so no configuration has two results.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public SolveResult solveBatched(SolveCounters counters) {
        return next(counters);
    }

    private SolveResult next(SolveCounters counters) {
        int i = next;
        next = i + 1 == problems.length ? 0 : i + 1;
        SolveResult r = target.solve(problems[i], options);
        counters.record(r, achievable[i]);
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
        List<String> gcs = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(gc.getName());
        }
        SideRecord.Config c = header();
        SideFile.append(new SideRecord.Trial(c.benchmark(), c.config(), solver, family, n, kappa, seed, tol, cap,
                k.matvec(), k.cholesky(), k.residual(), start.load1(), end.load1(), measured.stealShareSince(start),
                warmUp.solves(), warmUp.firstSeconds(), warmUp.judged().seconds(), prepared, String.join(", ", gcs),
                Runtime.getRuntime().maxMemory(), ManagementFactory.getCompilationMXBean() == null ? "none"
                : ManagementFactory.getCompilationMXBean().getName(),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
    }
}

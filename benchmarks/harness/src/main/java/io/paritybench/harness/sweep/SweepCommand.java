package io.paritybench.harness.sweep;

import io.paritybench.core.Criterion;
import io.paritybench.core.generate.BudgetSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code paritybench sweep}: the robustness and accuracy sweep. */
@Command(name = "sweep", sortOptions = false,
        description = {"Run every solver over a grid of problems (or a folder of case files), classify every trial "
                + "(OK, CLAIMED_SUCCESS_BUT_INACCURATE, REPORTED_FAILURE, INVALID_WEIGHTS, NON_FINITE, EXCEPTION, "
                + "TIMEOUT, NOT_APPLICABLE), measure its accuracy against the reference solver, and search each "
                + "solver's breaking point in kappa.",
                "Trials run in worker JVMs under a watchdog; one CSV row per trial is flushed as it finishes.",
                "Defaults: sweep-default.properties (printed by --show-config); then --config FILE; then flags."},
        footer = {"", "Examples:",
                "  paritybench sweep                                    # the default sweep (about 15 min on 2 cores)",
                "  paritybench sweep --n 10 --kappa 1e2,1e8 --seeds 1 --no-bisect --no-n2",
                "  paritybench sweep --cases path/to/cases --out results/cases.csv",
                "  paritybench sweep --shard 3/8 --out results/sweep/shard-3.csv   # shards 0/8 ... 7/8",
                "  paritybench sweep --resume                           # continue an interrupted sweep"})
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (keys of sweep-default.properties).")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any setting, e.g. --set bisect.seeds=3.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--solvers", paramLabel = "IDS", split = ",",
            description = "Solver ids, comma-separated, or 'all'.")
    List<String> solvers;

    @picocli.CommandLine.Mixin
    io.paritybench.harness.ExternalFile external;

    @Option(names = "--families", paramLabel = "LIST", split = ";", converter = FamilyConverter.class,
            description = "Families, ';'-separated, e.g. 'random-spectrum; factor:idio=1e-8'.")
    List<SweepConfig.FamilyEntry> families;

    @Option(names = "--n", paramLabel = "LIST", split = ",", description = "Sizes, e.g. 10,50,200.")
    List<Integer> sizes;

    @Option(names = "--kappa", paramLabel = "LIST", split = ",",
            description = "kappa(Sigma) values of the families that take one.")
    List<Double> kappas;

    @Option(names = "--budgets", paramLabel = "LIST", split = ",", converter = BudgetConverter.class,
            description = "Budget specs: equal, dirichlet:ALPHA, tiny[:K[:VALUE]].")
    List<BudgetSpec> budgets;

    @Option(names = "--seeds", paramLabel = "LIST", split = ",", converter = SeedRange.Converter.class,
            description = "Seeds: a list and/or ranges, e.g. 1-5.")
    List<SeedRange> seeds;

    @Option(names = {"--tol", "--tolerance"}, paramLabel = "TOL",
            description = "Requested tolerance on max|RRC - b|, 0 < TOL < 1 (as in 'solve').")
    Double tolerance;

    @Option(names = "--criterion", paramLabel = "abs|rel",
            description = "Which error --tol bounds (as in 'solve'): abs = max_i |RRC_i - b_i|, "
                    + "rel = max_i |RRC_i/b_i - 1| "
                    + "(each solver is then asked for max|RRC - b| <= tol * min b, and the harness judges the "
                    + "relative error); default: the settings' 'criterion' (abs).")
    Criterion criterion;

    @Option(names = "--max-iter", paramLabel = "N",
            description = "Iteration cap in each solver's own unit; 0 = the solver's default (as in 'solve').")
    Integer maxIterations;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time limit given to each solve: 5 (seconds), 5s, 500ms, 2m or PT5S (as in 'solve').")
    Duration timeLimit;

    @Option(names = "--watchdog", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Kill a trial's worker after this long (TIMEOUT).")
    Duration watchdog;

    @Option(names = "--jobs", paramLabel = "K", description = "Worker JVMs running in parallel.")
    Integer jobs;

    @Option(names = "--n2", negatable = true, description = "Run the dense n = 2 grid against the closed form.")
    Boolean n2;

    @Option(names = "--bisect", negatable = true, description = "Run the breaking-point bisection.")
    Boolean bisect;

    @Option(names = "--measure", negatable = true, description = "Run the risk-measure grid (VaR / ES, ALGORITHMS.md 7).")
    Boolean measure;

    @Option(names = "--cases", paramLabel = "DIR", description = "Run the case folders in DIR (cov.csv, budgets.csv, "
            + "ref_weights.csv, meta.json) instead of the grid; n = 2 grid and bisection only if asked for.")
    Path cases;

    @Option(names = "--out", paramLabel = "FILE", description = "Results CSV (default results/sweep/sweep.csv, "
            + "or results/sweep/sweep-shard-I-of-N.csv with --shard).")
    Path out;

    @Option(names = "--resume", description = "Continue the results file: finished trials are not run again.")
    boolean resume;

    @Option(names = "--force", description = "Overwrite an existing results file; with --resume, continue one made "
            + "with other (or unknown) settings, reusing its rows where the trial is the same.")
    boolean force;

    @Option(names = "--shard", paramLabel = "I/N", converter = ShardConverter.class,
            description = "Run only shard I of N, 0 <= I < N (a deterministic split; I = a job array's task id).")
    Shard shard;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Option(names = "--show-config", description = "Print the resolved settings and the plan's size, run nothing.")
    boolean showConfig;

    @Option(names = "--max-trials", hidden = true, paramLabel = "K",
            description = "Run at most K new trials, then stop as if interrupted.")
    long maxTrials = -1;

    @Override
    public Integer call() {
        external.use();
        SweepConfig config = resolveConfig();
        boolean runN2 = n2 != null ? n2 : cases == null && config.twoAssets().enabled();
        boolean runBisect = bisect != null ? bisect : cases == null && config.bisection().enabled();
        boolean runMeasure = measure != null ? measure : cases == null && config.measure().enabled();
        SweepPlan plan = SweepPlan.of(config, cases, runN2, runBisect, runMeasure);
        Shard sh = shard == null ? Shard.ALL : shard;
        Path results = out != null ? out : sh.isAll() ? Path.of("results", "sweep", "sweep.csv")
                : Path.of("results", "sweep", "sweep-shard-" + sh.index() + "-of-" + sh.count() + ".csv");
        PrintStream err = System.err;
        if (showConfig) {
            java.io.PrintWriter o = spec.commandLine().getOut();
            o.print(config.toText());
            o.printf("# %d solvers, %d problems (%d in shard %s), %d breaking-point searches; results %s%n",
                    plan.solvers().size(), plan.groups().size(), plan.groups(sh).size(), sh, plan.pairs().size(),
                    results);
            o.flush();
            return 0;
        }
        Sweep.Settings settings = Sweep.Settings.of(results).withResume(resume).withForce(force).withShard(sh)
                .withProgress(!noProgress).withStopAfter(maxTrials).withLog(err);
        Sweep.Summary s = new Sweep(config, plan, settings).run();
        err.println("sweep: " + Sweep.describe(s));
        for (String b : s.breakingPoints()) {
            err.println("sweep: breaking point " + b);
        }
        java.io.PrintWriter o = spec.commandLine().getOut();
        o.println(results);
        o.flush();
        return 0;
    }

    SweepConfig resolveConfig() {
        SweepConfig c = SweepConfig.defaults();
        if (configFile != null) {
            c = c.with(SweepConfig.read(configFile));
        }
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "solvers", solvers, String::valueOf, ",");
        put(flags, "families", families, SweepConfig.FamilyEntry::text, "; ");
        put(flags, "n", sizes, String::valueOf, ",");
        put(flags, "kappa", kappas, v -> Double.toString(v).replace("E", "e"), ",");
        put(flags, "budgets", budgets, BudgetSpec::toString, ",");
        put(flags, "seeds", seeds, SeedRange::toString, ",");
        put(flags, "tolerance", tolerance == null ? null : tolerance.toString());
        put(flags, "criterion", criterion == null ? null : criterion.label());
        put(flags, "max-iterations", maxIterations == null ? null : maxIterations.toString());
        put(flags, "time-limit", timeLimit == null ? null : timeLimit.toString());
        put(flags, "watchdog", watchdog == null ? null : watchdog.toString());
        put(flags, "jobs", jobs == null ? null : jobs.toString());
        put(flags, "n2", n2 == null ? null : n2.toString());
        put(flags, "bisect", bisect == null ? null : bisect.toString());
        put(flags, "measure", measure == null ? null : measure.toString());
        flags.putAll(set);
        return flags.isEmpty() ? c : c.with(flags);
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static <T> void put(Map<String, String> m, String key, List<T> values, Function<T, String> text,
                                String separator) {
        if (values != null) {
            m.put(key, values.stream().map(text).collect(Collectors.joining(separator)));
        }
    }

    /** Seeds {@code FROM-TO} (inclusive) or one seed. */
    record SeedRange(long from, long to) {
        SeedRange {
            if (to < from || to - from > 100_000) {
                throw new IllegalArgumentException("bad seed range " + from + "-" + to);
            }
        }

        @Override
        public String toString() {
            return from == to ? Long.toString(from) : from + "-" + to;
        }

        static final class Converter implements ITypeConverter<SeedRange> {
            @Override
            public SeedRange convert(String s) {
                int dash = s.indexOf('-', 1);
                try {
                    return dash > 0 ? new SeedRange(Long.parseLong(s.substring(0, dash).trim()),
                            Long.parseLong(s.substring(dash + 1).trim()))
                            : new SeedRange(Long.parseLong(s.trim()), Long.parseLong(s.trim()));
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + s + "' is not a seed or a range FROM-TO");
                }
            }
        }
    }

    static final class FamilyConverter implements ITypeConverter<SweepConfig.FamilyEntry> {
        @Override
        public SweepConfig.FamilyEntry convert(String s) {
            return SweepConfig.FamilyEntry.parse(s);
        }
    }

    static final class BudgetConverter implements ITypeConverter<BudgetSpec> {
        @Override
        public BudgetSpec convert(String s) {
            return BudgetSpec.parse(s.trim());
        }
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String s) {
            return SweepConfig.parseDuration("duration", s);
        }
    }

    static final class ShardConverter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String s) {
            return Shard.parse(s);
        }
    }
}

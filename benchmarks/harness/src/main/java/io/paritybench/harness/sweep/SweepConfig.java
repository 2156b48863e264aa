package io.paritybench.harness.sweep;

import io.paritybench.core.Criterion;
import io.paritybench.harness.external.ExternalSolvers;
import io.paritybench.core.generate.BudgetSpec;
import io.paritybench.core.generate.Family;
import io.paritybench.core.generate.GeneratorSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of a sweep: {@code key = value} pairs (the defaults of {@code sweep-default.properties}, which
 * documents every key, overridden by a {@code --config} file, overridden by flags), parsed once, when the config is
 * built, into a small tree of typed records: {@link Grid}, {@link Limits}, {@link TwoAssetGrid},
 * {@link BisectionStage}, {@link MeasureStage} and {@link Execution}. A bad value fails there, before any trial
 * runs, with one line naming the key. The text form is kept only for {@link #fingerprint()}, {@link #toText()} and
 * the run info.
 */
public final class SweepConfig {

    /** The class-path resource with the default sweep. */
    public static final String DEFAULTS_RESOURCE = "/sweep-default.properties";

    /**
     * The main grid: solvers × families × n × κ × budgets × seeds.
     *
     * @param solvers  solver ids: {@code all} (every solver on the class path but those in {@code exclude}) resolved,
     *                 or the explicit list, each id checked
     */
    public record Grid(List<String> solvers, List<FamilyEntry> families, List<Integer> sizes, List<Double> kappas,
                       List<BudgetSpec> budgets, List<Long> seeds) {
    }

    /**
     * What every trial is given.
     *
     * @param maxIterations 0 = each solver's default
     * @param watchdog      longer than {@code timeLimit}: the worker is killed after this long (TIMEOUT)
     */
    public record Limits(double tolerance, int maxIterations, Duration timeLimit, Duration watchdog) {
    }

    /** The dense n = 2 grid against the closed form: ρ × σ2/σ1 × b_1. */
    public record TwoAssetGrid(boolean enabled, List<Double> rho, List<Double> volRatio, List<Double> budget) {
    }

    /**
     * The breaking-point bisection on log κ.
     *
     * @param resolution decades of κ
     * @param seeds      seeds 1..k per probe
     * @param success    the success rate a κ must reach to pass, in (0, 1]
     */
    public record BisectionStage(boolean enabled, FamilyEntry family, BudgetSpec budgets, List<Integer> sizes,
                                 double kappaMin, double kappaMax, double resolution, int seeds, double success) {
    }

    /** The risk-measure grid (ALGORITHMS.md §7): measures × families × n × κ × budgets × seeds. */
    public record MeasureStage(boolean enabled, List<String> measures, List<FamilyEntry> families,
                               List<Integer> sizes, List<Double> kappas, List<BudgetSpec> budgets, List<Long> seeds) {
    }

    /** How the sweep runs; changes no result (left out of the fingerprint). */
    public record Execution(int jobs, List<String> workerJvmArgs) {
    }

    /**
     * A family entry of the settings: a family name and optionally {@code :PARAM=VALUE,...}; n, budgets and seed
     * come from the grid.
     *
     * @param text the entry as written
     */
    public record FamilyEntry(String text, Family family, String params, boolean sweepsKappa) {

        /** @throws IllegalArgumentException for an unknown family, a bad parameter, or n, budgets or seed set */
        public static FamilyEntry parse(String text) {
            String entry = text.strip();
            int colon = entry.indexOf(':');
            String name = colon < 0 ? entry : entry.substring(0, colon);
            String params = colon < 0 ? "" : entry.substring(colon + 1);
            for (String kv : params.split(",")) {
                String k = kv.contains("=") ? kv.substring(0, kv.indexOf('=')).trim().toLowerCase(Locale.ROOT) : "";
                if (k.equals("n") || k.equals("seed") || k.equals("budgets")) {
                    throw new IllegalArgumentException("n, budgets and seed come from the grid, not the family entry");
                }
            }
            Family family = Family.byId(name);
            boolean setsKappa = params.toLowerCase(Locale.ROOT).matches("(^|.*,)\\s*kappa\\s*=.*");
            FamilyEntry e = new FamilyEntry(entry, family, params, family.accepts("kappa") && !setsKappa);
            e.spec(4, Double.NaN, BudgetSpec.equal(), 1);
            return e;
        }

        /**
         * @return the generator spec for one grid point; kappa is applied when the family takes it and the entry
         *         does not set it (NaN: leave the family default)
         */
        public GeneratorSpec spec(int n, double kappa, BudgetSpec budgets, long seed) {
            GeneratorSpec spec = GeneratorSpec.parse(family.id() + ":n=" + n + (params.isBlank() ? "" : "," + params))
                    .withBudgets(budgets).withSeed(seed);
            if (sweepsKappa && !Double.isNaN(kappa)) {
                spec = spec.with("kappa", kappa);
            }
            return spec;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final Map<String, String> values;
    private final Grid grid;
    private final Limits limits;
    private final Criterion criterion;
    private final TwoAssetGrid twoAssets;
    private final BisectionStage bisection;
    private final MeasureStage measure;
    private final Execution execution;

    private SweepConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Parser p = new Parser(this.values);
        this.grid = new Grid(p.solvers(), p.families("families"), p.ints("n", 2), p.kappas("kappa"),
                p.budgets("budgets"), p.seeds("seeds"));
        this.limits = new Limits(p.belowOne("tolerance"), p.ints("max-iterations", 0).get(0),
                p.duration("time-limit"), p.duration("watchdog"));
        this.criterion = p.criterion("criterion");
        this.twoAssets = new TwoAssetGrid(p.bool("n2"),
                p.doubles("n2.rho", v -> v > -1 && v < 1, "values must lie in (-1, 1)"),
                p.doubles("n2.vol-ratio", v -> v >= 1, "values must be >= 1 (the budgets cover both orders)"),
                p.doubles("n2.budget", v -> v > 0 && v < 1, "values must lie in (0, 1)"));
        double kappaMin = p.positive("bisect.kappa-min");
        if (!(kappaMin >= 1)) {
            throw bad("bisect.kappa-min", "must be >= 1");
        }
        double success = p.positive("bisect.success");
        if (success > 1) {
            throw bad("bisect.success", "must lie in (0, 1]");
        }
        FamilyEntry bisectFamily = p.families("bisect.family").get(0);
        if (!bisectFamily.sweepsKappa()) {
            throw bad("bisect.family", "'" + bisectFamily + "' has no kappa parameter to bisect on");
        }
        this.bisection = new BisectionStage(p.bool("bisect"), bisectFamily, p.budget("bisect.budgets"),
                p.ints("bisect.n", 2), kappaMin, p.positive("bisect.kappa-max"), p.positive("bisect.resolution"),
                p.ints("bisect.seeds", 1).get(0), success);
        boolean measureOn = p.bool("measure");
        this.measure = new MeasureStage(measureOn, p.measures(measureOn), p.families("measure.families"),
                p.ints("measure.n", 2), p.kappas("measure.kappa"), p.budgets("measure.budgets"),
                p.seeds("measure.seeds"));
        int jobs = p.ints("jobs", 1).get(0);
        if (jobs > 64) {
            throw bad("jobs", "at most 64");
        }
        this.execution = new Execution(jobs, p.list("worker.jvm-args", "\\s+"));
        if (!(limits.watchdog().compareTo(limits.timeLimit()) > 0)) {
            throw bad("watchdog", "must be longer than time-limit (" + values.get("time-limit") + ")");
        }
        if (!(bisection.kappaMax() > bisection.kappaMin())) {
            throw bad("bisect.kappa-max", "must exceed bisect.kappa-min");
        }
    }

    /** @return a checked config of these values (every key of the defaults must be present) */
    public static SweepConfig of(Map<String, String> values) {
        for (String key : defaultValues().keySet()) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("missing sweep setting '" + key + "'");
            }
        }
        return new SweepConfig(values);
    }

    public Grid grid() {
        return grid;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * @return which budget error the tolerance bounds ({@code criterion = abs|rel}); with {@code rel} each solver
     *         is asked for {@code max|RRC − b| ≤ τ·min b} and the classifier judges {@code max|RRC/b − 1|}
     */
    public Criterion criterion() {
        return criterion;
    }

    public TwoAssetGrid twoAssets() {
        return twoAssets;
    }

    public BisectionStage bisection() {
        return bisection;
    }

    public MeasureStage measure() {
        return measure;
    }

    public Execution execution() {
        return execution;
    }

    /** @return the default sweep */
    public static SweepConfig defaults() {
        return of(defaultValues());
    }

    /** @return every key with its value as text, in the order of the defaults file */
    public Map<String, String> values() {
        return values;
    }

    /** @return a copy with these keys replaced; unknown keys are rejected */
    public SweepConfig with(Map<String, String> overrides) {
        Map<String, String> v = new LinkedHashMap<>(values);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String key = e.getKey().trim();
            if (!v.containsKey(key)) {
                throw new IllegalArgumentException("unknown sweep setting '" + key + "'; known: "
                        + String.join(", ", v.keySet()));
            }
            v.put(key, e.getValue().trim());
        }
        return of(v);
    }

    /** @return a copy with one key replaced */
    public SweepConfig with(String key, String value) {
        return with(Map.of(key, value));
    }

    /** @return the keys of a properties file (a {@code --config} file), in file order */
    public static Map<String, String> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> defaultValues() {
        try (InputStream in = SweepConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + DEFAULTS_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULTS_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code key = value} lines in order; blank lines and lines starting with # are skipped. */
    static Map<String, String> parse(String text, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(where + ":" + (i + 1) + ": expected KEY = VALUE, got '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            if (out.put(key, line.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException(where + ":" + (i + 1) + ": '" + key + "' is set twice");
            }
        }
        return out;
    }

    private static IllegalArgumentException bad(String key, String problem) {
        return new IllegalArgumentException("sweep setting '" + key + "': " + problem);
    }

    /** Reads each key of the text form once, typed and checked, naming the key in every error. */
    private record Parser(Map<String, String> values) {

        String get(String key) {
            String v = values.get(key);
            if (v == null) {
                throw new IllegalArgumentException("missing sweep setting '" + key + "'");
            }
            return v;
        }

        List<String> list(String key, String separator) {
            List<String> out = new ArrayList<>();
            for (String s : get(key).split(separator)) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
            return out;
        }

        List<Double> doubles(String key, java.util.function.DoublePredicate valid, String rule) {
            List<Double> out = new ArrayList<>();
            for (String s : list(key, ",")) {
                double v = number(key, s);
                if (!valid.test(v)) {
                    throw bad(key, rule + ", got " + v);
                }
                out.add(v);
            }
            return List.copyOf(out);
        }

        static double number(String key, String s) {
            try {
                double v = Double.parseDouble(s);
                if (!Double.isFinite(v)) {
                    throw bad(key, "'" + s + "' is not a finite number");
                }
                return v;
            } catch (NumberFormatException e) {
                throw bad(key, "'" + s + "' is not a number");
            }
        }

        double positive(String key) {
            double v = number(key, get(key));
            if (!(v > 0)) {
                throw bad(key, "must be positive, got " + get(key));
            }
            return v;
        }

        Criterion criterion(String key) {
            try {
                return Criterion.parse(get(key));
            } catch (IllegalArgumentException e) {
                throw bad(key, "must be abs or rel, got '" + get(key) + "'");
            }
        }

        /** A tolerance: positive and below 1 (every max|RRC - b| is below 1). */
        double belowOne(String key) {
            double v = positive(key);
            if (!(v < 1)) {
                throw bad(key, "must be below 1 (max|RRC - b| < 1 for any weights), got " + get(key));
            }
            return v;
        }

        List<Integer> ints(String key, int min) {
            List<Integer> out = new ArrayList<>();
            for (String s : list(key, ",")) {
                try {
                    int v = Integer.parseInt(s);
                    if (v < min) {
                        throw bad(key, "values must be >= " + min + ", got " + v);
                    }
                    out.add(v);
                } catch (NumberFormatException e) {
                    throw bad(key, "'" + s + "' is not an integer");
                }
            }
            if (out.isEmpty()) {
                throw bad(key, "no value given");
            }
            return List.copyOf(out);
        }

        boolean bool(String key) {
            return switch (get(key).toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw bad(key, "expected true or false, got '" + get(key) + "'");
            };
        }

        Duration duration(String key) {
            return parseDuration(key, get(key));
        }

        List<String> solvers() {
            List<String> given = list("solvers", ",");
            List<String> exclude = list("exclude", ",");
            List<String> out = new ArrayList<>();
            if (given.size() == 1 && given.get(0).equalsIgnoreCase("all")) {
                for (String id : ExternalSolvers.ids()) {
                    if (!exclude.contains(id)) {
                        out.add(id);
                    }
                }
            } else {
                for (String id : given) {
                    try {
                        ExternalSolvers.byId(id);
                    } catch (IllegalArgumentException e) {
                        throw bad("solvers", e.getMessage());
                    }
                    if (!out.contains(id)) {
                        out.add(id);
                    }
                }
            }
            if (out.isEmpty()) {
                throw bad("solvers", "no solver selected");
            }
            return List.copyOf(out);
        }

        List<FamilyEntry> families(String key) {
            List<FamilyEntry> out = new ArrayList<>();
            for (String f : list(key, ";")) {
                try {
                    out.add(FamilyEntry.parse(f));
                } catch (IllegalArgumentException e) {
                    throw bad(key, "'" + f + "': " + e.getMessage());
                }
            }
            if (out.isEmpty()) {
                throw bad(key, "no family given");
            }
            return List.copyOf(out);
        }

        List<Double> kappas(String key) {
            return doubles(key, v -> v >= 1, "values must be >= 1");
        }

        BudgetSpec budget(String key) {
            try {
                return BudgetSpec.parse(get(key));
            } catch (IllegalArgumentException e) {
                throw bad(key, e.getMessage());
            }
        }

        List<BudgetSpec> budgets(String key) {
            List<BudgetSpec> out = new ArrayList<>();
            for (String s : list(key, ",")) {
                try {
                    out.add(BudgetSpec.parse(s));
                } catch (IllegalArgumentException e) {
                    throw bad(key, e.getMessage());
                }
            }
            return List.copyOf(out);
        }

        /** Seeds: a list, or ranges {@code FROM-TO} (inclusive). */
        List<Long> seeds(String key) {
            List<Long> out = new ArrayList<>();
            for (String s : list(key, ",")) {
                try {
                    int dash = s.indexOf('-', 1);
                    if (dash > 0) {
                        long from = Long.parseLong(s.substring(0, dash).trim());
                        long to = Long.parseLong(s.substring(dash + 1).trim());
                        if (to < from || to - from > 100_000) {
                            throw bad(key, "bad range '" + s + "'");
                        }
                        for (long v = from; v <= to; v++) {
                            out.add(v);
                        }
                    } else {
                        out.add(Long.parseLong(s));
                    }
                } catch (NumberFormatException e) {
                    throw bad(key, "'" + s + "' is not a seed or a range FROM-TO");
                }
            }
            if (out.isEmpty()) {
                throw bad(key, "no seed given");
            }
            return List.copyOf(out);
        }

        /** Risk measures: {@code volatility}, {@code var:ALPHA}, {@code es:ALPHA}. */
        List<String> measures(boolean enabled) {
            List<String> out = list("measure.measures", ",");
            for (String m : out) {
                try {
                    io.paritybench.core.RiskMeasure.parse(m, new double[] {0.0});
                } catch (IllegalArgumentException e) {
                    throw bad("measure.measures", e.getMessage());
                }
            }
            if (out.isEmpty() && enabled) {
                throw bad("measure.measures", "no risk measure given (or set measure = false)");
            }
            return List.copyOf(out);
        }
    }

    /** Parses a duration in the syntax shared with {@code solve} ({@link io.paritybench.harness.Durations}). */
    static Duration parseDuration(String key, String text) {
        Duration d;
        try {
            d = io.paritybench.harness.Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad(key, e.getMessage());
        }
        if (d.isZero()) {
            throw bad(key, "must be positive, got '" + text + "'");
        }
        return d;
    }

    /**
     * @return a short hash of the parsed settings that affect results (not {@link Execution}): shards and resumed
     *         runs must agree on it; computed from the typed records, so {@code kappa = 1e2} and
     *         {@code kappa = 100} agree
     */
    public String fingerprint() {
        return fingerprint(null);
    }

    /**
     * @param externalDefinitions the content of the external solver definitions file in use, or null when none is
     *                            ({@link io.paritybench.harness.external.ExternalSolvers#definitionsText()}): the same
     *                            solver ids with other commands give other results, so a resume must not mix them
     * @return {@link #fingerprint()}, extended by the definitions' content when there are any
     */
    public String fingerprint(String externalDefinitions) {
        // the default criterion and no external file add nothing, so runs made before either existed keep their
        // fingerprint
        String canonical = List.of(grid, limits, twoAssets, bisection, measure).toString()
                + (criterion == Criterion.ABS ? "" : "|criterion=" + criterion.label())
                + (externalDefinitions == null ? "" : "|external=" + externalDefinitions);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the settings as a properties-file text, one key per line */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        return sb.toString();
    }
}

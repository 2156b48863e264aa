package io.paritybench.harness.sweep;

import io.paritybench.core.Solvers;
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
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings of a sweep as {@code key = value} pairs: the defaults of {@code sweep-default.properties} (which
 * documents every key), overridden by a {@code --config} file, overridden by flags. Values are parsed and checked
 * when the config is built, so a bad value fails before any trial runs, naming the key.
 *
 */
public final class SweepConfig {

    /** The class-path resource with the default sweep. */
    public static final String DEFAULTS_RESOURCE = "/sweep-default.properties";

    /** Keys that do not change any trial's result (excluded from {@link #fingerprint()}). */
    private static final Set<String> EXECUTION_KEYS = Set.of("jobs", "worker.jvm-args");

    private final Map<String, String> values;

    private SweepConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return a checked config of these values (every key of the defaults must be present) */
    public static SweepConfig of(Map<String, String> values) {
        SweepConfig c = new SweepConfig(values);
        for (String key : defaultValues().keySet()) {
            c.get(key);
        }
        c.check();
        return c;
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

    private void check() {
        solverIds();
        families();
        sizes();
        kappas();
        budgets();
        seeds();
        tolerance();
        maxIterations();
        timeLimit();
        watchdog();
        jobs();
        workerJvmArgs();
        n2();
        n2Rho();
        n2VolRatio();
        n2Budget();
        bisect();
        bisectFamily();
        bisectBudgets();
        bisectSizes();
        bisectKappaMin();
        bisectKappaMax();
        bisectResolution();
        bisectSeeds();
        bisectSuccess();
        measure();
        measureMeasures();
        measureFamilies();
        measureSizes();
        measureKappas();
        measureBudgets();
        measureSeeds();
        if (!(watchdog().compareTo(timeLimit()) > 0)) {
            throw bad("watchdog", "must be longer than time-limit (" + get("time-limit") + ")");
        }
        if (!(bisectKappaMax() > bisectKappaMin())) {
            throw bad("bisect.kappa-max", "must exceed bisect.kappa-min");
        }
    }

    String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing sweep setting '" + key + "'");
        }
        return v;
    }

    private static IllegalArgumentException bad(String key, String problem) {
        return new IllegalArgumentException("sweep setting '" + key + "': " + problem);
    }

    private List<String> list(String key, String separator) {
        List<String> out = new ArrayList<>();
        for (String s : get(key).split(separator)) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private List<Double> doubles(String key) {
        List<Double> out = new ArrayList<>();
        for (String s : list(key, ",")) {
            out.add(number(key, s));
        }
        return out;
    }

    private static double number(String key, String s) {
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

    private double positive(String key) {
        double v = number(key, get(key));
        if (!(v > 0)) {
            throw bad(key, "must be positive, got " + get(key));
        }
        return v;
    }

    private List<Integer> ints(String key, int min) {
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
        return out;
    }

    private boolean bool(String key) {
        String v = get(key).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw bad(key, "expected true or false, got '" + get(key) + "'");
        };
    }

    /**
     * @return the solver ids: {@code all} means every solver on the class path except those in {@code exclude};
     *         an explicit list is taken as given (each id must exist)
     */
    public List<String> solverIds() {
        List<String> given = list("solvers", ",");
        List<String> exclude = list("exclude", ",");
        List<String> out = new ArrayList<>();
        if (given.size() == 1 && given.get(0).equalsIgnoreCase("all")) {
            for (String id : Solvers.ids()) {
                if (!exclude.contains(id)) {
                    out.add(id);
                }
            }
        } else {
            for (String id : given) {
                try {
                    Solvers.byId(id);
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
        return out;
    }

    /** @return the family entries: a family name and optionally {@code :PARAM=VALUE,...} */
    public List<String> families() {
        return families("families");
    }

    private List<String> families(String key) {
        List<String> out = list(key, ";");
        for (String f : out) {
            try {
                familySpec(f, 4, Double.NaN, BudgetSpec.equal(), 1);
            } catch (IllegalArgumentException e) {
                throw bad(key, "'" + f + "': " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * @return the generator spec of a family entry for one grid point; kappa is applied when the family takes it
     *         and the entry does not set it (NaN: leave the family default)
     */
    static GeneratorSpec familySpec(String entry, int n, double kappa, BudgetSpec budgets, long seed) {
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
        GeneratorSpec spec = GeneratorSpec.parse(family.id() + ":n=" + n + (params.isBlank() ? "" : "," + params))
                .withBudgets(budgets).withSeed(seed);
        boolean setsKappa = params.toLowerCase(Locale.ROOT).matches("(^|.*,)\\s*kappa\\s*=.*");
        if (family.accepts("kappa") && !setsKappa && !Double.isNaN(kappa)) {
            spec = spec.with("kappa", kappa);
        }
        return spec;
    }

    /** @return whether a family entry is swept over the kappa list */
    static boolean sweepsKappa(String entry) {
        int colon = entry.indexOf(':');
        String params = colon < 0 ? "" : entry.substring(colon + 1).toLowerCase(Locale.ROOT);
        return Family.byId(colon < 0 ? entry : entry.substring(0, colon)).accepts("kappa")
                && !params.matches("(^|.*,)\\s*kappa\\s*=.*");
    }

    public List<Integer> sizes() {
        return ints("n", 2);
    }

    public List<Double> kappas() {
        return kappas("kappa");
    }

    private List<Double> kappas(String key) {
        List<Double> k = doubles(key);
        for (double v : k) {
            if (!(v >= 1)) {
                throw bad(key, "values must be >= 1, got " + v);
            }
        }
        return k;
    }

    public List<BudgetSpec> budgets() {
        return budgets("budgets");
    }

    private List<BudgetSpec> budgets(String key) {
        List<BudgetSpec> out = new ArrayList<>();
        for (String s : list(key, ",")) {
            try {
                out.add(BudgetSpec.parse(s));
            } catch (IllegalArgumentException e) {
                throw bad(key, e.getMessage());
            }
        }
        return out;
    }

    /** @return the seeds: a list, or ranges {@code FROM-TO} (inclusive) */
    public List<Long> seeds() {
        return seeds("seeds");
    }

    private List<Long> seeds(String key) {
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
        return out;
    }

    public double tolerance() {
        double t = positive("tolerance");
        if (!(t < 1)) {
            throw bad("tolerance", "must be below 1 (max|RRC - b| < 1 for any weights), got " + get("tolerance"));
        }
        return t;
    }

    public int maxIterations() {
        return ints("max-iterations", 0).get(0);
    }

    public Duration timeLimit() {
        return duration("time-limit");
    }

    public Duration watchdog() {
        return duration("watchdog");
    }

    public int jobs() {
        int j = ints("jobs", 1).get(0);
        if (j > 64) {
            throw bad("jobs", "at most 64");
        }
        return j;
    }

    public List<String> workerJvmArgs() {
        return list("worker.jvm-args", "\\s+");
    }

    public boolean n2() {
        return bool("n2");
    }

    public List<Double> n2Rho() {
        List<Double> r = doubles("n2.rho");
        for (double v : r) {
            if (!(v > -1 && v < 1)) {
                throw bad("n2.rho", "values must lie in (-1, 1), got " + v);
            }
        }
        return r;
    }

    public List<Double> n2VolRatio() {
        List<Double> r = doubles("n2.vol-ratio");
        for (double v : r) {
            if (!(v >= 1)) {
                throw bad("n2.vol-ratio", "values must be >= 1 (the budgets cover both orders), got " + v);
            }
        }
        return r;
    }

    public List<Double> n2Budget() {
        List<Double> r = doubles("n2.budget");
        for (double v : r) {
            if (!(v > 0 && v < 1)) {
                throw bad("n2.budget", "values must lie in (0, 1), got " + v);
            }
        }
        return r;
    }

    public boolean bisect() {
        return bool("bisect");
    }

    public String bisectFamily() {
        String f = get("bisect.family");
        if (!sweepsKappa(f)) {
            throw bad("bisect.family", "'" + f + "' has no kappa parameter to bisect on");
        }
        return f;
    }

    public BudgetSpec bisectBudgets() {
        try {
            return BudgetSpec.parse(get("bisect.budgets"));
        } catch (IllegalArgumentException e) {
            throw bad("bisect.budgets", e.getMessage());
        }
    }

    public List<Integer> bisectSizes() {
        return ints("bisect.n", 2);
    }

    public double bisectKappaMin() {
        double v = positive("bisect.kappa-min");
        if (!(v >= 1)) {
            throw bad("bisect.kappa-min", "must be >= 1");
        }
        return v;
    }

    public double bisectKappaMax() {
        return positive("bisect.kappa-max");
    }

    /** @return the bisection's resolution in decades of kappa */
    public double bisectResolution() {
        return positive("bisect.resolution");
    }

    /** @return the number of seeds per bisection probe (seeds 1..k) */
    public int bisectSeeds() {
        return ints("bisect.seeds", 1).get(0);
    }

    public double bisectSuccess() {
        double v = positive("bisect.success");
        if (v > 1) {
            throw bad("bisect.success", "must lie in (0, 1]");
        }
        return v;
    }

    /** @return whether the risk-measure grid runs */
    public boolean measure() {
        return bool("measure");
    }

    /** @return the risk measures of the measure grid ({@code volatility}, {@code var:ALPHA}, {@code es:ALPHA}) */
    public List<String> measureMeasures() {
        List<String> out = list("measure.measures", ",");
        for (String m : out) {
            try {
                io.paritybench.core.RiskMeasure.parse(m, new double[] {0.0});
            } catch (IllegalArgumentException e) {
                throw bad("measure.measures", e.getMessage());
            }
        }
        if (out.isEmpty() && measure()) {
            throw bad("measure.measures", "no risk measure given (or set measure = false)");
        }
        return out;
    }

    public List<String> measureFamilies() {
        return families("measure.families");
    }

    public List<Integer> measureSizes() {
        return ints("measure.n", 2);
    }

    public List<Double> measureKappas() {
        return kappas("measure.kappa");
    }

    public List<BudgetSpec> measureBudgets() {
        return budgets("measure.budgets");
    }

    public List<Long> measureSeeds() {
        return seeds("measure.seeds");
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

    private Duration duration(String key) {
        return parseDuration(key, get(key));
    }

    /**
     * @return a short hash of every setting that affects results (not {@code jobs} or the worker flags): shards
     *         and resumed runs must agree on it
     */
    public String fingerprint() {
        Map<String, String> sorted = new TreeMap<>(values);
        EXECUTION_KEYS.forEach(sorted::remove);
        sorted.put("solvers", String.join(",", solverIds()));
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                md.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
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

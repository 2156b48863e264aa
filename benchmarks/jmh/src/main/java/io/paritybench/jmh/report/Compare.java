package io.paritybench.jmh.report;

import io.paritybench.core.text.Numbers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/bench compare BASE.json NEW.json [--threshold 5%]}: the regression check of two JMH JSON files of
 * these benchmarks (two commits, or JDK 17 against 25). Configurations are matched by benchmark and parameters; for
 * each pair it prints NEW/BASE of the medians of the iteration medians with a 95% bootstrap interval
 * ({@link Stats#ratioInterval}, resampling whole iterations of each run). A configuration has <b>regressed</b> when the
 * whole interval lies above {@code 1 + threshold}, and <b>improved</b> when it lies below {@code 1 − threshold};
 * without an interval (fewer than {@value Stats#MIN_ITERATIONS} iterations on a side) it gets no verdict.
 *
 * <p>Exit status: 3 when any configuration regressed, 0 otherwise, 2 on bad input (a missing or unreadable file, not
 * a JMH JSON array, a bad threshold).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compares two JMH JSON result files configuration by configuration.")
public final class Compare implements Callable<Integer> {

    /** Exit status when a configuration regressed. */
    public static final int REGRESSION = 3;
    /** Exit status on bad input. */
    public static final int BAD_INPUT = 2;

    @Parameters(index = "0", paramLabel = "BASE.json", description = "the baseline JMH JSON results")
    private Path base;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "the JMH JSON results to check")
    private Path candidate;

    @Option(names = "--threshold", defaultValue = "5%", paramLabel = "P%",
            description = "smallest slow-down (or speed-up) that counts, e.g. 5% or 0.05 (default: ${DEFAULT-VALUE})")
    private String threshold;

    @Option(names = "--ignore", split = ",", paramLabel = "PARAM",
            description = "parameters left out of the match (e.g. cap,seed: runs made with another time cap or seed "
                    + "list); a configuration that then appears twice in a file is bad input")
    private List<String> ignore = new ArrayList<>();

    private final PrintStream out;

    /** The verdict of one configuration. */
    public enum Verdict { REGRESSION, IMPROVEMENT, SAME, NO_VERDICT }

    /**
     * One matched configuration.
     *
     * @param key     benchmark and parameters
     * @param base    BASE median, seconds
     * @param neu     NEW median, seconds
     * @param ratio   NEW/BASE
     * @param low     lower end of the 95% interval of the ratio, NaN if none
     * @param high    upper end, NaN if none
     * @param verdict what it means at the threshold
     */
    public record Row(String key, double base, double neu, double ratio, double low, double high, Verdict verdict) {
    }

    Compare(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @return the exit status of {@code compare} with these arguments */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Compare(out));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("compare: " + e.getMessage());
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, c, p) -> {
            err.println("compare: " + e.getMessage());
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    /** @return the threshold as a fraction, from {@code 5%} or {@code 0.05} */
    static double threshold(String text) {
        String t = text.trim();
        double v;
        try {
            v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
                    : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threshold must be like 5% or 0.05, got '" + text + "'");
        }
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException("--threshold must be in [0%, 100%), got '" + text + "'");
        }
        return v;
    }

    @Override
    public Integer call() {
        double thr = threshold(threshold);
        Map<String, JmhResult> b = read(base, ignore);
        Map<String, JmhResult> n = read(candidate, ignore);
        List<Row> rows = compare(b, n, thr);
        out.printf("compare %s (BASE) with %s (NEW), threshold %s%n", base, candidate, Numbers.percent(thr));
        out.println("| configuration | BASE | NEW | NEW/BASE | 95% CI | verdict |");
        out.println("|---|---:|---:|---:|---:|---|");
        for (Row r : rows) {
            out.printf("| %s | %s | %s | %s | %s | %s |%n", r.key(), Numbers.time(r.base()), Numbers.time(r.neu()),
                    Numbers.sig(r.ratio()), Double.isNaN(r.low()) ? "n/a" : Numbers.sig(r.low()) + " – "
                            + Numbers.sig(r.high()), r.verdict().name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', ' '));
        }
        List<String> onlyBase = new ArrayList<>(b.keySet());
        onlyBase.removeAll(n.keySet());
        List<String> onlyNew = new ArrayList<>(n.keySet());
        onlyNew.removeAll(b.keySet());
        for (String k : onlyBase) {
            out.println("only in BASE: " + k);
        }
        for (String k : onlyNew) {
            out.println("only in NEW: " + k);
        }
        long regressed = rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION).count();
        long improved = rows.stream().filter(r -> r.verdict() == Verdict.IMPROVEMENT).count();
        out.printf("%d matched, %d regressed, %d improved, %d only in BASE, %d only in NEW%n", rows.size(), regressed,
                improved, onlyBase.size(), onlyNew.size());
        for (Row r : rows) {
            if (r.verdict() == Verdict.REGRESSION) {
                out.println("REGRESSION: " + r.key() + " NEW/BASE " + Numbers.sig(r.ratio()) + " [" + Numbers.sig(r.low())
                        + ", " + Numbers.sig(r.high()) + "]");
            }
        }
        return regressed > 0 ? REGRESSION : 0;
    }

    /** @return the matched configurations of two runs, in BASE order */
    static List<Row> compare(Map<String, JmhResult> base, Map<String, JmhResult> neu, double threshold) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, JmhResult> e : base.entrySet()) {
            JmhResult other = neu.get(e.getKey());
            if (other == null) {
                continue;
            }
            double[] bi = e.getValue().iterations();
            double[] ni = other.iterations();
            double[] r = Stats.ratioInterval(bi, ni);
            Verdict v;
            if (Double.isNaN(r[1])) {
                v = Verdict.NO_VERDICT;
            } else if (r[1] > 1 + threshold) {
                v = Verdict.REGRESSION;
            } else if (r[2] < 1 - threshold) {
                v = Verdict.IMPROVEMENT;
            } else {
                v = Verdict.SAME;
            }
            rows.add(new Row(e.getKey(), Stats.median(bi), Stats.median(ni), r[0], r[1], r[2], v));
        }
        return rows;
    }

    private static Map<String, JmhResult> read(Path file, List<String> ignore) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        List<JmhResult> results;
        try {
            results = JmhResults.readStrict(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not JMH JSON (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
        Map<String, JmhResult> byKey = new LinkedHashMap<>();
        for (JmhResult r : results) {
            java.util.TreeMap<String, String> params = new java.util.TreeMap<>(r.params());
            params.keySet().removeAll(ignore);
            String key = r.benchmark() + params;
            if (byKey.putIfAbsent(key, r) != null) {
                throw new IllegalArgumentException(file + ": configuration " + key + " appears twice"
                        + (ignore.isEmpty() ? "" : " without " + String.join(",", ignore)));
            }
        }
        return byKey;
    }
}

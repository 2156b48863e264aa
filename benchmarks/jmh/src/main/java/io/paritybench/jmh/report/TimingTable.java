package io.paritybench.jmh.report;

import io.paritybench.core.text.Numbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins the JMH results with the side records into the rows of the report: every configuration that was timed, and
 * every configuration that was probed but not timed, with the reason.
 *
 * @param solverRows   the {@code SolverBenchmark} configurations, sorted by solver, family, κ, tolerance, n
 * @param kernelRows   the kernels by n
 * @param twoAssetRows the n = 2 grid by solver and tolerance
 * @param problems     the conditioning records of the side file, one per problem spec, by family, κ and n
 * @param settings     how JMH ran each benchmark class (the first result of each)
 * @param fits         the scaling fits time ∝ n^p per solver × family × κ × tolerance
 * @param jvm          the first trial record of the side file (collector, heap, JIT, JVM options), empty if none
 * @param factorRows   the {@code FactorBenchmark} configurations (structured factor model Σ = BFB' + D, family
 *                     {@value #FACTOR_FAMILY}, κ "-", the shape in the probe record), sorted by solver, tolerance, n
 */
public record TimingTable(List<SolverRow> solverRows, List<KernelRow> kernelRows, List<TwoAssetRow> twoAssetRows,
                          List<Map<String, String>> problems, Map<String, RunSettings> settings,
                          List<ScalingFit> fits, Map<String, String> jvm, List<SolverRow> factorRows) {

    static final String SOLVER_BENCHMARK = "SolverBenchmark";
    static final String TWO_ASSET_BENCHMARK = "TwoAssetBenchmark";
    static final String FACTOR_BENCHMARK = "FactorBenchmark";
    /** The family name of the structured factor rows. */
    public static final String FACTOR_FAMILY = "factor-structured";

    public TimingTable {
        solverRows = List.copyOf(solverRows);
        kernelRows = List.copyOf(kernelRows);
        twoAssetRows = List.copyOf(twoAssetRows);
        problems = List.copyOf(problems);
        settings = Map.copyOf(settings);
        fits = List.copyOf(fits);
        jvm = Map.copyOf(jvm);
        factorRows = List.copyOf(factorRows);
    }

    /** @return how many timed configurations are steady, and how many are timed */
    public long[] steadyCount() {
        long timed = solverRows.stream().filter(SolverRow::timed).count();
        long steady = solverRows.stream().filter(r -> r.timed() && r.time().steady()).count();
        return new long[] {steady, timed};
    }

    /** @return the table of these results and side records */
    public static TimingTable of(List<JmhResult> results, List<Map<String, String>> side) {
        Map<String, RunSettings> settings = new TreeMap<>();
        for (JmhResult r : results) {
            settings.putIfAbsent(r.benchmarkClass(), r.settings());
        }
        Map<String, List<Map<String, String>>> trials = new LinkedHashMap<>();
        Map<String, String> jvm = Map.of();
        for (Map<String, String> s : side) {
            if ("trial".equals(s.get("kind")) && s.get("config") != null) {
                trials.computeIfAbsent(s.get("config"), k -> new ArrayList<>()).add(s);
                if (jvm.isEmpty()) {
                    jvm = s;
                }
            }
        }
        List<SolverRow> rows = solverRows(results, side, trials);
        return new TimingTable(rows, kernels(trials), twoAssetRows(results, side), problems(side), settings,
                fits(rows), jvm, factorRows(results, side));
    }

    /** @return n of a shape {@code NxK} (0 if it is not one) */
    static int shapeN(String shape) {
        try {
            return Integer.parseInt(shape.toLowerCase(Locale.ROOT).split("x")[0].trim());
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The rows of the structured factor model: timed ones from the results, untimed ones from the probes. */
    static List<SolverRow> factorRows(List<JmhResult> results, List<Map<String, String>> side) {
        Map<String, Map<String, String>> probes = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> trials = new LinkedHashMap<>();
        for (Map<String, String> s : side) {
            String k = s.get("solver") + "|" + s.get("shape") + "|" + s.get("tol") + "|" + s.get("cap");
            if ("factor-probe".equals(s.get("kind"))) {
                probes.putIfAbsent(k, s);
            } else if ("factor-trial".equals(s.get("kind"))) {
                trials.computeIfAbsent(k, x -> new ArrayList<>()).add(s);
            }
        }
        Map<String, SolverRow> rows = new LinkedHashMap<>();
        for (JmhResult r : results) {
            if (!r.benchmarkClass().equals(FACTOR_BENCHMARK)) {
                continue;
            }
            String shape = r.param("shape");
            String k = r.param("solver") + "|" + shape + "|" + r.param("factorTol") + "|" + r.param("factorCap");
            Map<String, String> probe = new LinkedHashMap<>(probes.getOrDefault(k, Map.of()));
            probe.putIfAbsent("shape", shape);
            TimeSummary t = TimeSummary.of(r);
            double solves = r.counter("solves");
            double failed = r.counter("failed");
            Outcome outcome;
            String detail;
            if (Double.isNaN(failed) || Double.isNaN(solves)) {
                String status = probe.get("status");
                outcome = status == null || "CONVERGED".equals(status) ? Outcome.OK : Outcome.FAILED;
                detail = outcome == Outcome.OK ? "" : status + " (probe)";
            } else {
                outcome = failed > 0 ? Outcome.FAILED : Outcome.OK;
                detail = failures(r, solves);
            }
            double load = Double.NaN;
            double steal = Double.NaN;
            for (Map<String, String> tr : trials.getOrDefault(k, List.of())) {
                load = max(load, max(parse(tr.get("loadStart")), parse(tr.get("loadEnd"))));
                steal = max(steal, parse(tr.get("stealShare")));
            }
            double iterations = Double.isNaN(solves) ? parse(probe.get("iterations")) : r.counter("iterations") / solves;
            rows.put(k, new SolverRow(r.param("solver"), FACTOR_FAMILY, shapeN(shape), "1", "-", r.param("factorTol"),
                    r.param("factorCap"), outcome, detail, t, solves, iterations, failed / solves,
                    r.counter("outsideAccuracy") / solves, Double.NaN, Double.NaN, Double.NaN, r.gc(), load, steal,
                    probe));
        }
        for (Map.Entry<String, Map<String, String>> e : probes.entrySet()) {
            if (rows.containsKey(e.getKey())) {
                continue;
            }
            Map<String, String> p = e.getValue();
            Outcome outcome = Outcome.ofUntimedVerdict(p.get("verdict"));
            String detail = outcome == Outcome.OVER_TIME_CAP ? "over the " + p.get("cap") + " s cap: "
                    + p.getOrDefault("status", "no result") + " after " + seconds(p.get("probeSeconds"))
                    : outcome == Outcome.NO_RESULT ? "probe " + p.getOrDefault("status", "?") + ", but JMH reported no "
                    + "result (see the JMH log)" : p.getOrDefault("message", "");
            rows.put(e.getKey(), new SolverRow(p.get("solver"), FACTOR_FAMILY, shapeN(p.getOrDefault("shape", "")), "1",
                    "-", p.get("tol"), p.get("cap"), outcome, detail, null, Double.NaN, parse(p.get("iterations")),
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, parse(p.get("load")), Double.NaN,
                    p));
        }
        List<SolverRow> out = new ArrayList<>(rows.values());
        out.sort(Comparator.comparing(SolverRow::solver).thenComparing(Comparator.comparingDouble(SolverRow::tolValue)
                .reversed()).thenComparingInt(SolverRow::n));
        return out;
    }

    /** @return the fits of every solver × family × κ × tolerance over its converged, timed configurations */
    static List<ScalingFit> fits(List<SolverRow> rows) {
        Map<String, List<SolverRow>> groups = new LinkedHashMap<>();
        for (SolverRow r : rows) {
            if (r.outcome() == Outcome.OK && r.timed() && r.time().median() > 0) {
                groups.computeIfAbsent(r.solver() + "|" + r.family() + "|" + r.kappa() + "|" + r.tol(),
                        k -> new ArrayList<>()).add(r);
            }
        }
        List<ScalingFit> out = new ArrayList<>();
        for (List<SolverRow> g : groups.values()) {
            ScalingFit f = ScalingFit.of(g);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** @return the kernels of a group of trial records, pooled (null fields where none has them) */
    static KernelRow kernel(int n, List<Map<String, String>> trials) {
        return new KernelRow(n, pooled(trials, "matvecSeconds"), pooled(trials, "choleskySeconds"),
                pooled(trials, "residualSeconds"));
    }

    private static TimeSummary pooled(List<Map<String, String>> trials, String field) {
        List<Double> all = new ArrayList<>();
        for (Map<String, String> t : trials) {
            all.addAll(numbers(t.get(field)));
        }
        return TimeSummary.ofBatches(all.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** @return the numbers of a side-record array written as text ("[1.0,2.0]" or "1.0,2.0") */
    public static List<Double> numbers(String text) {
        List<Double> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.replace("[", "").replace("]", "").split(",")) {
            double v = parse(part.trim());
            if (Double.isFinite(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static List<Map<String, String>> problems(List<Map<String, String>> side) {
        Map<String, Map<String, String>> bySpec = new LinkedHashMap<>();
        for (Map<String, String> s : side) {
            if ("conditioning".equals(s.get("kind")) && s.get("spec") != null) {
                bySpec.putIfAbsent(s.get("spec"), s);
            }
        }
        List<Map<String, String>> out = new ArrayList<>(bySpec.values());
        out.sort(Comparator.<Map<String, String>, String>comparing(m -> m.getOrDefault("family", ""))
                .thenComparingDouble(m -> parse(m.get("kappa")))
                .thenComparingDouble(m -> parse(m.get("n"))));
        return out;
    }

    /** @return the conditioning record of a problem spec, or an empty map */
    public Map<String, String> problem(String spec) {
        for (Map<String, String> p : problems) {
            if (p.get("spec") != null && p.get("spec").equals(spec)) {
                return p;
            }
        }
        return Map.of();
    }

    private static List<KernelRow> kernels(Map<String, List<Map<String, String>>> trials) {
        Map<Integer, List<Map<String, String>>> byN = new TreeMap<>();
        for (List<Map<String, String>> t : trials.values()) {
            for (Map<String, String> r : t) {
                byN.computeIfAbsent((int) parse(r.get("n")), k -> new ArrayList<>()).add(r);
            }
        }
        List<KernelRow> out = new ArrayList<>();
        byN.forEach((n, t) -> out.add(kernel(n, t)));
        return out;
    }

    /** The configuration key of the benchmark's side records ({@code SolverBenchmark.config()}). */
    static String key(String solver, String family, String n, String kappa, String seed, String tol, String cap) {
        return String.join("|", solver, family, n, kappa, seed == null ? "1" : seed, tol, cap);
    }

    private static List<SolverRow> solverRows(List<JmhResult> results, List<Map<String, String>> side,
                                              Map<String, List<Map<String, String>>> trials) {
        Map<String, List<Map<String, String>>> probes = new LinkedHashMap<>();
        for (Map<String, String> s : side) {
            if ("probe".equals(s.get("kind"))) {
                probes.computeIfAbsent(key(s.get("solver"), s.get("family"), s.get("n"), s.get("kappa"), s.get("seed"),
                        s.get("tol"), s.get("cap")), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, SolverRow> rows = new LinkedHashMap<>();
        for (JmhResult r : results) {
            if (!r.benchmarkClass().equals(SOLVER_BENCHMARK)) {
                continue;
            }
            String k = key(r.param("solver"), r.param("family"), r.param("n"), r.param("kappa"), r.param("seed"),
                    r.param("tol"), r.param("cap"));
            List<Map<String, String>> p = probes.getOrDefault(k, List.of());
            rows.put(k, timedRow(r, p.isEmpty() ? Map.of() : p.get(0), trials.getOrDefault(k, List.of())));
        }
        for (Map.Entry<String, List<Map<String, String>>> e : probes.entrySet()) {
            if (rows.containsKey(e.getKey())) {
                continue;
            }
            Map<String, String> chosen = e.getValue().get(0);
            for (Map<String, String> p : e.getValue()) {
                if (!"TIMED".equals(p.get("verdict"))) {
                    chosen = p;
                    break;
                }
            }
            rows.put(e.getKey(), untimedRow(chosen));
        }
        List<SolverRow> out = new ArrayList<>(rows.values());
        out.sort(Comparator.comparing(SolverRow::solver).thenComparing(SolverRow::family)
                .thenComparingDouble(SolverRow::kappaValue).thenComparing(Comparator.comparingDouble(SolverRow::tolValue)
                        .reversed()).thenComparingInt(SolverRow::n).thenComparingLong(SolverRow::seedValue));
        return out;
    }

    private static SolverRow timedRow(JmhResult r, Map<String, String> probe, List<Map<String, String>> trials) {
        KernelRow kernel = kernel(Integer.parseInt(r.param("n")), trials);
        TimeSummary t = TimeSummary.of(r);
        double solves = r.counter("solves");
        double failed = r.counter("failed");
        Outcome outcome;
        String detail;
        if (Double.isNaN(failed) || Double.isNaN(solves)) {
            String status = probe.get("status");
            outcome = status == null || "CONVERGED".equals(status) ? Outcome.OK : Outcome.FAILED;
            detail = outcome == Outcome.OK ? "" : status + " (probe)";
        } else {
            outcome = failed > 0 ? Outcome.FAILED : Outcome.OK;
            detail = failures(r, solves);
        }
        double load = Double.NaN;
        double steal = Double.NaN;
        for (Map<String, String> tr : trials) {
            load = max(load, max(parse(tr.get("loadStart")), parse(tr.get("loadEnd"))));
            steal = max(steal, parse(tr.get("stealShare")));
        }
        return new SolverRow(r.param("solver"), r.param("family"), Integer.parseInt(r.param("n")), r.param("seed"),
                r.param("kappa"), r.param("tol"), r.param("cap"), outcome, detail, t, solves,
                r.counter("iterations") / solves, failed / solves, r.counter("outsideAccuracy") / solves,
                ratio(t, kernel.matvec()), ratio(t, kernel.cholesky()), ratio(t, kernel.residual()), r.gc(), load,
                steal, probe);
    }

    private static double ratio(TimeSummary solver, TimeSummary kernel) {
        return kernel == null ? Double.NaN : solver.median() / kernel.median();
    }

    /** NaN-ignoring maximum. */
    static double max(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    private static SolverRow untimedRow(Map<String, String> probe) {
        Outcome outcome = Outcome.ofUntimedVerdict(probe.get("verdict"));
        String detail = switch (outcome) {
            case OVER_TIME_CAP -> "over the " + probe.get("cap") + " s cap: " + probe.getOrDefault("status", "no result")
                    + " after " + seconds(probe.get("probeSeconds")) + (probe.containsKey("iterations")
                    ? ", " + probe.get("iterations") + " iterations" : "");
            case NO_RESULT -> "probe " + probe.getOrDefault("status", "?") + " in " + seconds(probe.get("probeSeconds"))
                    + ", but JMH reported no result (see the JMH log)";
            default -> probe.getOrDefault("message", "");
        };
        double iterations = parse(probe.get("iterations"));
        return new SolverRow(probe.get("solver"), probe.get("family"), Integer.parseInt(probe.get("n")),
                probe.get("seed"), probe.get("kappa"), probe.get("tol"), probe.get("cap"), outcome, detail, null,
                Double.NaN, iterations, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null,
                parse(probe.get("load")), Double.NaN, probe);
    }

    private static List<TwoAssetRow> twoAssetRows(List<JmhResult> results, List<Map<String, String>> side) {
        Map<String, Map<String, String>> records = new LinkedHashMap<>();
        for (Map<String, String> s : side) {
            if ("two-asset".equals(s.get("kind"))) {
                records.putIfAbsent(s.get("solver") + "|" + s.get("tol"), s);
            }
        }
        Map<String, TwoAssetRow> rows = new LinkedHashMap<>();
        for (JmhResult r : results) {
            if (!r.benchmarkClass().equals(TWO_ASSET_BENCHMARK)) {
                continue;
            }
            String tol = r.param("gridTol") != null ? r.param("gridTol") : r.param("tol");
            String k = r.param("solver") + "|" + tol;
            double solves = r.counter("solves");
            double failed = r.counter("failed");
            Outcome outcome = failed > 0 ? Outcome.FAILED : Outcome.OK;
            rows.put(k, new TwoAssetRow(r.param("solver"), tol, outcome, failures(r, solves),
                    TimeSummary.of(r), r.counter("iterations") / solves, failed / solves,
                    r.counter("outsideAccuracy") / solves, records.getOrDefault(k, Map.of())));
        }
        for (Map.Entry<String, Map<String, String>> e : records.entrySet()) {
            Map<String, String> s = e.getValue();
            if (!rows.containsKey(e.getKey())) {
                Outcome o = "TIMED".equals(s.get("verdict")) ? Outcome.NO_RESULT
                        : Outcome.ofUntimedVerdict(s.get("verdict"));
                rows.put(e.getKey(), new TwoAssetRow(s.get("solver"), s.get("tol"), o, s.getOrDefault("message", ""),
                        null, Double.NaN, Double.NaN, Double.NaN, s));
            }
        }
        List<TwoAssetRow> out = new ArrayList<>(rows.values());
        out.sort(Comparator.comparing(TwoAssetRow::solver).thenComparing(TwoAssetRow::tol));
        return out;
    }

    /**
     * @return e.g. {@code MAX_ITERATIONS 60%, STAGNATED 40%} from the {@code fail*} counters, largest share first;
     *         empty if none failed
     */
    static String failures(JmhResult r, double solves) {
        List<Map.Entry<String, Double>> failing = new ArrayList<>();
        for (Map.Entry<String, Double> e : r.counters().entrySet()) {
            if (e.getKey().startsWith("fail") && !e.getKey().equals("failed") && e.getValue() > 0) {
                failing.add(e);
            }
        }
        failing.sort(Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Double> e : failing) {
            sb.append(sb.length() == 0 ? "" : ", ").append(statusName(e.getKey().substring(4))).append(' ')
                    .append(Numbers.percent(e.getValue() / solves));
        }
        return sb.toString();
    }

    /** {@code MaxIterations} → {@code MAX_ITERATIONS}. */
    static String statusName(String camel) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                sb.append('_');
            }
            sb.append(Character.toUpperCase(c));
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private static String seconds(String s) {
        double v = parse(s);
        return Double.isNaN(v) ? "?" : Numbers.time(v);
    }

    static double parse(String s) {
        if (s == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}

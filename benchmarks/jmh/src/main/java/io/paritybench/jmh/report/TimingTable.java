package io.paritybench.jmh.report;

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
 */
public record TimingTable(List<SolverRow> solverRows, List<KernelRow> kernelRows, List<TwoAssetRow> twoAssetRows,
                          List<Map<String, String>> problems, Map<String, RunSettings> settings) {

    static final String SOLVER_BENCHMARK = "SolverBenchmark";
    static final String KERNEL_BENCHMARK = "KernelBenchmark";
    static final String TWO_ASSET_BENCHMARK = "TwoAssetBenchmark";

    public TimingTable {
        solverRows = List.copyOf(solverRows);
        kernelRows = List.copyOf(kernelRows);
        twoAssetRows = List.copyOf(twoAssetRows);
        problems = List.copyOf(problems);
        settings = Map.copyOf(settings);
    }

    /** @return the table of these results and side records */
    public static TimingTable of(List<JmhResult> results, List<Map<String, String>> side) {
        Map<String, RunSettings> settings = new TreeMap<>();
        for (JmhResult r : results) {
            settings.putIfAbsent(r.benchmarkClass(), r.settings());
        }
        List<KernelRow> kernels = kernels(results);
        Map<Integer, KernelRow> kernelByN = new TreeMap<>();
        for (KernelRow k : kernels) {
            kernelByN.put(k.n(), k);
        }
        return new TimingTable(solverRows(results, side, kernelByN), kernels, twoAssetRows(results, side),
                problems(side), settings);
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

    private static List<KernelRow> kernels(List<JmhResult> results) {
        Map<Integer, TimeSummary> matvec = new TreeMap<>();
        Map<Integer, TimeSummary> chol = new TreeMap<>();
        for (JmhResult r : results) {
            if (!r.benchmarkClass().equals(KERNEL_BENCHMARK) || r.param("n") == null) {
                continue;
            }
            int n = Integer.parseInt(r.param("n"));
            if (r.method().equals("matvec")) {
                matvec.put(n, TimeSummary.of(r));
            } else if (r.method().equals("cholesky")) {
                chol.put(n, TimeSummary.of(r));
            }
        }
        TreeMap<Integer, KernelRow> rows = new TreeMap<>();
        for (Integer n : matvec.keySet()) {
            rows.put(n, new KernelRow(n, matvec.get(n), chol.get(n)));
        }
        for (Integer n : chol.keySet()) {
            rows.putIfAbsent(n, new KernelRow(n, null, chol.get(n)));
        }
        return new ArrayList<>(rows.values());
    }

    private static String key(String solver, String family, String n, String kappa, String tol) {
        return solver + "|" + family + "|" + n + "|" + kappa + "|" + tol;
    }

    private static List<SolverRow> solverRows(List<JmhResult> results, List<Map<String, String>> side,
                                              Map<Integer, KernelRow> kernels) {
        Map<String, List<Map<String, String>>> probes = new LinkedHashMap<>();
        for (Map<String, String> s : side) {
            if ("probe".equals(s.get("kind"))) {
                probes.computeIfAbsent(key(s.get("solver"), s.get("family"), s.get("n"), s.get("kappa"), s.get("tol")),
                        k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, SolverRow> rows = new LinkedHashMap<>();
        for (JmhResult r : results) {
            if (!r.benchmarkClass().equals(SOLVER_BENCHMARK)) {
                continue;
            }
            String k = key(r.param("solver"), r.param("family"), r.param("n"), r.param("kappa"), r.param("tol"));
            List<Map<String, String>> p = probes.getOrDefault(k, List.of());
            rows.put(k, timedRow(r, p.isEmpty() ? Map.of() : p.get(0), kernels.get(Integer.parseInt(r.param("n")))));
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
                        .reversed()).thenComparingInt(SolverRow::n));
        return out;
    }

    private static SolverRow timedRow(JmhResult r, Map<String, String> probe, KernelRow kernel) {
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
        double matvecs = kernel == null || kernel.matvec() == null ? Double.NaN : t.median() / kernel.matvec().mean();
        double chol = kernel == null || kernel.cholesky() == null ? Double.NaN : t.median() / kernel.cholesky().mean();
        return new SolverRow(r.param("solver"), r.param("family"), Integer.parseInt(r.param("n")), r.param("kappa"),
                r.param("tol"), r.param("cap"), outcome, detail, t, solves, r.counter("iterations") / solves,
                failed / solves, r.counter("outsideAccuracy") / solves, matvecs, chol, probe);
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
                probe.get("kappa"), probe.get("tol"), probe.get("cap"), outcome, detail, null, Double.NaN, iterations,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, probe);
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
                    .append(Format.percent(e.getValue() / solves));
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
        return Double.isNaN(v) ? "?" : Format.time(v);
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

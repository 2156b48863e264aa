package io.paritybench.jmh.report;

import io.paritybench.core.SolveStatus;
import io.paritybench.core.text.Numbers;
import io.paritybench.jmh.Verdict;
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
 * @param settings     how JMH ran each benchmark class (the first result of each), by class name
 * @param fits         the scaling fits time ∝ n^p per solver × family × κ × tolerance
 * @param jvm          the first trial record of the side file (collector, heap, JIT, JVM options), null if none
 * @param factorRows   the {@code FactorBenchmark} configurations (structured factor model Σ = BFB' + D, family
 *                     {@value #FACTOR_FAMILY}, κ "-", the shape in the probe record), sorted by solver, tolerance, n
 */
public record TimingTable(List<SolverRow> solverRows, List<KernelRow> kernelRows, List<TwoAssetRow> twoAssetRows,
                          List<SideRecord.Conditioning> problems, Map<String, RunSettings> settings,
                          List<ScalingFit> fits, SideRecord.Trial jvm, List<SolverRow> factorRows) {

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
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
        fits = List.copyOf(fits);
        factorRows = List.copyOf(factorRows);
    }

    /** @return how many timed configurations are steady, and how many are timed */
    public long[] steadyCount() {
        long timed = solverRows.stream().filter(SolverRow::timed).count();
        long steady = solverRows.stream().filter(r -> r.timed() && r.time().steady()).count();
        return new long[] {steady, timed};
    }

    /** @return the table of these results and side records */
    public static TimingTable of(List<JmhResult> results, List<SideRecord> side) {
        Map<String, RunSettings> settings = new TreeMap<>();
        for (JmhResult r : results) {
            settings.putIfAbsent(r.benchmarkClass(), r.settings());
        }
        Map<String, List<SideRecord.Trial>> trials = new LinkedHashMap<>();
        SideRecord.Trial jvm = null;
        for (SideRecord s : side) {
            if (s instanceof SideRecord.Trial t) {
                trials.computeIfAbsent(key(t.solver(), t.family(), Integer.toString(t.n()), t.kappa(), t.seed(),
                        t.tol(), t.cap()), k -> new ArrayList<>()).add(t);
                if (jvm == null) {
                    jvm = t;
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
    static List<SolverRow> factorRows(List<JmhResult> results, List<SideRecord> side) {
        Map<String, SideRecord.FactorProbe> probes = new LinkedHashMap<>();
        Map<String, List<SideRecord.FactorTrial>> trials = new LinkedHashMap<>();
        for (SideRecord s : side) {
            if (s instanceof SideRecord.FactorProbe p) {
                probes.putIfAbsent(factorKey(p.solver(), p.shape(), p.tol(), p.cap()), p);
            } else if (s instanceof SideRecord.FactorTrial t) {
                trials.computeIfAbsent(factorKey(t.solver(), t.shape(), t.tol(), t.cap()), x -> new ArrayList<>())
                        .add(t);
            }
        }
        Map<String, SolverRow> rows = new LinkedHashMap<>();
        for (JmhResult r : results) {
            if (!r.benchmarkClass().equals(FACTOR_BENCHMARK)) {
                continue;
            }
            String shape = r.param("shape");
            String k = factorKey(r.param("solver"), shape, r.param("factorTol"), r.param("factorCap"));
            SideRecord.FactorProbe fp = probes.get(k);
            ProbeSummary probe = (fp == null ? ProbeSummary.NONE : ProbeSummary.of(fp)).withShape(shape);
            TimeSummary t = TimeSummary.of(r);
            double solves = r.counter("solves");
            double failed = r.counter("failed");
            Outcome outcome;
            String detail;
            if (Double.isNaN(failed) || Double.isNaN(solves)) {
                SolveStatus status = probe.status();
                outcome = status == null || status == SolveStatus.CONVERGED ? Outcome.OK : Outcome.FAILED;
                detail = outcome == Outcome.OK ? "" : status + " (probe)";
            } else {
                outcome = failed > 0 ? Outcome.FAILED : Outcome.OK;
                detail = failures(r, solves);
            }
            double load = Double.NaN;
            double steal = Double.NaN;
            for (SideRecord.FactorTrial tr : trials.getOrDefault(k, List.of())) {
                load = max(load, max(SideRecord.orNaN(tr.loadStart()), SideRecord.orNaN(tr.loadEnd())));
                steal = max(steal, SideRecord.orNaN(tr.stealShare()));
            }
            double iterations = Double.isNaN(solves) ? number(probe.iterations()) : r.counter("iterations") / solves;
            rows.put(k, new SolverRow(r.param("solver"), FACTOR_FAMILY, shapeN(shape), "1", "-", r.param("factorTol"),
                    r.param("factorCap"), outcome, detail, t, solves, iterations, failed / solves,
                    r.counter("outsideAccuracy") / solves, Double.NaN, Double.NaN, Double.NaN, r.gc(), load, steal,
                    probe));
        }
        for (Map.Entry<String, SideRecord.FactorProbe> e : probes.entrySet()) {
            if (rows.containsKey(e.getKey())) {
                continue;
            }
            SideRecord.FactorProbe p = e.getValue();
            Outcome outcome = Outcome.ofUntimedVerdict(p.verdict());
            String detail = outcome == Outcome.OVER_TIME_CAP ? "over the " + p.cap() + " s cap: "
                    + orElse(p.status(), "no result") + " after " + seconds(p.probeSeconds())
                    : outcome == Outcome.NO_RESULT ? "probe " + orElse(p.status(), "?") + ", but JMH reported no "
                    + "result (see the JMH log)" : orElse(p.message(), "");
            rows.put(e.getKey(), new SolverRow(p.solver(), FACTOR_FAMILY, shapeN(orElse(p.shape(), "")), "1",
                    "-", p.tol(), p.cap(), outcome, detail, null, Double.NaN, number(p.iterations()),
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, SideRecord.orNaN(p.load()),
                    Double.NaN, ProbeSummary.of(p)));
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
    static KernelRow kernel(int n, List<SideRecord.Trial> trials) {
        return new KernelRow(n, pooled(trials, SideRecord.Trial::matvecSeconds),
                pooled(trials, SideRecord.Trial::choleskySeconds), pooled(trials, SideRecord.Trial::residualSeconds));
    }

    private static TimeSummary pooled(List<SideRecord.Trial> trials,
                                      java.util.function.Function<SideRecord.Trial, double[]> field) {
        List<Double> all = new ArrayList<>();
        for (SideRecord.Trial t : trials) {
            double[] v = field.apply(t);
            if (v != null) {
                for (double x : v) {
                    if (Double.isFinite(x)) {
                        all.add(x);
                    }
                }
            }
        }
        return TimeSummary.ofBatches(all.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static List<SideRecord.Conditioning> problems(List<SideRecord> side) {
        Map<String, SideRecord.Conditioning> bySpec = new LinkedHashMap<>();
        for (SideRecord s : side) {
            if (s instanceof SideRecord.Conditioning c && c.spec() != null) {
                bySpec.putIfAbsent(c.spec(), c);
            }
        }
        List<SideRecord.Conditioning> out = new ArrayList<>(bySpec.values());
        out.sort(Comparator.comparing((SideRecord.Conditioning c) -> orElse(c.family(), ""))
                .thenComparingDouble(SideRecord.Conditioning::kappa).thenComparingInt(SideRecord.Conditioning::n));
        return out;
    }

    /** @return the conditioning record of a problem spec, or null */
    public SideRecord.Conditioning problem(String spec) {
        for (SideRecord.Conditioning p : problems) {
            if (p.spec().equals(spec)) {
                return p;
            }
        }
        return null;
    }

    private static List<KernelRow> kernels(Map<String, List<SideRecord.Trial>> trials) {
        Map<Integer, List<SideRecord.Trial>> byN = new TreeMap<>();
        for (List<SideRecord.Trial> t : trials.values()) {
            for (SideRecord.Trial r : t) {
                byN.computeIfAbsent(r.n(), k -> new ArrayList<>()).add(r);
            }
        }
        List<KernelRow> out = new ArrayList<>();
        byN.forEach((n, t) -> out.add(kernel(n, t)));
        return out;
    }

    /** The configuration key of {@code FactorBenchmark}'s side records and results. */
    private static String factorKey(String solver, String shape, String tol, String cap) {
        return String.join("|", solver, shape, tol, cap);
    }

    /** The configuration key of the benchmark's side records ({@code SolverBenchmark.config()}). */
    static String key(String solver, String family, String n, String kappa, String seed, String tol, String cap) {
        return String.join("|", solver, family, n, kappa, seed == null ? "1" : seed, tol, cap);
    }

    private static List<SolverRow> solverRows(List<JmhResult> results, List<SideRecord> side,
                                              Map<String, List<SideRecord.Trial>> trials) {
        Map<String, List<SideRecord.Probe>> probes = new LinkedHashMap<>();
        for (SideRecord s : side) {
            if (s instanceof SideRecord.Probe p) {
                probes.computeIfAbsent(key(p.solver(), p.family(), Integer.toString(p.n()), p.kappa(), p.seed(),
                        p.tol(), p.cap()), k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, SolverRow> rows = new LinkedHashMap<>();
        for (JmhResult r : results) {
            if (!r.benchmarkClass().equals(SOLVER_BENCHMARK)) {
                continue;
            }
            String k = key(r.param("solver"), r.param("family"), r.param("n"), r.param("kappa"), r.param("seed"),
                    r.param("tol"), r.param("cap"));
            List<SideRecord.Probe> p = probes.getOrDefault(k, List.of());
            rows.put(k, timedRow(r, p.isEmpty() ? ProbeSummary.NONE : ProbeSummary.of(p.get(0)),
                    trials.getOrDefault(k, List.of())));
        }
        for (Map.Entry<String, List<SideRecord.Probe>> e : probes.entrySet()) {
            if (rows.containsKey(e.getKey())) {
                continue;
            }
            SideRecord.Probe chosen = e.getValue().get(0);
            for (SideRecord.Probe p : e.getValue()) {
                if (p.verdict() != Verdict.TIMED) {
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

    private static SolverRow timedRow(JmhResult r, ProbeSummary probe, List<SideRecord.Trial> trials) {
        KernelRow kernel = kernel(Integer.parseInt(r.param("n")), trials);
        TimeSummary t = TimeSummary.of(r);
        double solves = r.counter("solves");
        double failed = r.counter("failed");
        Outcome outcome;
        String detail;
        if (Double.isNaN(failed) || Double.isNaN(solves)) {
            SolveStatus status = probe.status();
            outcome = status == null || status == SolveStatus.CONVERGED ? Outcome.OK : Outcome.FAILED;
            detail = outcome == Outcome.OK ? "" : status + " (probe)";
        } else {
            outcome = failed > 0 ? Outcome.FAILED : Outcome.OK;
            detail = failures(r, solves);
        }
        double load = Double.NaN;
        double steal = Double.NaN;
        for (SideRecord.Trial tr : trials) {
            load = max(load, max(SideRecord.orNaN(tr.loadStart()), SideRecord.orNaN(tr.loadEnd())));
            steal = max(steal, SideRecord.orNaN(tr.stealShare()));
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

    private static SolverRow untimedRow(SideRecord.Probe probe) {
        Outcome outcome = Outcome.ofUntimedVerdict(probe.verdict());
        String detail = switch (outcome) {
            case OVER_TIME_CAP -> "over the " + probe.cap() + " s cap: " + orElse(probe.status(), "no result")
                    + " after " + seconds(probe.probeSeconds()) + (probe.iterations() != null
                    ? ", " + probe.iterations() + " iterations" : "");
            case NO_RESULT -> "probe " + orElse(probe.status(), "?") + " in " + seconds(probe.probeSeconds())
                    + ", but JMH reported no result (see the JMH log)";
            default -> orElse(probe.message(), "");
        };
        return new SolverRow(probe.solver(), probe.family(), probe.n(), probe.seed(), probe.kappa(), probe.tol(),
                probe.cap(), outcome, detail, null, Double.NaN, number(probe.iterations()), Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, null, SideRecord.orNaN(probe.load()), Double.NaN, ProbeSummary.of(probe));
    }

    private static List<TwoAssetRow> twoAssetRows(List<JmhResult> results, List<SideRecord> side) {
        Map<String, SideRecord.TwoAsset> records = new LinkedHashMap<>();
        for (SideRecord s : side) {
            if (s instanceof SideRecord.TwoAsset t) {
                records.putIfAbsent(t.solver() + "|" + t.tol(), t);
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
                    r.counter("outsideAccuracy") / solves, records.get(k)));
        }
        for (Map.Entry<String, SideRecord.TwoAsset> e : records.entrySet()) {
            SideRecord.TwoAsset s = e.getValue();
            if (!rows.containsKey(e.getKey())) {
                Outcome o = Outcome.ofUntimedVerdict(s.verdict());
                rows.put(e.getKey(), new TwoAssetRow(s.solver(), s.tol(), o, orElse(s.message(), ""),
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

    private static String seconds(Double s) {
        return s == null || Double.isNaN(s) ? "?" : Numbers.time(s);
    }

    /** @return NaN for null */
    static double number(Long v) {
        return v == null ? Double.NaN : v;
    }

    /** @return the value as text, or the fallback for null */
    static String orElse(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }
}

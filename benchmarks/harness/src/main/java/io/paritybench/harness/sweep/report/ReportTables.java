package io.paritybench.harness.sweep.report;

import io.paritybench.core.cases.AccuracyTolerance;
import io.paritybench.harness.sweep.Outcome;
import io.paritybench.harness.sweep.Stage;
import io.paritybench.harness.sweep.TrialRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** The tables of the report, computed from result rows. Each method returns one {@link Table}. */
final class ReportTables {

    /** What a rate cell shows. */
    static final String TRIPLE = "OK / silent failure / reported failure, % of the applicable trials";

    private ReportTables() {
    }

    /** @return the solvers in order of first appearance */
    static List<String> solvers(List<TrialRecord> rows) {
        Set<String> s = new LinkedHashSet<>();
        rows.forEach(r -> s.add(r.key().solver()));
        return List.copyOf(s);
    }

    static <K> Map<String, Map<K, Counts>> counts(List<TrialRecord> rows, Function<TrialRecord, K> key,
                                                  Comparator<K> order) {
        Map<String, Map<K, Counts>> m = new LinkedHashMap<>();
        for (String s : solvers(rows)) {
            m.put(s, new TreeMap<>(order));
        }
        for (TrialRecord r : rows) {
            m.get(r.key().solver()).computeIfAbsent(key.apply(r), k -> new Counts()).add(r);
        }
        return m;
    }

    static Table outcomes(List<TrialRecord> rows, String scope) {
        List<String> header = List.of("solver", "trials", "OK %", "silent %", "of which inaccurate",
                "invalid", "non-finite", "reported %", "exception", "timeout", "not applicable");
        List<List<String>> out = new ArrayList<>();
        for (String s : solvers(rows)) {
            Counts c = Counts.of(rows.stream().filter(r -> r.key().solver().equals(s)).toList());
            long a = c.applicable();
            out.add(List.of(s, Long.toString(c.total()), Fmt.pct(c.ok(), a), Fmt.pct(c.silent(), a),
                    Long.toString(c.get(Outcome.CLAIMED_SUCCESS_BUT_INACCURATE)),
                    Long.toString(c.get(Outcome.INVALID_WEIGHTS)), Long.toString(c.get(Outcome.NON_FINITE)),
                    Fmt.pct(c.reported(), a), Long.toString(c.get(Outcome.EXCEPTION)),
                    Long.toString(c.get(Outcome.TIMEOUT)), Long.toString(c.get(Outcome.NOT_APPLICABLE))));
        }
        return new Table("outcomes_by_solver", "Outcomes by solver",
                "Every trial of " + scope + " in exactly one class. Percentages of the applicable trials (all but "
                        + "not applicable); silent = claimed CONVERGED but failed the harness's check "
                        + "(inaccurate, invalid or non-finite weights); exception and timeout are counts.",
                header, out);
    }

    /** A rates table: solvers by rows, the values of a key by columns. */
    static <K> Table rates(String name, String title, String caption, List<TrialRecord> rows,
                           Function<TrialRecord, K> key, Comparator<K> order, Function<K, String> label) {
        Map<String, Map<K, Counts>> m = counts(rows, key, order);
        Set<K> keys = new java.util.TreeSet<>(order);
        m.values().forEach(x -> keys.addAll(x.keySet()));
        List<String> header = new ArrayList<>();
        header.add("solver");
        keys.forEach(k -> header.add(label.apply(k)));
        List<List<String>> out = new ArrayList<>();
        m.forEach((s, byKey) -> {
            List<String> row = new ArrayList<>();
            row.add(s);
            for (K k : keys) {
                Counts c = byKey.get(k);
                row.add(c == null ? Fmt.NONE : c.triple());
            }
            out.add(row);
        });
        return new Table(name, title, caption + " Cells: " + TRIPLE + ".", header, out);
    }

    static Table byKappa(List<TrialRecord> rows) {
        return ReportTables.<Long>rates("rates_by_kappa", "Rates by κ(Σ)",
                "Trials binned by the measured κ(Σ) of the problem (log10 rounded).", rows,
                r -> Double.isFinite(r.facts().kappaSigma()) && r.facts().kappaSigma() > 0 ? Math.round(Math.log10(r.facts().kappaSigma()))
                        : Long.MAX_VALUE, Long::compare,
                e -> e == Long.MAX_VALUE ? "κ ?" : "κ 1e" + e);
    }

    static Table byKappaW(List<TrialRecord> rows) {
        return ReportTables.<Long>rates("rates_by_kappa_w", "Rates by κ_w",
                "Trials binned by κ_w, the componentwise condition number of the weights (log10 rounded), which "
                        + "predicts the attainable accuracy better than κ(Σ) (ALGORITHMS.md 8.3).", rows,
                r -> Double.isFinite(r.facts().kappaW()) && r.facts().kappaW() > 0 ? Math.round(Math.log10(r.facts().kappaW()))
                        : Long.MAX_VALUE, Long::compare,
                e -> e == Long.MAX_VALUE ? "κ_w ?" : "κ_w 1e" + e);
    }

    static Table byN(List<TrialRecord> rows) {
        return rates("rates_by_n", "Rates by n", "Trials by problem size.", rows, (TrialRecord r) -> r.key().n(),
                Comparator.naturalOrder(), n -> "n = " + n);
    }

    static Table byFamily(List<TrialRecord> rows) {
        return rates("rates_by_family", "Rates by family", "Trials by generator family.", rows,
                (TrialRecord r) -> r.key().family(), Comparator.naturalOrder(), f -> f);
    }

    static Table byBudgets(List<TrialRecord> rows) {
        return rates("rates_by_budgets", "Rates by budgets", "Trials by how the budgets were drawn.", rows,
                (TrialRecord r) -> r.key().budgets(), Comparator.naturalOrder(), b -> b);
    }

    /** Order of the measure columns: volatility first, then by label. */
    private static final Comparator<String> MEASURE_ORDER = Comparator.comparing((String m) -> !m.equals("volatility"))
            .thenComparing(Comparator.naturalOrder());

    static Table byMeasure(List<TrialRecord> rows) {
        return rates("rates_by_measure", "Rates by risk measure",
                "The risk-measure grid (ALGORITHMS.md 7): R(w) = −μ'w + c·σ(w), Gaussian VaR (var:α) and expected "
                        + "shortfall (es:α), μ_i = h·s_i·σ_i with s_i uniform in [−2 %, 5 %] and h ≤ 1 halved until the "
                        + "solution exists. A solver without the measure is not applicable (a dash).", rows,
                (TrialRecord r) -> r.key().measure(), MEASURE_ORDER, m -> m);
    }

    static Table accuracyByMeasure(List<TrialRecord> rows) {
        List<String> header = List.of("solver", "measure", "OK trials", "median w_rel", "worst w_rel",
                "worst w_rel/(κ_w·u)", "median rrc_abs", "worst rrc_abs", "worst rrc_rel", "at floor %");
        List<List<String>> out = new ArrayList<>();
        Set<String> measures = new java.util.TreeSet<>(MEASURE_ORDER);
        rows.forEach(r -> measures.add(r.key().measure()));
        for (String s : solvers(rows)) {
            for (String m : measures) {
                List<TrialRecord> mine = rows.stream()
                        .filter(r -> r.key().solver().equals(s) && r.key().measure().equals(m) && r.judgement().outcome().isApplicable())
                        .toList();
                if (mine.isEmpty()) {
                    continue;
                }
                Predicate<TrialRecord> ok = r -> r.judgement().outcome() == Outcome.OK;
                double[] w = values(mine, ok, r -> r.judgement().wRel());
                double[] ratio = values(mine, ok, ReportTables::floorRatio);
                double[] rrc = values(mine, ok, r -> r.judgement().rrcAbs());
                long atFloor = mine.stream().filter(r -> r.judgement().atFloor()).count();
                out.add(List.of(s, m, Long.toString(mine.stream().filter(ok).count()), Fmt.sci(Fmt.median(w)),
                        Fmt.sci(Fmt.max(w)), Fmt.num(Fmt.max(ratio)), Fmt.sci(Fmt.median(rrc)), Fmt.sci(Fmt.max(rrc)),
                        Fmt.sci(Fmt.max(values(mine, ok, r -> r.judgement().rrcRel()))), Fmt.pct(atFloor, mine.size())));
            }
        }
        return new Table("accuracy_by_measure", "Accuracy by risk measure",
                "OK trials of the risk-measure grid, solvers that support the measure. w_rel against the reference "
                        + "solver's double Newton weights, which are at the double noise floor but not certified "
                        + "correctly rounded (ref_kind reference-uncertified): agreement within max(1e-13, "
                        + "100·κ_w·u) is expected of another double Newton; κ_w is that of the volatility problem at "
                        + "the measure's solution. rrc_abs = max_i |RC_i/R − b_i| with the measure's contributions.",
                header, out);
    }

    private static double[] values(List<TrialRecord> rows, Predicate<TrialRecord> which, ToDoubleFunction<TrialRecord> f) {
        return rows.stream().filter(which).mapToDouble(f).toArray();
    }

    /** @return w_rel in units of the achievable error κ_w·u */
    static double floorRatio(TrialRecord r) {
        return r.judgement().wRel() / (Math.max(1.0, r.facts().kappaW()) * AccuracyTolerance.U);
    }

    static Table accuracy(List<TrialRecord> rows) {
        List<String> header = List.of("solver", "OK trials", "median w_rel", "worst w_rel", "median w_rel/(κ_w·u)",
                "worst w_rel/(κ_w·u)", "median rrc_abs", "worst rrc_abs", "worst rrc_rel", "at floor %");
        List<List<String>> out = new ArrayList<>();
        for (String s : solvers(rows)) {
            List<TrialRecord> mine = rows.stream().filter(r -> r.key().solver().equals(s)).toList();
            Predicate<TrialRecord> ok = r -> r.judgement().outcome() == Outcome.OK;
            double[] w = values(mine, ok, r -> r.judgement().wRel());
            double[] ratio = values(mine, ok, ReportTables::floorRatio);
            double[] rrc = values(mine, ok, r -> r.judgement().rrcAbs());
            long applicable = mine.stream().filter(r -> r.judgement().outcome().isApplicable()).count();
            long atFloor = mine.stream().filter(r -> r.judgement().atFloor()).count();
            out.add(List.of(s, Long.toString(mine.stream().filter(ok).count()), Fmt.sci(Fmt.median(w)),
                    Fmt.sci(Fmt.max(w)), Fmt.num(Fmt.median(ratio)), Fmt.num(Fmt.max(ratio)),
                    Fmt.sci(Fmt.median(rrc)), Fmt.sci(Fmt.max(rrc)), Fmt.sci(Fmt.max(values(mine, ok, r -> r.judgement().rrcRel()))),
                    Fmt.pct(atFloor, applicable)));
        }
        return new Table("accuracy", "Accuracy of the OK trials",
                "w_rel = max_i |w_i − w_ref_i|/w_ref_i against the reference solver's certified, correctly rounded "
                        + "weights; κ_w·u (u = 1.1e-16) is what double precision can attain (ALGORITHMS.md 8.3); "
                        + "rrc_abs = max_i |RRC_i − b_i| and rrc_rel = max_i |RRC_i/b_i − 1| recomputed by the harness. At floor: valid weights within "
                        + "max(1e-13, 100·κ_w·u) of the reference and a residual within max(1e-14, 100·floor), "
                        + "% of all applicable trials.", header, out);
    }

    static Table iterations(List<TrialRecord> rows) {
        List<String> header = List.of("solver", "OK trials", "median iterations", "90th pct", "max",
                "median ms", "90th pct ms", "max ms");
        List<List<String>> out = new ArrayList<>();
        for (String s : solvers(rows)) {
            List<TrialRecord> ok = rows.stream().filter(r -> r.key().solver().equals(s) && r.judgement().outcome() == Outcome.OK)
                    .toList();
            double[] it = values(ok, r -> r.result().iterations() >= 0, r -> r.result().iterations());
            double[] ms = values(ok, r -> true, r -> r.result().timeMs());
            out.add(List.of(s, Integer.toString(ok.size()), Fmt.num(Fmt.median(it)), Fmt.num(Fmt.quantile(it, 0.9)),
                    Fmt.num(Fmt.max(it)), Fmt.num(Fmt.median(ms)), Fmt.num(Fmt.quantile(ms, 0.9)),
                    Fmt.num(Fmt.max(ms))));
        }
        return new Table("iterations", "Iterations and time of the OK trials",
                "Iterations in each solver's own unit (Newton iterations, CCD sweeps, greedy steps). Times are "
                        + "single wall-clock measurements in a long-running worker JVM (warm after its first "
                        + "trials), for orientation only; the JMH benchmarks measure speed.", header, out);
    }

    static Table statuses(List<TrialRecord> rows) {
        List<String> header = List.of("solver", "reported failures", "statuses");
        List<List<String>> out = new ArrayList<>();
        for (String s : solvers(rows)) {
            Map<String, Long> st = new TreeMap<>();
            rows.stream().filter(r -> r.key().solver().equals(s) && r.judgement().outcome() == Outcome.REPORTED_FAILURE)
                    .forEach(r -> st.merge(String.valueOf(r.result().status()), 1L, Long::sum));
            long total = st.values().stream().mapToLong(Long::longValue).sum();
            List<String> parts = new ArrayList<>();
            st.forEach((k, v) -> parts.add(k + " " + v));
            out.add(List.of(s, Long.toString(total), parts.isEmpty() ? Fmt.NONE : String.join(", ", parts)));
        }
        return new Table("reported_statuses", "Reported failures by status",
                "The status each solver gave when it said it had not converged.", header, out);
    }

    static Table silentFailures(List<TrialRecord> rows, int limit) {
        List<String> header = List.of("solver", "problem", "outcome", "rrc_abs", "tolerance", "w_rel", "allowed");
        List<List<String>> out = new ArrayList<>();
        rows.stream().filter(r -> r.judgement().outcome().isSilentFailure()).limit(limit).forEach(r -> out.add(List.of(
                r.key().solver(), r.key().problem(), r.judgement().outcome().name(), Fmt.sci(r.judgement().rrcAbs()), Fmt.sci(r.judgement().tolerance()),
                Fmt.sci(r.judgement().wRel()), Fmt.sci(r.judgement().weightAllowance()))));
        long total = rows.stream().filter(r -> r.judgement().outcome().isSilentFailure()).count();
        return new Table("silent_failures", "Silent failures",
                total + " trial(s) claimed CONVERGED but failed the harness's check" + (total > limit
                        ? "; the first " + limit + " are listed (all are in the results CSV)" : "")
                        + ". Tolerance = what the solver was asked for; allowed = the weight error that tolerance "
                        + "permits.", header, out);
    }

    static Table crashes(List<TrialRecord> rows, int limit) {
        List<String> header = List.of("solver", "problem", "outcome", "message");
        List<List<String>> out = new ArrayList<>();
        rows.stream().filter(r -> r.judgement().outcome() == Outcome.EXCEPTION || r.judgement().outcome() == Outcome.TIMEOUT).limit(limit)
                .forEach(r -> out.add(List.of(r.key().solver(), r.key().problem(), r.judgement().outcome().name(),
                        r.judgement().message().length() > 160 ? r.judgement().message().substring(0, 157) + "..." : r.judgement().message())));
        long total = rows.stream().filter(r -> r.judgement().outcome() == Outcome.EXCEPTION || r.judgement().outcome() == Outcome.TIMEOUT)
                .count();
        return new Table("exceptions_timeouts", "Exceptions and timeouts",
                total + " trial(s)" + (total > limit ? "; the first " + limit + " are listed" : "") + ".", header,
                out);
    }

    static Table twoAssets(List<TrialRecord> rows) {
        List<String> header = List.of("solver", "trials", "OK %", "silent %", "reported %", "at floor %",
                "median w_rel", "worst w_rel (OK)", "worst at", "worst w_rel (any valid)");
        List<List<String>> out = new ArrayList<>();
        for (String s : solvers(rows)) {
            List<TrialRecord> mine = rows.stream().filter(r -> r.key().solver().equals(s)).toList();
            Counts c = Counts.of(mine);
            List<TrialRecord> ok = mine.stream().filter(r -> r.judgement().outcome() == Outcome.OK).toList();
            TrialRecord worst = ok.stream().filter(r -> Double.isFinite(r.judgement().wRel()))
                    .max(Comparator.comparingDouble(r -> r.judgement().wRel())).orElse(null);
            double anyValid = Fmt.max(values(mine, r -> r.judgement().sumErr() <= 1e-12, r -> r.judgement().wRel()));
            long a = c.applicable();
            long atFloor = mine.stream().filter(r -> r.judgement().atFloor()).count();
            out.add(List.of(s, Long.toString(c.total()), Fmt.pct(c.ok(), a), Fmt.pct(c.silent(), a),
                    Fmt.pct(c.reported(), a), Fmt.pct(atFloor, a),
                    Fmt.sci(Fmt.median(values(ok, r -> true, r -> r.judgement().wRel()))),
                    worst == null ? Fmt.NONE : Fmt.sci(worst.judgement().wRel()),
                    worst == null ? Fmt.NONE : "ρ " + Fmt.num(worst.key().rho()) + ", σ2/σ1 " + Fmt.num(worst.key().volRatio())
                            + ", " + worst.key().budgets(), Fmt.sci(anyValid)));
        }
        double cross = Fmt.max(values(rows, r -> true, r -> r.reference().crossCheck()));
        return new Table("n2_closed_form", "The dense n = 2 grid against the closed form",
                "w_rel against the stable closed form of ALGORITHMS.md 4.1 evaluated on the stored Σ (which agrees "
                        + "with the reference solver to " + Fmt.sci(cross) + " relative over this grid). At floor: "
                        + "weights and residual within the problem's achievable accuracy (ALGORITHMS.md 8.3); a "
                        + "solver that stops as soon as max|RRC − b| ≤ 1e-10 leaves a relative error up to about "
                        + "1e-10/b in the RRC of a budget b, hence larger weight errors with tiny budgets. Any valid: "
                        + "the worst error among all trials that returned normalised weights, whatever their "
                        + "status.", header, out);
    }

    static Table breakingPoints(List<BreakingPoints.Search> searches) {
        Set<Integer> sizes = new java.util.TreeSet<>();
        searches.forEach(s -> sizes.add(s.n()));
        Map<String, Map<Integer, BreakingPoints.Search>> m = new LinkedHashMap<>();
        searches.forEach(s -> m.computeIfAbsent(s.solver(), k -> new TreeMap<>()).put(s.n(), s));
        List<String> header = new ArrayList<>();
        header.add("solver");
        sizes.forEach(n -> header.add("n = " + n));
        List<List<String>> out = new ArrayList<>();
        m.forEach((solver, byN) -> {
            List<String> row = new ArrayList<>();
            row.add(solver);
            for (int n : sizes) {
                BreakingPoints.Search s = byN.get(n);
                row.add(s == null ? Fmt.NONE : s.result().describe() + (BreakingPoints.nonMonotone(s) ? " *" : ""));
            }
            out.add(row);
        });
        return new Table("breaking_points", "Breaking points",
                "The largest κ(Σ) at which the solver is OK on at least the required share of the seeds "
                        + "(random-spectrum problems unless configured otherwise), by bisection on log10 κ; in "
                        + "parentheses the smallest failing κ probed above it. '>= x': never failed up to the top of "
                        + "the range; '< x': failed already at the bottom. * marks a pass above a failure (success "
                        + "not monotone in κ).", header, out);
    }

    static Table probes(List<BreakingPoints.Search> searches) {
        List<String> header = List.of("solver", "n", "κ", "OK", "run", "verdict");
        List<List<String>> out = new ArrayList<>();
        for (BreakingPoints.Search s : searches) {
            for (BreakingPoints.Probe p : s.probes()) {
                out.add(List.of(s.solver(), Integer.toString(s.n()), Fmt.num(p.kappa()), Integer.toString(p.ok()),
                        Integer.toString(p.runs()), p.verdict().name()));
            }
        }
        return new Table("breaking_point_probes", "Breaking-point probes",
                "Every probe of the bisection: OK seeds out of those run (a probe stops once its verdict is "
                        + "certain).", header, out);
    }

    /** @return the rows of the given stages */
    static List<TrialRecord> stages(List<TrialRecord> rows, Stage... stages) {
        Set<Stage> s = java.util.EnumSet.noneOf(Stage.class);
        s.addAll(List.of(stages));
        return rows.stream().filter(r -> s.contains(r.key().stage())).toList();
    }
}

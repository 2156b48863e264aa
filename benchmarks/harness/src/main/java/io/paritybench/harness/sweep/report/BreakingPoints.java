package io.paritybench.harness.sweep.report;

import io.paritybench.harness.sweep.Bisection;
import io.paritybench.harness.sweep.Outcome;
import io.paritybench.harness.sweep.Stage;
import io.paritybench.harness.sweep.TrialRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The breaking points, recomputed from the bisection's rows (so a merged or resumed results file gives the same
 * answer as the run that produced it): a probe passes when at least {@code ceil(success·seeds)} of its seeds are
 * OK; the breaking point is the largest passing κ, and the smallest failing κ above it bounds it.
 */
final class BreakingPoints {

    private BreakingPoints() {
    }

    /**
     * One probe of one search.
     *
     * @param kappa the probe's κ(Σ)
     * @param ok    OK trials
     * @param runs  trials run (fewer than the seeds when the verdict was certain early)
     * @param verdict pass, fail or not applicable
     */
    record Probe(double kappa, int ok, int runs, Bisection.Verdict verdict) {
    }

    /**
     * The search of one solver at one n.
     *
     * @param solver the solver
     * @param n      the size
     * @param probes its probes by increasing κ
     * @param result the breaking point
     */
    record Search(String solver, int n, List<Probe> probes, Bisection.Result result) {
    }

    /** @return the searches found in the rows, by solver (in order of appearance) then n */
    static List<Search> of(List<TrialRecord> rows, int seeds, double success) {
        Map<String, Map<Integer, Map<Double, List<TrialRecord>>>> bySolver = new java.util.LinkedHashMap<>();
        for (TrialRecord r : rows) {
            if (r.key().stage() == Stage.BISECT) {
                bySolver.computeIfAbsent(r.key().solver(), k -> new TreeMap<>())
                        .computeIfAbsent(r.key().n(), k -> new TreeMap<>())
                        .computeIfAbsent(r.key().kappa(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Search> out = new ArrayList<>();
        bySolver.forEach((solver, byN) -> byN.forEach((n, byKappa) -> {
            List<Probe> probes = new ArrayList<>();
            double lastPass = Double.NaN;
            boolean applicable = true;
            for (Map.Entry<Double, List<TrialRecord>> e : byKappa.entrySet()) {
                Bisection.Tally t = new Bisection.Tally(seeds, success);
                int ok = 0;
                for (TrialRecord r : e.getValue()) {
                    t.add(r.judgement().outcome());
                    ok += r.judgement().outcome() == Outcome.OK ? 1 : 0;
                }
                Bisection.Verdict v = t.verdict();
                probes.add(new Probe(e.getKey(), ok, e.getValue().size(), v));
                if (v == Bisection.Verdict.NOT_APPLICABLE) {
                    applicable = false;
                } else if (v == Bisection.Verdict.PASS) {
                    lastPass = e.getKey();
                }
            }
            double firstFail = Double.NaN;
            for (Probe p : probes) {
                if (p.verdict() == Bisection.Verdict.FAIL && (Double.isNaN(lastPass) || p.kappa() > lastPass)) {
                    firstFail = p.kappa();
                    break;
                }
            }
            out.add(new Search(solver, n, probes, new Bisection.Result(lastPass, firstFail, applicable)));
        }));
        return out;
    }

    /** @return whether the probes contradict monotonicity (a pass above a failure) */
    static boolean nonMonotone(Search s) {
        boolean failed = false;
        for (Probe p : s.probes()) {
            if (p.verdict() == Bisection.Verdict.FAIL) {
                failed = true;
            } else if (p.verdict() == Bisection.Verdict.PASS && failed) {
                return true;
            }
        }
        return false;
    }
}

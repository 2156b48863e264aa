package io.paritybench.harness.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The breaking-point search (the Java Matrix Benchmark's idea, on κ): the largest κ(Σ) at which a solver still
 * succeeds on at least a given fraction of the seeds, found by bisection on log10 κ over a grid of probes
 * {@code log10 κ_k = log10 κ_min + k·resolution}, {@code k = 0..K} (the last probe is κ_max). It assumes that
 * success is monotone in κ, which is what makes the answer a single number; the report lists the probes, so a
 * violation is visible.
 */
public final class Bisection {

    private Bisection() {
    }

    /** The verdict of one probe. */
    public enum Verdict { PASS, FAIL, NOT_APPLICABLE }

    /**
     * The result of a search.
     *
     * @param lastPass  the largest κ that passed (NaN if none did)
     * @param firstFail the smallest κ that failed above it (NaN if none did)
     * @param applicable false when the solver rejected the problems
     */
    public record Result(double lastPass, double firstFail, boolean applicable) {

        /** @return the breaking point in words, e.g. {@code 1e7 (fails at 3.16e7)}, {@code >= 1e13}, {@code < 1e1} */
        public String describe() {
            if (!applicable) {
                return "n/a";
            }
            if (Double.isNaN(lastPass)) {
                return "< " + format(firstFail);
            }
            if (Double.isNaN(firstFail)) {
                return ">= " + format(lastPass);
            }
            return format(lastPass) + " (fails at " + format(firstFail) + ")";
        }
    }

    /** @return the number of probe intervals K */
    public static int intervals(double kappaMin, double kappaMax, double resolution) {
        double span = Math.log10(kappaMax) - Math.log10(kappaMin);
        return Math.max(1, (int) Math.ceil(span / resolution - 1e-9));
    }

    /** @return κ of probe k: {@code 10^(log10 κ_min + k·resolution)} to three significant digits, κ_max for k = K */
    public static double kappa(double kappaMin, double kappaMax, double resolution, int k) {
        int last = intervals(kappaMin, kappaMax, resolution);
        if (k >= last) {
            return kappaMax;
        }
        if (k == 0) {
            return kappaMin;
        }
        double v = Math.pow(10, Math.log10(kappaMin) + k * resolution);
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }

    /** @return the probe indices a search visits, in order, given the verdicts */
    public static Result search(int intervals, IntFunction<Verdict> probe, IntFunction<Double> kappaOf) {
        Verdict low = probe.apply(0);
        if (low == Verdict.NOT_APPLICABLE) {
            return new Result(Double.NaN, Double.NaN, false);
        }
        if (low == Verdict.FAIL) {
            return new Result(Double.NaN, kappaOf.apply(0), true);
        }
        Verdict high = probe.apply(intervals);
        if (high == Verdict.PASS) {
            return new Result(kappaOf.apply(intervals), Double.NaN, true);
        }
        int lo = 0;
        int hi = intervals;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (probe.apply(mid) == Verdict.PASS) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Result(kappaOf.apply(lo), kappaOf.apply(hi), true);
    }

    /** @return the number of seeds that must succeed: {@code ceil(success·seeds)} */
    public static int needed(int seeds, double success) {
        return (int) Math.ceil(success * seeds - 1e-9);
    }

    /**
     * Tallies a probe's outcomes as they come; a probe stops as soon as its verdict is certain.
     */
    public static final class Tally {
        private final int seeds;
        private final int needed;
        private int ok;
        private int failed;
        private int notApplicable;
        private final List<Outcome> outcomes = new ArrayList<>();

        public Tally(int seeds, double success) {
            this.seeds = seeds;
            this.needed = needed(seeds, success);
        }

        public void add(Outcome o) {
            outcomes.add(o);
            if (o == Outcome.OK) {
                ok++;
            } else if (o == Outcome.NOT_APPLICABLE) {
                notApplicable++;
            } else {
                failed++;
            }
        }

        /** @return whether the verdict no longer depends on the remaining seeds */
        public boolean decided() {
            return notApplicable > 0 || ok >= needed || seeds - failed < needed;
        }

        public Verdict verdict() {
            if (notApplicable > 0) {
                return Verdict.NOT_APPLICABLE;
            }
            return ok >= needed ? Verdict.PASS : Verdict.FAIL;
        }

        public int runs() {
            return outcomes.size();
        }
    }

    static String format(double kappa) {
        if (Double.isNaN(kappa)) {
            return "?";
        }
        String s = String.format(Locale.ROOT, "%.3g", kappa);
        if (s.contains("e")) {
            String[] p = s.split("e");
            String mant = p[0].replaceAll("\\.?0+$", "");
            return mant + "e" + Integer.parseInt(p[1]);
        }
        double e = Math.log10(kappa);
        if (Math.abs(e - Math.rint(e)) < 1e-12) {
            return "1e" + (int) Math.rint(e);
        }
        return s.replaceAll("\\.?0+$", "");
    }
}

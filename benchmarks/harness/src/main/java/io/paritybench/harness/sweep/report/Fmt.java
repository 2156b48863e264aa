package io.paritybench.harness.sweep.report;

import java.util.Arrays;
import java.util.Locale;

/** Number formatting and order statistics for the report. */
final class Fmt {

    /** Shown for a quantity that does not exist (no trial, no reference). */
    static final String NONE = "–";

    private Fmt() {
    }

    /** @return a percentage of a fraction: integers at 0 and 100, one decimal otherwise */
    static String pct(long part, long whole) {
        if (whole == 0) {
            return NONE;
        }
        if (part == 0) {
            return "0";
        }
        if (part == whole) {
            return "100";
        }
        return String.format(Locale.ROOT, "%.1f", 100.0 * part / whole);
    }

    /** @return two significant digits in scientific notation, e.g. {@code 3.2e-15} */
    static String sci(double v) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.1e", v);
        int e = s.indexOf('e');
        return s.substring(0, e) + "e" + Integer.parseInt(s.substring(e + 1));
    }

    /** @return a value with three significant digits (integers up to 1e5 in full), plain when moderate */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-2 || a >= 1e5)) {
            return sci(v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** @return the q-quantile (0 ≤ q ≤ 1, nearest rank) of the finite values, NaN if there are none */
    static double quantile(double[] values, double q) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * v.length);
        return v[Math.min(v.length - 1, Math.max(0, rank - 1))];
    }

    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
    }

    static double max(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    /** @return the decade label of a positive value: {@code 1e3} for 700 … 3000 (log10 rounded) */
    static String decade(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            return "?";
        }
        return "1e" + Math.round(Math.log10(v));
    }
}

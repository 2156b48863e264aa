package io.paritybench.harness.sweep.report;

import io.paritybench.core.text.Numbers;
import java.util.Locale;

/** The sweep report's placeholders over the shared formatter and order statistics ({@link Numbers}). */
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

    /** @return two significant digits in scientific notation, e.g. {@code 3.2e-15} ({@link Numbers#sci}) */
    static String sci(double v) {
        return Double.isNaN(v) ? NONE : Numbers.sci(v);
    }

    /** @return a value with three significant digits (integers up to 1e5 in full), plain when moderate */
    static String num(double v) {
        return Double.isNaN(v) ? NONE : Numbers.compact(v);
    }

    /** @return the q-quantile (0 ≤ q ≤ 1, nearest rank) of the finite values, NaN if there are none */
    static double quantile(double[] values, double q) {
        return Numbers.quantile(values, q);
    }

    static double median(double[] values) {
        return Numbers.median(values);
    }

    static double max(double[] values) {
        return Numbers.max(values);
    }

    /** @return the decade label of a positive value: {@code 1e3} for 700 … 3000 (log10 rounded) */
    static String decade(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            return "?";
        }
        return "1e" + Math.round(Math.log10(v));
    }
}

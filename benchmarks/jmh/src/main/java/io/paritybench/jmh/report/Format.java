package io.paritybench.jmh.report;

import java.util.Locale;

/** Number formats of the report. */
final class Format {

    private Format() {
    }

    /** @return a time in seconds with three significant digits and a readable unit, e.g. {@code 12.3 µs} */
    static String time(double seconds) {
        if (Double.isNaN(seconds)) {
            return "";
        }
        double a = Math.abs(seconds);
        if (a < 1e-6) {
            return sig(seconds * 1e9) + " ns";
        }
        if (a < 1e-3) {
            return sig(seconds * 1e6) + " µs";
        }
        if (a < 1) {
            return sig(seconds * 1e3) + " ms";
        }
        return sig(seconds) + " s";
    }

    /** @return three significant digits, no exponent for ordinary magnitudes */
    static String sig(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-3) {
            return sci(v);
        }
        int digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** @return {@code 1.2e-13}-style scientific notation (two significant digits) */
    static String sci(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, "%.1e", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
    }

    /** @return a share as a percentage, e.g. {@code 100%}, {@code 2.5%} */
    static String percent(double share) {
        if (Double.isNaN(share)) {
            return "";
        }
        double p = 100 * share;
        if (p == Math.rint(p)) {
            return String.format(Locale.ROOT, "%.0f%%", p);
        }
        if (p >= 10) {
            return String.format(Locale.ROOT, "%.1f%%", Math.min(p, 99.9));
        }
        return String.format(Locale.ROOT, "%.2g%%", p);
    }

    /** @return a byte count with a decimal unit, e.g. {@code 16.2 MB}, empty for NaN */
    static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "";
        }
        double a = Math.abs(b);
        if (a < 1e3) {
            return sig(b) + " B";
        }
        if (a < 1e6) {
            return sig(b / 1e3) + " kB";
        }
        if (a < 1e9) {
            return sig(b / 1e6) + " MB";
        }
        return sig(b / 1e9) + " GB";
    }

    /** @return a plain number for CSV (shortest round-trip form, empty for NaN) */
    static String csv(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}

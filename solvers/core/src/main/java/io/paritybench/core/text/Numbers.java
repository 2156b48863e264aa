package io.paritybench.core.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * The one number formatter of the reports (the sweep's {@code REPORT.md} and the timing report), and the order
 * statistics they share. Every format uses {@link Locale#ROOT}. Formats that have no text for NaN return the empty
 * string; a report that shows a placeholder instead substitutes it.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * @return two significant digits in scientific notation without a plus sign or leading zeros, e.g.
     *         {@code 3.2e-15}, {@code 1.0e2}; {@code 0}, {@code NaN}, {@code inf}, {@code -inf}
     */
    public static String sci(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
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

    /**
     * Scientific notation with {@code digits} significant digits, composed without {@link java.util.Formatter}
     * (tens of nanoseconds against microseconds), for the messages a solver builds on every solve: e.g.
     * {@code sci(3.14159e-5, 4)} is {@code 3.142e-5}, {@code sci(100, 2)} is {@code 1.0e2}; {@code 0}, {@code NaN},
     * {@code inf}, {@code -inf} as {@link #sci(double)}. The last digit is {@code v} rounded half-up after one
     * division by a power of ten, so it may differ from the correctly rounded one in halfway cases. Magnitudes
     * beyond 1e±290 go through the formatter.
     *
     * @param digits 1 to 17
     */
    public static String sci(double v, int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be 1 to 17, got " + digits);
        }
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
            return sci(v);
        }
        double a = Math.abs(v);
        if (a < 1e-290 || a > 1e290) {
            String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
            int e = s.indexOf('e');
            return s.substring(0, e) + "e" + Integer.parseInt(s.substring(e + 1));
        }
        long unit = LONG_POWERS[digits - 1];
        int e = (int) Math.floor(Math.log10(a));
        long m = Math.round(a / Math.pow(10, e - (digits - 1)));
        if (m < unit) { // log10 rounded up across a power of ten
            e--;
            m = Math.round(a / Math.pow(10, e - (digits - 1)));
        }
        if (m >= 10 * unit) { // rounding carried into a new digit, e.g. 9.9996 to 4 digits
            e++;
            m = Math.round(a / Math.pow(10, e - (digits - 1)));
        }
        StringBuilder sb = new StringBuilder(digits + 8);
        if (v < 0) {
            sb.append('-');
        }
        sb.append(m / unit);
        if (digits > 1) {
            sb.append('.');
            appendPadded(sb, m % unit, digits - 1);
        }
        return sb.append('e').append(e).toString();
    }

    /**
     * Fixed-point notation with {@code decimals} digits after the point (0 to 9), composed without
     * {@link java.util.Formatter}, e.g. {@code fixed(0.59613, 3)} is {@code 0.596}, {@code fixed(28.7, 0)} is
     * {@code 29}; rounded half-up (halfway cases may differ from the formatter's). Magnitudes of 1e9 and above,
     * and NaN and infinities, go through {@link #sci(double, int)} with four digits.
     */
    public static String fixed(double v, int decimals) {
        if (decimals < 0 || decimals > 9) {
            throw new IllegalArgumentException("decimals must be 0 to 9, got " + decimals);
        }
        if (!(Math.abs(v) < 1e9)) {
            return sci(v, 4);
        }
        long unit = LONG_POWERS[decimals];
        long m = Math.round(Math.abs(v) * unit);
        StringBuilder sb = new StringBuilder(decimals + 12);
        if (v < 0 && m > 0) {
            sb.append('-');
        }
        sb.append(m / unit);
        if (decimals > 0) {
            sb.append('.');
            appendPadded(sb, m % unit, decimals);
        }
        return sb.toString();
    }

    private static final long[] LONG_POWERS = new long[18];

    static {
        LONG_POWERS[0] = 1;
        for (int i = 1; i < LONG_POWERS.length; i++) {
            LONG_POWERS[i] = 10 * LONG_POWERS[i - 1];
        }
    }

    /** Appends {@code value} (0 ≤ value < 10^width) with leading zeros to {@code width} digits. */
    private static void appendPadded(StringBuilder sb, long value, int width) {
        for (int p = width - 1; p >= 1 && value < LONG_POWERS[p]; p--) {
            sb.append('0');
        }
        sb.append(value);
    }

    /**
     * @return three significant digits with trailing zeros kept ({@code 4.00}), scientific outside [1e-3, 1e6);
     *         empty for NaN
     */
    public static String sig(double v) {
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

    /**
     * @return three significant digits with trailing zeros dropped ({@code 4}, {@code 4.5}), integers up to 1e5 in
     *         full, scientific outside [1e-2, 1e5); empty for NaN
     */
    public static String compact(double v) {
        if (Double.isNaN(v)) {
            return "";
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

    /** @return a time in seconds with three significant digits and a unit, e.g. {@code 12.3 µs}; empty for NaN */
    public static String time(double seconds) {
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

    /** @return a byte count with a decimal unit, e.g. {@code 16.2 MB}; empty for NaN */
    public static String bytes(double b) {
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

    /** @return a share as a percentage, e.g. {@code 100%}, {@code 2.5%}, {@code 0.012%}; empty for NaN */
    public static String percent(double share) {
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

    /** @return the median of the finite values, NaN if there are none */
    public static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
    }

    /** @return the q-quantile (0 ≤ q ≤ 1, nearest rank) of the finite values, NaN if there are none */
    public static double quantile(double[] values, double q) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * v.length);
        return v[Math.min(v.length - 1, Math.max(0, rank - 1))];
    }

    /** @return the largest finite value, NaN if there is none */
    public static double max(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).max().orElse(Double.NaN);
    }
}

package io.paritybench.harness;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The one duration syntax of {@code solve} and {@code sweep}: {@code 5} (seconds), {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 3m}, ISO-8601 ({@code PT2S}). */
public final class Durations {

    private Durations() {
    }

    /**
     * @return the duration (may be zero)
     * @throws IllegalArgumentException naming the text when it is not a duration, negative or not finite
     */
    public static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (s.startsWith("pt")) {
                d = Duration.parse(s.toUpperCase(Locale.ROOT));
            } else if (s.endsWith("ms")) {
                d = seconds(s.substring(0, s.length() - 2), 1e-3);
            } else if (s.endsWith("s")) {
                d = seconds(s.substring(0, s.length() - 1), 1);
            } else if (s.endsWith("m")) {
                d = seconds(s.substring(0, s.length() - 1), 60);
            } else {
                d = seconds(s, 1);
            }
            if (d.isNegative()) {
                throw new IllegalArgumentException("must not be negative, got '" + text + "'");
            }
            return d;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 5 (seconds), 500ms, 2s, 1m or PT2S");
        }
    }

    /** The picocli converter of a duration option (zero allowed; the command says what zero means). */
    public static final class Converter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                return parse(text);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    private static Duration seconds(String number, double unit) {
        double v = Double.parseDouble(number) * unit;
        if (!Double.isFinite(v) || Math.abs(v) > 1e12) {
            throw new NumberFormatException(number);
        }
        return Duration.ofNanos(Math.round(v * 1e9));
    }
}

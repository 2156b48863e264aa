package io.paritybench.core.generate;

import java.util.Locale;

/**
 * How a generator draws budgets. String forms (parsed by {@link #parse}, produced by {@link #toString}):
 * <ul>
 *   <li>{@code equal}: ERC, {@code b_i = 1/n};</li>
 *   <li>{@code dirichlet:ALPHA}: a Dirichlet(α, …, α) draw (normalised Gamma(α, 1) variates);</li>
 *   <li>{@code tiny[:K[:VALUE]]}: K assets, chosen at random, get budget VALUE (default 1e-4); the others share the
 *       rest equally. K defaults to {@code min(3, n − 1)}; requires {@code K·VALUE < 1}.</li>
 * </ul>
 *
 * @param kind  the kind of budgets
 * @param alpha the Dirichlet concentration (NaN unless {@link Kind#DIRICHLET})
 * @param count the number of tiny budgets, 0 for the default {@code min(3, n − 1)} (only {@link Kind#TINY})
 * @param value the tiny budget (NaN unless {@link Kind#TINY})
 */
public record BudgetSpec(Kind kind, double alpha, int count, double value) {

    /** The kinds of budgets. */
    public enum Kind { EQUAL, DIRICHLET, TINY }

    /** The default tiny budget. */
    public static final double DEFAULT_TINY = 1e-4;

    public BudgetSpec {
        if (kind == null) {
            throw new IllegalArgumentException("budget kind is missing");
        }
        switch (kind) {
            case EQUAL -> {
                alpha = Double.NaN;
                count = 0;
                value = Double.NaN;
            }
            case DIRICHLET -> {
                if (!(alpha > 0) || !Double.isFinite(alpha)) {
                    throw new IllegalArgumentException("Dirichlet alpha must be positive and finite, got " + alpha);
                }
                count = 0;
                value = Double.NaN;
            }
            case TINY -> {
                if (count < 0) {
                    throw new IllegalArgumentException("the number of tiny budgets must be >= 0, got " + count);
                }
                if (!(value > 0) || !(value < 1)) {
                    throw new IllegalArgumentException("a tiny budget must lie in (0, 1), got " + value);
                }
                alpha = Double.NaN;
            }
        }
    }

    /** @return ERC budgets */
    public static BudgetSpec equal() {
        return new BudgetSpec(Kind.EQUAL, Double.NaN, 0, Double.NaN);
    }

    /** @return Dirichlet(α) budgets */
    public static BudgetSpec dirichlet(double alpha) {
        return new BudgetSpec(Kind.DIRICHLET, alpha, 0, Double.NaN);
    }

    /** @return {@code count} tiny budgets of {@code value} (count 0: the default min(3, n − 1)) */
    public static BudgetSpec tiny(int count, double value) {
        return new BudgetSpec(Kind.TINY, Double.NaN, count, value);
    }

    /** @return the spec of a string form (see the class comment) */
    public static BudgetSpec parse(String s) {
        String[] parts = s.trim().toLowerCase(Locale.ROOT).split(":", -1);
        try {
            switch (parts[0]) {
                case "equal", "erc" -> {
                    if (parts.length != 1) {
                        break;
                    }
                    return equal();
                }
                case "dirichlet" -> {
                    if (parts.length != 2) {
                        break;
                    }
                    return dirichlet(Double.parseDouble(parts[1]));
                }
                case "tiny" -> {
                    if (parts.length > 3) {
                        break;
                    }
                    int k = parts.length >= 2 ? Integer.parseInt(parts[1]) : 0;
                    double v = parts.length == 3 ? Double.parseDouble(parts[2]) : DEFAULT_TINY;
                    return tiny(k, v);
                }
                default -> {
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in budget spec '" + s + "'", e);
        }
        throw new IllegalArgumentException("bad budget spec '" + s + "'; expected equal, dirichlet:ALPHA or tiny[:K[:VALUE]]");
    }

    /** @return the number of tiny budgets for n assets */
    public int tinyCount(int n) {
        return count > 0 ? count : Math.max(1, Math.min(3, n - 1));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EQUAL -> "equal";
            case DIRICHLET -> "dirichlet:" + GeneratorSpec.format(alpha);
            case TINY -> "tiny" + (count > 0 || value != DEFAULT_TINY ? ":" + count : "")
                    + (value != DEFAULT_TINY ? ":" + GeneratorSpec.format(value) : "");
        };
    }
}

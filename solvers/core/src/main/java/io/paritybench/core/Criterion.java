package io.paritybench.core;

import java.util.Locale;

/**
 * Which budget error the convergence test bounds by the tolerance (ALGORITHMS.md §6, §8.1).
 */
public enum Criterion {
    /** {@code max_i |RRC_i − b_i| ≤ tol} (the default). */
    ABS,
    /** {@code max_i |RRC_i/b_i − 1| ≤ tol}: meaningful with tiny budgets, where the absolute error hides them. */
    REL;

    /** @return "abs" or "rel" */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the criterion named {@code abs} or {@code rel} (any case) */
    public static Criterion parse(String s) {
        for (Criterion c : values()) {
            if (c.label().equalsIgnoreCase(s.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("criterion must be abs or rel, got '" + s + "'");
    }
}

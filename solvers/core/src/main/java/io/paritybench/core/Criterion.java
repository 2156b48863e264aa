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

    /**
     * The tolerance on {@code max_i |RRC_i − b_i|} a solver is given so that meeting it implies this criterion at
     * {@code tol}: {@code tol} itself, or {@code tol · min_i b_i} for {@link #REL}, since
     * {@code |RRC_i/b_i − 1| = |RRC_i − b_i| / b_i ≤ max|RRC − b| / min b}. Solvers' own stopping tests are
     * absolute.
     *
     * @param tol the tolerance on the error this criterion names
     * @param p   the problem (its budgets)
     */
    public double solverTolerance(double tol, RiskBudgetProblem p) {
        return this == REL ? tol * minBudget(p) : tol;
    }

    /**
     * The inverse of {@link #solverTolerance}: the bound on this criterion's error that an absolute tolerance
     * {@code abs} on {@code max|RRC − b|} stands for ({@code abs}, or {@code abs / min b} for {@link #REL}).
     */
    public double judgedTolerance(double abs, RiskBudgetProblem p) {
        return this == REL ? abs / minBudget(p) : abs;
    }

    /** @return {@code min_i b_i} */
    public static double minBudget(RiskBudgetProblem p) {
        double bmin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.n(); i++) {
            bmin = Math.min(bmin, p.budget(i));
        }
        return bmin;
    }

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

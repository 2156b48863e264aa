package io.paritybench.harness.sweep;

import java.util.Locale;

/** The parts of a sweep, in the order their rows are sorted. */
public enum Stage {
    /** The grid: families × n × κ × budgets × seeds. */
    GRID,
    /** User case folders ({@code --cases DIR}). */
    CASES,
    /** The dense n = 2 grid against the closed form. */
    N2,
    /** The risk-measure grid: problems of a family with expected returns μ, under VaR / ES (ALGORITHMS.md §7). */
    MEASURE,
    /**
     * The structured block: factor-family problems in factor form ({@code Σ = BFB' + D}, never materialised) at large
     * n, run by the solvers whose {@code supports(problem)} accepts the factor form.
     */
    STRUCTURED,
    /** The breaking-point bisection on log10 κ. */
    BISECT;

    /** @return the lower-case name used in result files */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the stage of a label */
    public static Stage of(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}

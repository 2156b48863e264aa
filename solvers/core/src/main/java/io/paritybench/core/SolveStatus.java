package io.paritybench.core;

/**
 * How a solve ended. Every way a solver can stop is a status here: running out of iterations,
 * stagnating at the floating-point noise floor, a numerical breakdown or an invalid iterate are
 * never reported as {@link #CONVERGED}, and never only logged.
 *
 * <p>Only {@link #CONVERGED} is a success: it means the common convergence test
 * ({@link ConvergenceTest}) passed on the returned weights.
 */
public enum SolveStatus {
    /** {@code max_i |RRC_i(w) - b_i| <= tol}, checked on the returned weights from a fresh Σw. */
    CONVERGED,
    /** The iteration (sweep, step) cap was reached before the tolerance. */
    MAX_ITERATIONS,
    /** No further progress: the iterates stopped changing (typically at the double-precision floor) above the tolerance. */
    STAGNATED,
    /** The wall-clock time limit of the options was reached. */
    TIME_LIMIT,
    /** A factorisation failed, a value became NaN or infinite, or a linear algebra step broke down. */
    NUMERICAL_BREAKDOWN,
    /** An iterate left the feasible set: a non-positive weight or weights that cannot be normalised. */
    INVALID_ITERATE,
    /** A quadratic step model had a negative discriminant (no real root), e.g. the published greedy Taylor step. */
    NEGATIVE_DISCRIMINANT,
    /** The step rule produced no admissible step (wrong direction, zero slope, or a step that would leave the orthant). */
    NO_ADMISSIBLE_STEP,
    /**
     * Stationary for a least-squares merit function but not a risk-budgeting solution: typically a spurious
     * minimiser on the boundary (a weight driven to 0 although its budget is positive), ALGORITHMS.md §3.5.
     */
    LOCAL_MINIMUM,
    /** A one-shot approximation (no iteration) whose result does not meet the tolerance. */
    TOLERANCE_NOT_MET,
    /** The problem has no solution for this risk measure (ALGORITHMS.md §7: the risk is not positive on the orthant). */
    NO_SOLUTION,
    /**
     * The solver reported a failure that none of the statuses above names: an external implementation's own status
     * string (kept in the message).
     */
    FAILED;

    /** @return true only for {@link #CONVERGED} */
    public boolean isSuccess() {
        return this == CONVERGED;
    }

    /** @return true when the solver itself reported that it did not reach the tolerance */
    public boolean isReportedFailure() {
        return this != CONVERGED;
    }

    /** @return true for failures caused by arithmetic trouble rather than by an iteration or time budget */
    public boolean isNumericalFailure() {
        return switch (this) {
            case NUMERICAL_BREAKDOWN, INVALID_ITERATE, NEGATIVE_DISCRIMINANT, NO_ADMISSIBLE_STEP -> true;
            default -> false;
        };
    }

    /** @return true when the solver ran out of a budget (iterations or time) */
    public boolean isBudgetExhausted() {
        return this == MAX_ITERATIONS || this == TIME_LIMIT;
    }
}

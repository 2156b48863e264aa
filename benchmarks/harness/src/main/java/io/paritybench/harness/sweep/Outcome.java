package io.paritybench.harness.sweep;

/**
 * The class of a trial's outcome. Every trial gets exactly one, and the report counts them instead of averaging
 * them away (the Java Matrix Benchmark's discipline). The three classes that start with a claim of success are
 * the silent failures; a solver that says it failed is honest whatever its weights look like (by the solver
 * contract, a failed solve may return its raw last iterate).
 */
public enum Outcome {
    /** The solver said CONVERGED and the harness's own check passed. */
    OK,
    /**
     * Silent failure: the solver said CONVERGED, but the residual recomputed by the harness exceeds the tolerance
     * it was asked for, or its weights are further from the reference than that residual allows.
     */
    CLAIMED_SUCCESS_BUT_INACCURATE,
    /** The solver said it did not converge (its status is kept in the row). */
    REPORTED_FAILURE,
    /** Silent failure: CONVERGED with weights that are not a portfolio (wrong length, a weight ≤ 0, sum ≠ 1). */
    INVALID_WEIGHTS,
    /** Silent failure: CONVERGED with a NaN or infinite weight. */
    NON_FINITE,
    /**
     * {@code solve} threw on a problem the solver declared it supports (any exception, {@link IllegalArgumentException}
     * included), or its worker JVM died (for example the solver called {@code System.exit}).
     */
    EXCEPTION,
    /** No answer within the watchdog time: the worker JVM was killed and the sweep went on. */
    TIMEOUT,
    /**
     * The solver's {@code supports(problem)} said no (for example a two-asset closed form given n = 10), so it was
     * not run. Counted, but left out of the rates; nothing else leads here.
     */
    NOT_APPLICABLE;

    /** @return whether the solver claimed a success the harness could not confirm */
    public boolean isSilentFailure() {
        return this == CLAIMED_SUCCESS_BUT_INACCURATE || this == INVALID_WEIGHTS || this == NON_FINITE;
    }

    /** @return whether the trial counts in the rates (everything except {@link #NOT_APPLICABLE}) */
    public boolean isApplicable() {
        return this != NOT_APPLICABLE;
    }
}

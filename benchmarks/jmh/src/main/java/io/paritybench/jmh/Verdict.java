package io.paritybench.jmh;

/** What the probe solve of a trial decided: whether the combination is timed, and if not, why. */
public enum Verdict {
    /** The probe finished within the time cap (with any status); the combination is timed. */
    TIMED("timed"),
    /** The probe reached the time cap (status TIME_LIMIT, or a probe longer than the cap). */
    OVER_TIME_CAP("over the time cap"),
    /** The solver's {@code supports(problem)} said no (e.g. a closed form for another n); it was not run. */
    NOT_APPLICABLE("not applicable"),
    /** The solver threw (any exception, on a problem it declared it supports) or returned null. */
    SOLVER_ERROR("solver threw an exception"),
    /** The problem or the solver could not be set up (unknown id, invalid parameter). */
    SETUP_ERROR("setup error");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** @return a short human-readable form */
    public String describe() {
        return text;
    }
}

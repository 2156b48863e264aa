package io.paritybench.jmh.report;

/** How a configuration ended, as the tables mark it. */
public enum Outcome {
    /** Timed; every measured solve converged. */
    OK(""),
    /** Timed, but solves did not converge: the time is the time the solver takes to give up. */
    FAILED("✗"),
    /** Not timed: the probe solve reached the time cap. */
    OVER_TIME_CAP("⏱"),
    /** Not timed: the solver does not handle this problem (a closed form for another n). */
    NOT_APPLICABLE("n/a"),
    /** Not timed: the solver threw an exception other than IllegalArgumentException. */
    SOLVER_ERROR("error"),
    /** Not timed: the problem or solver could not be set up. */
    SETUP_ERROR("error"),
    /** The probe passed but JMH produced no result (the run was interrupted or a measured solve threw). */
    NO_RESULT("?");

    private final String mark;

    Outcome(String mark) {
        this.mark = mark;
    }

    /** @return the short mark used in tables */
    public String mark() {
        return mark;
    }

    /** @return the outcome of a probe verdict written by the benchmarks that did not lead to a timing */
    static Outcome ofUntimedVerdict(io.paritybench.jmh.Verdict verdict) {
        if (verdict == null) {
            return NO_RESULT;
        }
        return switch (verdict) {
            case OVER_TIME_CAP -> OVER_TIME_CAP;
            case NOT_APPLICABLE -> NOT_APPLICABLE;
            case SOLVER_ERROR -> SOLVER_ERROR;
            case SETUP_ERROR -> SETUP_ERROR;
            case TIMED -> NO_RESULT;
        };
    }
}

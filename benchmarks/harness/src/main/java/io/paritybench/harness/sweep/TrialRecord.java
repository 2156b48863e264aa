package io.paritybench.harness.sweep;

import io.paritybench.core.SolveStatus;

/**
 * One row of the results: which trial it was, what the harness knew of the problem before any solver ran, where the
 * reference came from, what the solver answered, and how the harness judged that answer (its accuracy is measured by
 * the harness, never taken from the solver). One CSV column a field ({@link ResultsCsv#COLUMNS}, by header name).
 *
 * @param key       the trial's identity
 * @param facts     the problem's conditioning, measured before the solve
 * @param reference where the reference weights came from
 * @param result    what the solver answered
 * @param judgement the harness's classification and measurements
 */
public record TrialRecord(Key key, Facts facts, Reference reference, Result result, Judgement judgement) {

    /**
     * The trial's identity: the solver, the problem and the grid coordinates the problem came from.
     *
     * @param id       the trial's key ({@link Trial#key()}), unique in a results file
     * @param stage    the part of the sweep
     * @param ordinal  position in the canonical order
     * @param solver   solver id
     * @param problem  problem id
     * @param family   generator family ({@code n2}, or a case's family)
     * @param n        number of assets
     * @param kappa    nominal κ(Σ) of the generator (NaN if none)
     * @param budgets  how the budgets were chosen
     * @param measure  the risk measure ({@code volatility}, {@code var:0.99}, ...; ALGORITHMS.md §7)
     * @param seed     generator seed (-1 if none)
     * @param rho      correlation of an n = 2 problem (NaN otherwise)
     * @param volRatio σ2/σ1 of an n = 2 problem (NaN otherwise)
     */
    public record Key(String id, Stage stage, long ordinal, String solver, String problem, String family, int n,
                      double kappa, String budgets, String measure, long seed, double rho, double volRatio) {
    }

    /**
     * How hard the problem is for double precision (ALGORITHMS.md §8), from {@link ProblemReference}.
     *
     * @param kappaSigma   measured κ(Σ)
     * @param kappaW       κ_w, the weights' componentwise condition number
     * @param cancellation cancellation factor of Σw
     * @param rrcFloor     double-evaluation RRC error of the rounded exact answer
     * @param budgetMin    smallest budget
     */
    public record Facts(double kappaSigma, double kappaW, double cancellation, double rrcFloor, double budgetMin) {
    }

    /**
     * Where the reference weights came from.
     *
     * @param kind       the source (written as {@link ProblemReference.Kind#label()})
     * @param crossCheck n = 2: closed form vs reference solver, max relative difference (NaN otherwise)
     */
    public record Reference(ProblemReference.Kind kind, double crossCheck) {

        /** @return whether the reference weights are certified correctly rounded (ALGORITHMS.md §5) */
        public boolean certified() {
            return kind == ProblemReference.Kind.REFERENCE_SOLVER;
        }
    }

    /**
     * What the solver answered.
     *
     * @param status         the solver's status, null when it gave none (exception, timeout, not applicable)
     * @param iterations     the solver's iteration count (-1 when none)
     * @param timeMs         wall time of the solve in milliseconds (for a timeout: until the kill)
     * @param solverResidual the residual the solver reported
     * @param solverMs       the solve time the solver reported itself, in milliseconds (external solvers that report
     *                       one; NaN otherwise); never mixed with {@code timeMs}
     */
    public record Result(SolveStatus status, int iterations, double timeMs, double solverResidual, double solverMs) {
    }

    /**
     * The harness's judgement of the answer.
     *
     * @param tolerance       the tolerance the solver was given (requested, raised to the problem's floor)
     * @param weightAllowance the relative weight error that tolerance allows ({@link ProblemReference#weightAllowance})
     * @param outcome         the class
     * @param rrcAbs          {@code max_i |RRC_i − b_i|} recomputed by the harness
     * @param rrcRel          {@code max_i |RRC_i/b_i − 1|}
     * @param wRel            {@code max_i |w_i/1'w − ref_i|/ref_i} (NaN without reference)
     * @param sumErr          {@code |1'w − 1|}
     * @param atFloor         valid weights within the problem's achievable accuracy (ALGORITHMS.md §8.3) in both
     *                        the residual and (when there is a reference) the weights
     * @param message         the solver's message, or what went wrong (one line)
     */
    public record Judgement(double tolerance, double weightAllowance, Outcome outcome, double rrcAbs, double rrcRel,
                            double wRel, double sumErr, boolean atFloor, String message) {
    }

    /** @return the row without the figures that vary between identical runs (times), for comparisons */
    public TrialRecord withoutTiming() {
        return new TrialRecord(key, facts, reference, new Result(result.status(), result.iterations(), Double.NaN,
                result.solverResidual(), Double.NaN), judgement);
    }

    /**
     * @return whether the outcome could depend on timing (a timeout, or a time-limit status): two runs may
     *         legitimately disagree on such a trial
     */
    public boolean timingDependent() {
        return judgement.outcome() == Outcome.TIMEOUT || result.status() == SolveStatus.TIME_LIMIT;
    }
}

package io.paritybench.harness.sweep;

import io.paritybench.core.SolveStatus;

/**
 * One row of the results: a trial, the problem's reference data, the classified outcome and the accuracy measured by
 * the harness (never taken from the solver). Columns in {@link ResultsCsv#COLUMNS}.
 *
 * @param key             the trial's identity ({@link Trial#key()})
 * @param stage           the part of the sweep
 * @param ordinal         position in the canonical order
 * @param solver          solver id
 * @param problem         problem id
 * @param family          generator family ({@code n2}, or a case's family)
 * @param n               number of assets
 * @param kappa           nominal κ(Σ) of the generator (NaN if none)
 * @param budgets         how the budgets were chosen
 * @param measure         the risk measure ({@code volatility}, {@code var:0.99}, ...; ALGORITHMS.md §7)
 * @param seed            generator seed (-1 if none)
 * @param rho             correlation of an n = 2 problem (NaN otherwise)
 * @param volRatio        σ2/σ1 of an n = 2 problem (NaN otherwise)
 * @param kappaSigma      measured κ(Σ)
 * @param kappaW          κ_w, the weights' componentwise condition number
 * @param cancellation    cancellation factor of Σw
 * @param rrcFloor        double-evaluation RRC error of the rounded exact answer
 * @param budgetMin       smallest budget
 * @param refKind         where the reference weights came from (written as {@link ProblemReference.Kind#label()})
 * @param refCrossCheck   n = 2: closed form vs reference solver, max relative difference (NaN otherwise)
 * @param tolerance       the tolerance the solver was given (requested, raised to the problem's floor)
 * @param weightAllowance the relative weight error that tolerance allows ({@link ProblemReference#weightAllowance})
 * @param outcome         the class
 * @param status          the solver's status, null when it gave none (exception, timeout, not applicable)
 * @param iterations      the solver's iteration count (-1 when none)
 * @param timeMs          wall time of the solve in milliseconds (for a timeout: until the kill)
 * @param rrcAbs          {@code max_i |RRC_i − b_i|} recomputed by the harness
 * @param rrcRel          {@code max_i |RRC_i/b_i − 1|}
 * @param wRel            {@code max_i |w_i/1'w − ref_i|/ref_i} (NaN without reference)
 * @param sumErr          {@code |1'w − 1|}
 * @param atFloor         valid weights within the problem's achievable accuracy (ALGORITHMS.md §8.3) in both
 *                        the residual and (when there is a reference) the weights
 * @param solverResidual  the residual the solver reported
 * @param message         the solver's message, or what went wrong (one line)
 * @param solverMs        the solve time the solver reported itself, in milliseconds (external solvers that report
 *                        one; NaN otherwise); never mixed with {@code timeMs}
 */
public record TrialRecord(String key, Stage stage, long ordinal, String solver, String problem, String family, int n,
                          double kappa, String budgets, String measure, long seed, double rho, double volRatio,
                          double kappaSigma, double kappaW, double cancellation, double rrcFloor, double budgetMin,
                          ProblemReference.Kind refKind, double refCrossCheck, double tolerance, double weightAllowance,
                       Outcome outcome,
                          SolveStatus status, int iterations, double timeMs, double rrcAbs, double rrcRel, double wRel,
                          double sumErr, boolean atFloor, double solverResidual, String message, double solverMs) {

    /** A row without a self-reported time. */
    public TrialRecord(String key, Stage stage, long ordinal, String solver, String problem, String family, int n,
                       double kappa, String budgets, String measure, long seed, double rho, double volRatio,
                       double kappaSigma, double kappaW, double cancellation, double rrcFloor, double budgetMin,
                       ProblemReference.Kind refKind, double refCrossCheck, double tolerance, double weightAllowance,
                       Outcome outcome,
                       SolveStatus status, int iterations, double timeMs, double rrcAbs, double rrcRel, double wRel,
                       double sumErr, boolean atFloor, double solverResidual, String message) {
        this(key, stage, ordinal, solver, problem, family, n, kappa, budgets, measure, seed, rho, volRatio,
                kappaSigma, kappaW, cancellation, rrcFloor, budgetMin, refKind, refCrossCheck, tolerance,
                weightAllowance, outcome, status, iterations, timeMs, rrcAbs, rrcRel, wRel, sumErr, atFloor,
                solverResidual, message, Double.NaN);
    }

    /** A row of a volatility problem (measure {@code volatility}). */
    public TrialRecord(String key, Stage stage, long ordinal, String solver, String problem, String family, int n,
                       double kappa, String budgets, long seed, double rho, double volRatio, double kappaSigma,
                       double kappaW, double cancellation, double rrcFloor, double budgetMin,
                       ProblemReference.Kind refKind, double refCrossCheck, double tolerance, double weightAllowance,
                       Outcome outcome,
                       SolveStatus status, int iterations, double timeMs, double rrcAbs, double rrcRel, double wRel,
                       double sumErr, boolean atFloor, double solverResidual, String message) {
        this(key, stage, ordinal, solver, problem, family, n, kappa, budgets, "volatility", seed, rho, volRatio,
                kappaSigma, kappaW, cancellation, rrcFloor, budgetMin, refKind, refCrossCheck, tolerance,
                weightAllowance, outcome, status, iterations, timeMs, rrcAbs, rrcRel, wRel, sumErr, atFloor,
                solverResidual, message);
    }

    /** @return the row without the columns that vary between identical runs (time), for comparisons */
    public TrialRecord withoutTiming() {
        return new TrialRecord(key, stage, ordinal, solver, problem, family, n, kappa, budgets, measure, seed, rho,
                volRatio,
                kappaSigma, kappaW, cancellation, rrcFloor, budgetMin, refKind, refCrossCheck, tolerance,
                weightAllowance, outcome, status, iterations, Double.NaN, rrcAbs, rrcRel, wRel, sumErr, atFloor,
                solverResidual, message, Double.NaN);
    }

    /**
     * @return whether the outcome could depend on timing (a timeout, or a time-limit status): two runs may
     *         legitimately disagree on such a trial
     */
    public boolean timingDependent() {
        return outcome == Outcome.TIMEOUT || status == SolveStatus.TIME_LIMIT;
    }
}

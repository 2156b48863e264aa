package io.paritybench.harness.sweep;

import io.paritybench.core.Criterion;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.cases.AccuracyTolerance;

import java.util.Locale;

/**
 * Turns what a worker answered into a classified row: recomputes every metric from the returned weights
 * (ALGORITHMS.md §8.1) and never trusts the solver's own residual or claim.
 *
 * <p>A claim of CONVERGED is checked in this order: finite weights ({@link Outcome#NON_FINITE}), a portfolio —
 * right length, every weight positive, {@code |1'w − 1| ≤} {@link #sumTolerance} ({@link Outcome#INVALID_WEIGHTS}),
 * the harness's residual {@code max|RRC − b| ≤ τ} for the tolerance τ the solver was given (under
 * {@link Criterion#REL}, {@code max|RRC/b − 1| ≤} {@link Criterion#judgedTolerance}(τ), where τ was
 * {@link Criterion#solverTolerance}), and, when the problem
 * has a reference, {@code w_rel ≤} {@link ProblemReference#weightAllowance}(τ)
 * ({@link Outcome#CLAIMED_SUCCESS_BUT_INACCURATE}). Any other status is {@link Outcome#REPORTED_FAILURE}.
 */
public final class Classifier {

    private static final double U = 0x1p-53;

    private Classifier() {
    }

    /**
     * @return the largest {@code |1'w − 1|} accepted: normalising in double leaves at most about {@code n·u}, so
     *         {@code max(1e-12, 4·n·u)}
     */
    public static double sumTolerance(int n) {
        return Math.max(1e-12, 4 * n * U);
    }

    /**
     * @param trial     the trial
     * @param ref       the problem's reference
     * @param problem   the problem (as built for the trial)
     * @param tolerance the tolerance on {@code max|RRC − b|} the solver was given
     * @param criterion which budget error decides: the absolute one against {@code tolerance}, or the relative one
     *                  against {@link Criterion#judgedTolerance}
     * @param reply     what the worker answered
     */
    public static TrialRecord classify(Trial trial, ProblemReference ref, RiskBudgetProblem problem, double tolerance,
                                       Criterion criterion, WorkerReply reply) {
        double allowed = ref.weightAllowance(tolerance);
        Metrics m = Metrics.NONE;
        Outcome outcome;
        SolveStatus status = null;
        int iterations = -1;
        double solverResidual = Double.NaN;
        String message;
        double ms = reply.nanos() / 1e6;
        double solverMs = Double.NaN;
        if (reply instanceof WorkerReply.TimedOut to) {
            outcome = Outcome.TIMEOUT;
            message = !to.message().isBlank() ? to.message()
                    : String.format(Locale.ROOT, "no answer within the watchdog (%.1f s); worker killed", ms / 1e3);
        } else if (reply instanceof WorkerReply.Died d) {
            outcome = Outcome.EXCEPTION;
            message = d.reason();
        } else if (reply instanceof WorkerReply.Threw t) {
            outcome = t.unsupported() ? Outcome.NOT_APPLICABLE : Outcome.EXCEPTION;
            message = t.unsupported() ? t.message() : t.exception() + ": " + t.message();
        } else {
            WorkerReply.Solved s = (WorkerReply.Solved) reply;
            status = s.status();
            iterations = s.iterations();
            solverResidual = s.residual();
            message = s.message();
            solverMs = s.solverSeconds() * 1e3;
            double[] w = s.weights();
            m = Metrics.of(problem, ref, w);
            if (s.status() != SolveStatus.CONVERGED) {
                outcome = Outcome.REPORTED_FAILURE;
            } else if (w.length == problem.n() && !RiskMetrics.allFinite(w)) {
                outcome = Outcome.NON_FINITE;
            } else if (w.length != problem.n() || !RiskMetrics.allPositive(w)
                    || !(m.sumErr <= sumTolerance(problem.n()))) {
                outcome = Outcome.INVALID_WEIGHTS;
                message = join(message, w.length != problem.n() ? w.length + " weights for n = " + problem.n()
                        : !RiskMetrics.allPositive(w) ? "a weight is not positive"
                        : String.format(Locale.ROOT, "|1'w - 1| = %.3e", m.sumErr));
            } else if (!(m.judged(criterion) <= criterion.judgedTolerance(tolerance, problem))) {
                outcome = Outcome.CLAIMED_SUCCESS_BUT_INACCURATE;
                message = join(message, String.format(Locale.ROOT, "harness %s = %.3e > tolerance %.3e",
                        criterion == Criterion.REL ? "max|RRC/b-1|" : "max|RRC-b|", m.judged(criterion),
                        criterion.judgedTolerance(tolerance, problem)));
            } else if (ref.hasWeights() && !Double.isNaN(allowed) && !(m.wRel <= allowed)) {
                outcome = Outcome.CLAIMED_SUCCESS_BUT_INACCURATE;
                message = join(message, String.format(Locale.ROOT,
                        "weights %.3e from the reference > %.3e allowed", m.wRel, allowed));
            } else {
                outcome = Outcome.OK;
            }
        }
        SweepProblem p = trial.problem();
        return new TrialRecord(
                new TrialRecord.Key(trial.key(), trial.stage(), trial.ordinal(), trial.solverId(), p.id(), p.family(),
                        p.n(), p.kappa(), p.budgets(), p.measure(), p.seed(), p.rho(), p.volRatio()),
                new TrialRecord.Facts(ref.kappaSigma(), ref.kappaW(), ref.cancellation(), ref.rrcFloor(),
                        ref.budgetMin()),
                new TrialRecord.Reference(ref.kind(), ref.crossCheck()),
                new TrialRecord.Result(status, iterations, ms, solverResidual, solverMs),
                new TrialRecord.Judgement(tolerance, allowed, outcome, m.rrcAbs, m.rrcRel, m.wRel, m.sumErr,
                        m.atFloor, WorkerProtocol.text(message)));
    }

    private static String join(String a, String b) {
        return a == null || a.isBlank() ? b : a + "; " + b;
    }

    /** The harness's own measurements of returned weights. */
    private record Metrics(double rrcAbs, double rrcRel, double wRel, double sumErr, boolean atFloor) {
        static final Metrics NONE = new Metrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);

        /** @return the budget error the criterion names */
        double judged(Criterion c) {
            return new RiskMetrics.BudgetErrors(rrcAbs, rrcRel).of(c);
        }

        static Metrics of(RiskBudgetProblem p, ProblemReference ref, double[] w) {
            if (w.length != p.n()) {
                return NONE;
            }
            double sumErr = RiskMetrics.sumError(w);
            if (!RiskMetrics.allFinite(w)) {
                return new Metrics(Double.NaN, Double.NaN, Double.NaN, sumErr, false);
            }
            double rrc = RiskMetrics.maxAbsBudgetError(p, w);
            double rrcRel = RiskMetrics.maxRelBudgetError(p, w);
            double[] r = ref.weights();
            double wRel = r == null ? Double.NaN : RiskMetrics.maxRelWeightError(w, r);
            AccuracyTolerance acc = ref.accuracy();
            boolean atFloor = RiskMetrics.allPositive(w) && acc != null && rrc <= acc.maxAbsRrcError()
                    && (r == null || wRel <= acc.maxRelWeightError());
            return new Metrics(rrc, rrcRel, wRel, sumErr, atFloor);
        }
    }
}

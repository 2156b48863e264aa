package io.paritybench.sqp;

import io.paritybench.ccd.CyclicalCoordinateDescent;
import io.paritybench.core.Deadline;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import java.util.Locale;

/**
 * The CCD warm-up phase of {@code sqp-ls-warm} (ALGORITHMS.md §6.3 item (2)): Choi–Chen cyclical coordinate descent
 * (§6.4) to {@code max|RRC − b| ≤ 1e-4} with the options' sweep cap (CCD's default of
 * {@value io.paritybench.ccd.CyclicalCoordinateDescent#DEFAULT_MAX_SWEEPS} when none is set), within the solve's
 * deadline, from the options' initial point if one is given.
 *
 * @param weights the weights to start the Gauss–Newton phase from (the CCD result, or null when CCD returned no
 *                positive finite weights, in which case the cold start is used)
 * @param sweeps  CCD sweeps performed
 * @param message what the warm-up ended with
 */
record WarmUp(double[] weights, int sweeps, String message) {

    static WarmUp run(RiskBudgetProblem problem, SolverOptions options, Deadline deadline) {
        SolverOptions phase = options.withTolerance(SqpLeastSquares.WARM_UP_TOLERANCE);
        if (deadline.isBounded()) {
            phase = phase.withTimeLimit(deadline.remaining());
        }
        SolveResult r = new CyclicalCoordinateDescent(CyclicalCoordinateDescent.Variant.CHOI).solve(problem, phase);
        double[] w = r.weights();
        boolean usable = RiskMetrics.allFinite(w) && RiskMetrics.allPositive(w);
        String message = String.format(Locale.ROOT, "CCD warm-up: %s after %d sweeps, max|RRC-b| = %.3e%s", r.status(),
                r.iterations(), r.residual(), usable ? "" : " (unusable weights: cold start instead)");
        return new WarmUp(usable ? w : null, r.iterations(), message);
    }
}

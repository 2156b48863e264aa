package io.paritybench.ccd;

import io.paritybench.core.Deadline;
import io.paritybench.core.FactorCovariance;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import java.util.Locale;

/**
 * The volatility path of {@link CyclicalCoordinateDescent} for a factor-form problem {@code Σ = BFB' + D}: the same
 * variants, start, stopping rules and counters, with the sweeps of {@link FactorCcdSweep} on the correlation-space
 * factor model {@code C = B̃FB̃' + D̃} (O(nk) per sweep instead of n², no n×n array). Setup O(nk²).
 */
final class FactorCcd {

    private FactorCcd() {
    }

    static SolveResult solve(CyclicalCoordinateDescent solver, RiskBudgetProblem problem, SolverOptions options,
                             Deadline deadline) {
        CyclicalCoordinateDescent.Variant variant = solver.variant();
        int n = problem.n();
        int maxSweeps = options.maxIterationsOr(CyclicalCoordinateDescent.DEFAULT_MAX_SWEEPS);
        double[] sigma = problem.volatilities();
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) {
            inv[i] = 1.0 / sigma[i];
        }
        FactorCovariance corr = problem.factor().scaled(inv);
        double[] b = CyclicalCoordinateDescent.normalisedBudgets(problem);
        double[] start = options.initialPoint();
        FactorCcdSweep k = new FactorCcdSweep(corr, b, CyclicalCoordinateDescent.startingPoint(start, sigma, b));
        if (start != null && k.variance > 0 && Double.isFinite(k.variance)) {
            k.scale(1.0 / Math.sqrt(k.variance));
        }
        long matvecs = 1;
        IterateHistory history = new IterateHistory(k.y, CyclicalCoordinateDescent.STAGNATION_ULPS);
        int sweeps = 0;
        SolveStatus proposed;
        String message;
        while (true) {
            options.observe(sweeps, k.y, sigma);
            double err = k.maxAbsBudgetError();
            if (!Double.isFinite(err)) {
                proposed = SolveStatus.NUMERICAL_BREAKDOWN;
                message = "non-finite relative risk contributions after " + sweeps + " sweeps";
                break;
            }
            if (err <= options.tolerance()) {
                matvecs++;
                SolveResult r = solver.result(problem, options, k.y, sigma, SolveStatus.CONVERGED, sweeps, matvecs,
                        String.format(Locale.ROOT, "tolerance met after %d sweeps (factor form, k = %d)", sweeps,
                                corr.k()));
                if (r.status() == SolveStatus.CONVERGED) {
                    return r;
                }
            }
            CyclicalCoordinateDescent.Stop stop = CyclicalCoordinateDescent.budgetStop(sweeps, maxSweeps, history,
                    err, deadline);
            if (stop != null) {
                proposed = stop.status();
                message = stop.message();
                break;
            }
            if (variant == CyclicalCoordinateDescent.Variant.GRR) {
                k.sweepVolatility();
            } else {
                k.sweepSpinu();
            }
            sweeps++;
            k.refresh();
            matvecs++;
            if (variant == CyclicalCoordinateDescent.Variant.CHOI && k.variance > 0 && Double.isFinite(k.variance)) {
                k.scale(1.0 / Math.sqrt(k.variance));
            }
            double largest = k.maxEntry();
            if (!(largest <= CyclicalCoordinateDescent.MAX_ENTRY)) {
                proposed = SolveStatus.NUMERICAL_BREAKDOWN;
                message = Double.isFinite(largest)
                        ? String.format(Locale.ROOT, "iterate diverging: max y_i = %.3e after %d sweeps", largest, sweeps)
                        : "non-finite iterate after " + sweeps + " sweeps";
                break;
            }
            history.record(k.y);
        }
        return solver.result(problem, options, k.y, sigma, proposed, sweeps, matvecs + 1, message);
    }
}

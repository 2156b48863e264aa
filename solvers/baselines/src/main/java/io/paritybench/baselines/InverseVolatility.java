package io.paritybench.baselines;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import io.paritybench.core.oracle.AnalyticOracles;
import java.util.Map;

/**
 * Naive risk parity, {@code w_i ∝ 1/σ_i} (seed 004; ALGORITHMS.md §4.3): the exact ERC portfolio when all
 * correlations are equal, an approximation otherwise; it ignores correlations and budgets. One shot, no iteration:
 * the status is CONVERGED only if the common test passes on these weights at the requested tolerance, otherwise
 * {@link SolveStatus#TOLERANCE_NOT_MET}. Cost O(n) (plus the O(n²) common test). Ignores any initial point.
 */
public final class InverseVolatility implements RiskBudgetSolver {

    public static final String ID = "inverse-vol";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "naive risk parity w ~ 1/sigma, ignores correlations and budgets (exact for constant correlation"
               + " and equal budgets; ALGORITHMS.md 4.3)";
    }

    /** @return true for the volatility measure, dense or factor form (the volatilities cost O(nk²) once) */
    @Override
    public boolean supports(RiskBudgetProblem problem) {
        return supports(problem.measure());
    }

    @Override
    public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
        SolverPreamble.begin(this, problem, options);
        double[] w = AnalyticOracles.inverseVolatility(problem);
        options.observe(0, w, null); // no iterations: the one point is the answer
        return SolveResult.conclude(ID, problem, options, w, SolveStatus.TOLERANCE_NOT_MET, 0, Map.of(),
                "w proportional to 1/sigma");
    }
}

package io.paritybench.sqp;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;

/**
 * The solver contract for {@code sqp-ls} (cold start). Accuracy is expected only where the portfolio does not hedge:
 * with a cancellation factor {@code canc = max_i (|Σ||w|)_i/(Σw)_i ≥ 100} (ALGORITHMS.md §2.4) some asset's
 * marginal risk is a near-cancellation, its RRC is negative near {@code w_i = 0}, and the cold start drifts to the
 * spurious boundary minimiser of §3.5 (n2_rho-0.95_volratio50_b0.02, rs_n50_kappa1e4, rs_n200_kappa1e8). Honesty is
 * checked on every case.
 */
class SqpLeastSquaresContractTest extends RiskBudgetSolverContractTest {

    @Override
    protected RiskBudgetSolver solver() {
        return new SqpLeastSquares(SqpLeastSquares.Start.DIAGONAL);
    }

    @Override
    protected boolean expectsAccuracy(CaseData c) {
        return c.meta().cancellation() < 100;
    }
}

package io.paritybench.sqp;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;

/**
 * The solver contract for {@code sqp-ls-warm}. Accuracy is expected on every case except the most ill-conditioned
 * ones ({@code kappa_w ≥ 4e7}), where ALGORITHMS.md §6.3 measured divergence even from a CCD start because the normal
 * equations square the condition of the RRC Jacobian; none of the bundled cases is that ill-conditioned.
 */
class SqpLeastSquaresWarmContractTest extends RiskBudgetSolverContractTest {

    @Override
    protected RiskBudgetSolver solver() {
        return new SqpLeastSquares(SqpLeastSquares.Start.CCD);
    }

    @Override
    protected boolean expectsAccuracy(CaseData c) {
        return c.meta().kappaWeights() < 4e7;
    }
}

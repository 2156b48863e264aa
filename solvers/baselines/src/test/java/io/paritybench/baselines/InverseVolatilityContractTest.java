package io.paritybench.baselines;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;

/**
 * The solver contract for {@code inverse-vol}: exact only for ERC with equal correlations (ALGORITHMS.md §4.3);
 * honest (TOLERANCE_NOT_MET) elsewhere.
 */
class InverseVolatilityContractTest extends RiskBudgetSolverContractTest {

    @Override
    protected RiskBudgetSolver solver() {
        return new InverseVolatility();
    }

    @Override
    protected boolean expectsAccuracy(CaseData c) {
        return EqualCorrelationErc.test(c.problem());
    }
}

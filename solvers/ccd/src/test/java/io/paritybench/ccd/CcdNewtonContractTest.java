package io.paritybench.ccd;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;

class CcdNewtonContractTest extends RiskBudgetSolverContractTest {
    @Override
    protected RiskBudgetSolver solver() {
        return new CcdNewton();
    }
}

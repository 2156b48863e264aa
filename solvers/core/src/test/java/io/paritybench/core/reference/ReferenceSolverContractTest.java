package io.paritybench.core.reference;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;

class ReferenceSolverContractTest extends RiskBudgetSolverContractTest {

    @Override
    protected RiskBudgetSolver solver() {
        return new ReferenceSolver();
    }
}

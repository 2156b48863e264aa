package io.paritybench.core.reference;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;

class ReferenceSolverContractTest extends RiskBudgetSolverContractTest {

    @Override
    protected RiskBudgetSolver solver() {
        return new ReferenceSolver();
    }

    /** Its result is the correctly rounded double-double iterate, not the last reported high part. */
    @Override
    protected boolean returnsItsLastReportedIterate() {
        return false;
    }
}

package io.paritybench.ccd;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;

class AndersonCcdContractTest extends RiskBudgetSolverContractTest {
    @Override
    protected RiskBudgetSolver solver() {
        return new AndersonCcd();
    }

    @Override
    protected boolean expectsAccuracy(CaseData c) {
        return CcdCases.withinReach(c) && CcdCases.weightAccuracyFollowsFromResidual(c);
    }
}

package io.paritybench.ccd;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;

class CcdChoiContractTest extends RiskBudgetSolverContractTest {
    @Override
    protected RiskBudgetSolver solver() {
        return new CyclicalCoordinateDescent(CyclicalCoordinateDescent.Variant.CHOI);
    }

    @Override
    protected boolean expectsAccuracy(CaseData c) {
        return CcdCases.withinReach(c) && CcdCases.weightAccuracyFollowsFromResidual(c);
    }
}

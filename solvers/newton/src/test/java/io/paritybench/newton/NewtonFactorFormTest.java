package io.paritybench.newton;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.testing.FactorFormContractTest;
import java.util.List;

class NewtonFactorFormTest extends FactorFormContractTest {

    @Override
    protected List<RiskBudgetSolver> solvers() {
        return List.of(new LogBarrierNewton(), new TruncatedNewtonCg());
    }
}

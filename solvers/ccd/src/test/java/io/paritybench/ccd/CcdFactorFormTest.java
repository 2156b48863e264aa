package io.paritybench.ccd;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.testing.FactorFormContractTest;
import java.util.Arrays;
import java.util.List;

class CcdFactorFormTest extends FactorFormContractTest {

    @Override
    protected List<RiskBudgetSolver> solvers() {
        return Arrays.stream(CyclicalCoordinateDescent.Variant.values())
                .<RiskBudgetSolver>map(CyclicalCoordinateDescent::new).toList();
    }
}

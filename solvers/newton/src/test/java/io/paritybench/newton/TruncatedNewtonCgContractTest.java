package io.paritybench.newton;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;

/** The common solver contract (honesty, per-case accuracy, invariances) for {@code newton-cg}. */
class TruncatedNewtonCgContractTest extends RiskBudgetSolverContractTest {

    @Override
    protected RiskBudgetSolver solver() {
        return new TruncatedNewtonCg();
    }
}

package io.paritybench.greedy;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;

/**
 * The contract for {@code greedy-published}. It is excused from accuracy on every case — the printed root over
 * {@code 2b} is wrong by the factor a/b (its sign included) and fails on all shared cases (see
 * {@link PublishedStepFailureTest}) — but never from honesty: its status must still match the independent check.
 */
class GreedyPublishedContractTest extends RiskBudgetSolverContractTest {

    @Override
    protected RiskBudgetSolver solver() {
        return GreedyBalancedBasket.published();
    }

    @Override
    protected boolean expectsAccuracy(CaseData c) {
        return false;
    }
}

package io.paritybench.baselines;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;
import java.time.Duration;

/**
 * The solver contract for {@code ls-generic}: accurate only where its start is already the solution (ERC, equal
 * correlations); elsewhere only honesty is demanded. Hipparchus's inner QP may not terminate, so the time limit is
 * short.
 */
class GenericLeastSquaresContractTest extends RiskBudgetSolverContractTest {

    @Override
    protected RiskBudgetSolver solver() {
        return new GenericLeastSquares();
    }

    @Override
    protected boolean expectsAccuracy(CaseData c) {
        return EqualCorrelationErc.test(c.problem());
    }

    @Override
    protected SolverOptions options() {
        return super.options().withTimeLimit(Duration.ofSeconds(3));
    }
}

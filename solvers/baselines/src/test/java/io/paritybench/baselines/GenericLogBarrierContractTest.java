package io.paritybench.baselines;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;
import java.time.Duration;

/**
 * The solver contract for {@code logbarrier-generic}: only honesty is demanded. No accuracy is expected anywhere:
 * even started at the exact solution (ERC, equal correlations) Hipparchus's SQP walks away from it once the
 * volatilities differ by orders of magnitude (the invariance test's rescaled problems end STAGNATED at
 * {@code max|RRC − b| ≈ 1e-7…1e-5}), because its first QP, solved by ADMM to an absolute tolerance, returns a
 * non-zero step. Hipparchus's inner QP may not terminate, so the time limit is short.
 */
class GenericLogBarrierContractTest extends RiskBudgetSolverContractTest {

    @Override
    protected RiskBudgetSolver solver() {
        return new GenericLogBarrier();
    }

    @Override
    protected boolean expectsAccuracy(CaseData c) {
        return false;
    }

    @Override
    protected SolverOptions options() {
        return super.options().withTimeLimit(Duration.ofSeconds(3));
    }
}

package io.paritybench.baselines;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolverProvider;
import java.util.List;

/**
 * The baselines: {@code inverse-vol} (naive 1/σ), {@code ls-generic} (least squares on a generic SQP optimiser)
 * and {@code logbarrier-generic} (the Bruder–Roncalli form on a generic SQP optimiser).
 */
public final class BaselineSolverProvider implements SolverProvider {
    @Override
    public List<RiskBudgetSolver> solvers() {
        return List.of(new InverseVolatility(), new GenericLeastSquares(), new GenericLogBarrier());
    }
}

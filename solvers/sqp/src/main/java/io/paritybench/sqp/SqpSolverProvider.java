package io.paritybench.sqp;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolverProvider;
import java.util.List;

/** The solvers of this module: {@code sqp-ls} (cold start) and {@code sqp-ls-warm} (CCD warm-up first). */
public final class SqpSolverProvider implements SolverProvider {
    @Override
    public List<RiskBudgetSolver> solvers() {
        return List.of(new SqpLeastSquares(SqpLeastSquares.Start.DIAGONAL),
                new SqpLeastSquares(SqpLeastSquares.Start.CCD));
    }
}

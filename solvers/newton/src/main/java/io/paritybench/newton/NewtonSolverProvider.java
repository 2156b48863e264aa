package io.paritybench.newton;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolverProvider;
import java.util.List;

/** Publishes {@link LogBarrierNewton} ({@code newton}) and {@link TruncatedNewtonCg} ({@code newton-cg}). */
public final class NewtonSolverProvider implements SolverProvider {

    @Override
    public List<RiskBudgetSolver> solvers() {
        return List.of(new LogBarrierNewton(), new TruncatedNewtonCg());
    }
}

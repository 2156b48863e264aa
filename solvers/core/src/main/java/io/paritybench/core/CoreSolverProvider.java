package io.paritybench.core;

import io.paritybench.core.oracle.ClosedFormTwoAssets;
import io.paritybench.core.reference.ReferenceSolver;
import java.util.List;

/** The solvers defined in the core module: the closed forms and the high-precision reference. */
public final class CoreSolverProvider implements SolverProvider {
    @Override
    public List<RiskBudgetSolver> solvers() {
        return List.of(new ReferenceSolver(), new ClosedFormTwoAssets());
    }
}

package io.paritybench.newton;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.testing.RiskMeasureContractTest;
import java.util.List;

/** Risk budgeting under {@code R = −μ'w + c σ(w)} (ALGORITHMS.md §7) with {@code newton} and {@code newton-cg}. */
class MeasureNewtonTest extends RiskMeasureContractTest {

    @Override
    protected List<RiskBudgetSolver> solvers() {
        return List.of(new LogBarrierNewton(), new TruncatedNewtonCg());
    }

    @Override
    protected SolveResult solveThroughMeasurePath(RiskBudgetSolver solver, RiskBudgetProblem p, SolverOptions o) {
        return MeasureIteration.run(solver.id(), p, o, solver instanceof TruncatedNewtonCg, 100);
    }
}

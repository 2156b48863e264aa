package io.paritybench.ccd;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.testing.RiskMeasureContractTest;
import java.util.List;
import java.util.stream.Stream;

/** Risk budgeting under {@code R = −μ'w + c σ(w)} (ALGORITHMS.md §7) with the three {@code ccd-*} variants. */
class MeasureCcdTest extends RiskMeasureContractTest {

    @Override
    protected List<RiskBudgetSolver> solvers() {
        return Stream.of(CyclicalCoordinateDescent.Variant.values()).map(v -> (RiskBudgetSolver) new CyclicalCoordinateDescent(v))
                .toList();
    }

    @Override
    protected SolveResult solveThroughMeasurePath(RiskBudgetSolver solver, RiskBudgetProblem p, SolverOptions o) {
        return ((CyclicalCoordinateDescent) solver).solveMeasure(p, o, o.deadlineFromNow());
    }
}

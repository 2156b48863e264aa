package io.paritybench.ccd;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolverProvider;
import java.util.List;

/**
 * Publishes the cyclical coordinate descent solvers: {@code ccd-grr}, {@code ccd-spinu}, {@code ccd-choi} and the
 * Anderson-accelerated {@code ccd-anderson}.
 */
public final class CcdSolverProvider implements SolverProvider {
    @Override
    public List<RiskBudgetSolver> solvers() {
        return List.of(new CyclicalCoordinateDescent(CyclicalCoordinateDescent.Variant.GRR),
                new CyclicalCoordinateDescent(CyclicalCoordinateDescent.Variant.SPINU),
                new CyclicalCoordinateDescent(CyclicalCoordinateDescent.Variant.CHOI), new AndersonCcd());
    }
}

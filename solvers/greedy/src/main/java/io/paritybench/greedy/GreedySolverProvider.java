package io.paritybench.greedy;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolverProvider;

import java.util.List;

/**
 * Publishes the three greedy solvers of Bailey &amp; López de Prado (2012) (ALGORITHMS.md §6.1):
 * {@code greedy-published}, {@code greedy-corrected}, {@code greedy-exact}.
 */
public final class GreedySolverProvider implements SolverProvider {

    @Override
    public List<RiskBudgetSolver> solvers() {
        return List.of(GreedyBalancedBasket.published(), GreedyBalancedBasket.corrected(),
                GreedyBalancedBasket.exact());
    }
}

package io.paritybench.core;

import java.util.List;

/**
 * Service-provider interface through which solver modules publish their solvers to the harness
 * ({@link java.util.ServiceLoader}; each module lists one provider in
 * {@code META-INF/services/io.paritybench.core.SolverProvider}). Use {@link Solvers} to look solvers up.
 */
public interface SolverProvider {
    /** @return the solvers of this module, in the order they should be listed */
    List<RiskBudgetSolver> solvers();
}

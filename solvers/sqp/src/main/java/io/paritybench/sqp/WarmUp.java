package io.paritybench.sqp;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolverOptions;

/** The CCD warm-up phase of {@code sqp-ls-warm} (ALGORITHMS.md §6.3 item (2)). */
record WarmUp(double[] weights, int sweeps, String message) {

    static WarmUp run(RiskBudgetProblem problem, SolverOptions options, long deadline) {
        throw new UnsupportedOperationException("CCD warm-up not yet available");
    }
}

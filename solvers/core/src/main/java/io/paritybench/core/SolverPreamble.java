package io.paritybench.core;

import java.util.Objects;

/** The checks every {@link RiskBudgetSolver#solve} starts with, written once. */
public final class SolverPreamble {

    private SolverPreamble() {
    }

    /**
     * Checks the solver's usage and starts its clock.
     *
     * @return the solve's {@link Deadline}, from {@link SolverOptions#timeLimit()}, starting now
     * @throws IllegalArgumentException if {@link RiskBudgetSolver#supports(RiskBudgetProblem)} refuses the problem, or
     *                                  the initial point's length is not n
     */
    public static Deadline begin(RiskBudgetSolver solver, RiskBudgetProblem problem, SolverOptions options) {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(options, "options");
        if (!solver.supports(problem)) {
            throw new IllegalArgumentException(unsupported(solver, problem));
        }
        if (options.hasInitialPoint() && options.initialPoint().length != problem.n()) {
            throw new IllegalArgumentException(solver.id() + ": initial point has length "
                    + options.initialPoint().length + " but the problem has n = " + problem.n());
        }
        return options.deadlineFromNow();
    }

    /** @return one line: the solver does not support this problem, with the problem's shape */
    public static String unsupported(RiskBudgetSolver solver, RiskBudgetProblem problem) {
        return solver.id() + " does not support this problem (n = " + problem.n()
                + (problem.isFactor() ? ", factor form k = " + problem.factor().k() : ", dense")
                + ", risk measure " + problem.measure() + ")";
    }
}

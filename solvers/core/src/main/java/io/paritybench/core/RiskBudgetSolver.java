package io.paritybench.core;

/**
 * A risk-budgeting solver: finds long-only weights {@code w > 0, 1'w = 1} with
 * {@code RRC_i(w) = w_i (Σw)_i / (w'Σw) = b_i}.
 *
 * <p>Contract (checked for every implementation by the abstract contract test in the test-jar of this module):
 * <ul>
 *   <li>{@link #solve} never throws for numerical trouble: non-convergence, stagnation, breakdowns, invalid
 *       iterates and time limits are statuses of the returned {@link SolveResult};</li>
 *   <li>it throws {@link IllegalArgumentException} only for misuse the caller can fix (a problem the solver does not
 *       support, such as n != 2 for a closed form or a risk measure it does not handle, or an initial point of the
 *       wrong length);</li>
 *   <li>the status is {@link SolveStatus#CONVERGED} only if the common test ({@link ConvergenceTest}) passes on the
 *       returned weights;</li>
 *   <li>the solver holds no mutable state: one instance may be used from several threads.</li>
 * </ul>
 */
public interface RiskBudgetSolver {

    /** @return the stable id used by the CLI, JMH parameters and result files, e.g. {@code "newton"} */
    String id();

    /** @return one line: what the method is and the paper it comes from */
    String description();

    /**
     * @return whether this solver handles the problem's risk measure; solvers that only handle volatility
     *         return {@code measure.isVolatility()}
     */
    default boolean supports(RiskMeasure measure) {
        return measure.isVolatility();
    }

    /**
     * @return whether this solver handles the problem: its risk measure ({@link #supports(RiskMeasure)}) and its
     *         covariance form. The default accepts dense problems only; solvers with a factor-form path
     *         ({@link RiskBudgetProblem#isFactor()}) override this.
     */
    default boolean supports(RiskBudgetProblem problem) {
        return supports(problem.measure()) && !problem.isFactor();
    }

    /**
     * Solves the problem.
     *
     * @throws IllegalArgumentException for misuse only (see the interface contract)
     */
    SolveResult solve(RiskBudgetProblem problem, SolverOptions options);
}

package io.paritybench.core;

/**
 * A risk-budgeting solver: finds long-only weights {@code w > 0, 1'w = 1} with
 * {@code RRC_i(w) = w_i (Σw)_i / (w'Σw) = b_i}.
 *
 * <p>Contract (checked for every implementation by the abstract contract test in the test-jar of this module):
 * <ul>
 *   <li>{@link #solve} never throws for numerical trouble: non-convergence, stagnation, breakdowns, invalid
 *       iterates and time limits are statuses of the returned {@link SolveResult};</li>
 *   <li>what it handles is declared, not inferred: {@link #supports(RiskBudgetProblem)} answers before the solve
 *       (risk measure, n, covariance structure); a caller asks it first, and the harness reports a problem it
 *       refuses as not applicable;</li>
 *   <li>{@link #solve} throws {@link IllegalArgumentException} only for misuse the caller can fix: a problem
 *       {@code supports} refuses or an initial point of the wrong length ({@link SolverPreamble#begin} checks
 *       both). Anything thrown on a supported problem is a bug of the solver, and the harness reports it as one
 *       (an exception, with its class and message), never as "not applicable";</li>
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
     * Whether this solver handles the problem, decided from its shape alone (risk measure, n, covariance
     * structure) and cheaply: the harness asks before every solve. The default accepts dense problems whose
     * measure {@link #supports(RiskMeasure)} accepts; a solver limited in n, or with a factor-form path
     * ({@link RiskBudgetProblem#isFactor()}), overrides it.
     *
     * @return true if {@link #solve} runs on this problem; false if it would be misuse
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

    /**
     * Takes over a solve that the caller has begun: the later phase of a hybrid solver (e.g. {@code ccd-newton}
     * hands its CCD iterate to {@code newton} through this, as the initial point of {@code options}). The caller has
     * run {@link SolverPreamble#begin} on this problem and these options and knows that this solver
     * {@link #supports(RiskBudgetProblem) supports} the problem, and it passes the deadline of the whole solve, so
     * that the phase repeats none of the preamble and starts no clock of its own; {@link SolverOptions#timeLimit()}
     * is ignored in favour of {@code deadline}. Otherwise the contract of {@link #solve} holds unchanged, and the
     * result is that of {@code solve} with the time left. The default calls {@code solve} with
     * {@code deadline.remaining()}; a solver whose preamble costs something at small n overrides it.
     *
     * @throws IllegalArgumentException for misuse only, as {@link #solve}
     */
    default SolveResult takeOver(RiskBudgetProblem problem, SolverOptions options, Deadline deadline) {
        return solve(problem, options.withTimeLimit(deadline.remaining()));
    }
}

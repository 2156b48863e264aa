package io.paritybench.harness.sweep;

import java.time.Duration;

/**
 * One solver on one problem with one set of options: the unit of a sweep.
 *
 * @param stage         the part of the sweep it belongs to
 * @param ordinal       its position in the sweep's canonical order (rows are sorted by stage, then ordinal)
 * @param problem       the problem
 * @param solverId      the solver
 * @param tolerance     the requested tolerance (raised per problem to its floor, {@link ProblemReference#tolerance})
 * @param maxIterations the iteration cap passed to the solver (0 = its default)
 * @param timeLimit     the time limit passed to the solver
 */
public record Trial(Stage stage, long ordinal, SweepProblem problem, String solverId, double tolerance,
                    int maxIterations, Duration timeLimit) {

    /**
     * @return the trial's identity: stage, problem, solver and options. A resumed sweep skips a trial whose key is
     *         already in the results; shards are merged by it.
     */
    public String key() {
        return key(stage, problem.id(), solverId, tolerance, maxIterations, timeLimit);
    }

    static String key(Stage stage, String problemId, String solverId, double tolerance, int maxIterations,
                      Duration timeLimit) {
        return stage.label() + "|" + problemId + "|" + solverId + "|tol=" + tolerance + ",maxit=" + maxIterations
                + ",limit=" + timeLimit.toMillis() + "ms";
    }
}

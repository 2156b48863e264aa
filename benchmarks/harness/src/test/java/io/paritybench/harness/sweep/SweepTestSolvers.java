package io.paritybench.harness.sweep;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverProvider;
import io.paritybench.core.generate.Conditioning;
import io.paritybench.core.reference.ReferenceSolver;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Solver test doubles for the sweep, registered only on the test class path (and therefore visible to the worker
 * JVMs the tests start, which inherit it): one that is right, one that lies, one that hangs, one that throws, one
 * that rejects every problem but n = 2, one that is right only up to κ(Σ) = 3e3, and one that is right after
 * 250 ms.
 */
public final class SweepTestSolvers implements SolverProvider {

    static final String EXACT = "test-exact";
    static final String LYING = "test-lying";
    static final String HANGING = "test-hanging";
    static final String THROWING = "test-throwing";
    static final String TWO_ONLY = "test-n2-only";
    static final String KAPPA_LIMITED = "test-kappa-limited";
    static final String SLOW = "test-slow";

    /** The κ(Σ) above which {@link #KAPPA_LIMITED} gives up. */
    static final double KAPPA_LIMIT = 3e3;

    @Override
    public List<RiskBudgetSolver> solvers() {
        return List.of(new TestDouble(EXACT, Behaviour.EXACT), new TestDouble(LYING, Behaviour.LYING),
                new TestDouble(HANGING, Behaviour.HANGING), new TestDouble(THROWING, Behaviour.THROWING),
                new TestDouble(TWO_ONLY, Behaviour.TWO_ONLY), new TestDouble(KAPPA_LIMITED, Behaviour.KAPPA_LIMITED),
                new TestDouble(SLOW, Behaviour.SLOW));
    }

    private enum Behaviour { EXACT, LYING, HANGING, THROWING, TWO_ONLY, KAPPA_LIMITED, SLOW }

    /** One test double. */
    private record TestDouble(String id, Behaviour behaviour) implements RiskBudgetSolver {

        @Override
        public String description() {
            return "sweep test double: " + behaviour.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
            if (!supports(problem.measure())) {
                throw new IllegalArgumentException(id + " supports only volatility, not " + problem.measure());
            }
            switch (behaviour) {
                case LYING -> {
                    double[] w = new double[problem.n()];
                    Arrays.fill(w, 1.0 / problem.n());
                    return new SolveResult(id, w, SolveStatus.CONVERGED, 1, 0.0, Map.of(), "converged (not really)");
                }
                case HANGING -> {
                    while (true) {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            // a hang ignores interruption too
                        }
                    }
                }
                case THROWING -> throw new ArithmeticException("the test double always throws");
                case SLOW -> {
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return exact(problem, options);
                }
                case TWO_ONLY -> {
                    if (problem.n() != 2) {
                        throw new IllegalArgumentException(id + " solves only n = 2");
                    }
                    return exact(problem, options);
                }
                case KAPPA_LIMITED -> {
                    if (Conditioning.conditionNumber(problem.covariance()) > KAPPA_LIMIT) {
                        double[] w = new double[problem.n()];
                        Arrays.fill(w, 1.0);
                        return SolveResult.conclude(id, problem, options, w, SolveStatus.MAX_ITERATIONS, 7, Map.of(),
                                "gives up above kappa " + KAPPA_LIMIT);
                    }
                    return exact(problem, options);
                }
                default -> {
                    return exact(problem, options);
                }
            }
        }

        private SolveResult exact(RiskBudgetProblem problem, SolverOptions options) {
            SolveResult r = new ReferenceSolver().solve(problem, options);
            return new SolveResult(id, r.weights(), r.status(), r.iterations(), r.residual(), r.counters(),
                    r.message());
        }
    }
}

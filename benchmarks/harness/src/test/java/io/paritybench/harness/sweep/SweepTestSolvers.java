package io.paritybench.harness.sweep;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import io.paritybench.core.SolverProvider;
import io.paritybench.core.generate.Conditioning;
import io.paritybench.core.reference.ReferenceSolver;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Solver test doubles for the sweep, registered only on the test class path (and therefore visible to the worker
 * JVMs the tests start, which inherit it): one that is right, one that lies, one that hangs, one that throws, one
 * that declares every problem but n = 2 unsupported, one that is right only up to κ(Σ) = 3e3, one that is right after
 * 250 ms, one that is right in absolute but not in relative terms (the weight of its smallest-budget asset is 0.1 %
 * off, so {@code max|RRC − b|} is about {@code 1e-3·min b} while {@code max|RRC/b − 1|} is about 1e-3), and three
 * that misbehave on problems they declare supported: one throws
 * {@link IllegalArgumentException}, one returns null, one calls {@code System.exit(0)} (never solve with it
 * in-process).
 */
public final class SweepTestSolvers implements SolverProvider {

    static final String EXACT = "test-exact";
    static final String LYING = "test-lying";
    static final String HANGING = "test-hanging";
    static final String THROWING = "test-throwing";
    static final String TWO_ONLY = "test-n2-only";
    static final String KAPPA_LIMITED = "test-kappa-limited";
    static final String SLOW = "test-slow";
    static final String ILLEGAL = "test-illegal-argument";
    static final String NULL = "test-null";
    static final String EXITING = "test-exiting";
    static final String ABS_ONLY = "test-abs-only";

    /** The κ(Σ) above which {@link #KAPPA_LIMITED} gives up. */
    static final double KAPPA_LIMIT = 3e3;

    @Override
    public List<RiskBudgetSolver> solvers() {
        return List.of(new TestDouble(EXACT, Behaviour.EXACT), new TestDouble(LYING, Behaviour.LYING),
                new TestDouble(HANGING, Behaviour.HANGING), new TestDouble(THROWING, Behaviour.THROWING),
                new TestDouble(TWO_ONLY, Behaviour.TWO_ONLY), new TestDouble(KAPPA_LIMITED, Behaviour.KAPPA_LIMITED),
                new TestDouble(SLOW, Behaviour.SLOW), new TestDouble(ILLEGAL, Behaviour.ILLEGAL),
                new TestDouble(NULL, Behaviour.NULL), new TestDouble(EXITING, Behaviour.EXITING),
                new TestDouble(ABS_ONLY, Behaviour.ABS_ONLY));
    }

    private enum Behaviour { EXACT, LYING, HANGING, THROWING, TWO_ONLY, KAPPA_LIMITED, SLOW, ILLEGAL, NULL, EXITING,
        ABS_ONLY }

    /** One test double. */
    private record TestDouble(String id, Behaviour behaviour) implements RiskBudgetSolver {

        @Override
        public String description() {
            return "sweep test double: " + behaviour.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public boolean supports(RiskBudgetProblem problem) {
            return supports(problem.measure()) && (behaviour != Behaviour.TWO_ONLY || problem.n() == 2);
        }

        @Override
        public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
            SolverPreamble.begin(this, problem, options);
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
                case ABS_ONLY -> {
                    double[] w = exact(problem, options).weights().clone();
                    int small = 0;
                    for (int i = 1; i < w.length; i++) {
                        small = problem.budget(i) < problem.budget(small) ? i : small;
                    }
                    w[small] *= 1 + 1e-3;
                    double sum = 0;
                    for (double x : w) {
                        sum += x;
                    }
                    for (int i = 0; i < w.length; i++) {
                        w[i] /= sum;
                    }
                    return new SolveResult(id, w, SolveStatus.CONVERGED, 1, 0.0, Map.of(), "right in abs only");
                }
                case ILLEGAL -> throw new IllegalArgumentException("dimension mismatch: 3 != " + problem.n());
                case NULL -> {
                    return null;
                }
                case EXITING -> {
                    System.exit(0);
                    return null;
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

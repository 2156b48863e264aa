package io.paritybench.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.Deadline;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.SharedCases;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearEqualityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearInequalityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.TwiceDifferentiableFunction;
import org.junit.jupiter.api.Test;

/** Every way Hipparchus's SQP can end becomes a status; nothing escapes, nothing is silently returned. */
class GuardedSqpTest {

    private static final LinearEqualityConstraint SUM_TO_ONE =
            new LinearEqualityConstraint(new double[][] {{1, 1, 1}}, new double[] {1});
    private static final LinearInequalityConstraint NON_NEGATIVE =
            new LinearInequalityConstraint(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[3]);
    private static final double[] START = {0.6, 0.3, 0.1};

    /** {@code ½ Σ_i k_i (x_i − t_i)²}: its minimiser on the simplex is interior for t = (0.5, 0.3, 0.2). */
    static class Quadratic extends TwiceDifferentiableFunction {
        final double[] k = {1, 4, 9};
        final double[] t = {0.5, 0.3, 0.2};

        @Override
        public int dim() {
            return 3;
        }

        @Override
        public double value(RealVector x) {
            double s = 0;
            for (int i = 0; i < 3; i++) {
                double e = x.getEntry(i) - t[i];
                s += 0.5 * k[i] * e * e;
            }
            return s;
        }

        @Override
        public RealVector gradient(RealVector x) {
            double[] g = new double[3];
            for (int i = 0; i < 3; i++) {
                g[i] = k[i] * (x.getEntry(i) - t[i]);
            }
            return new ArrayRealVector(g, false);
        }

        @Override
        public RealMatrix hessian(RealVector x) {
            return new Array2DRowRealMatrix(new double[][] {{1, 0, 0}, {0, 4, 0}, {0, 0, 9}}, false);
        }
    }

    @Test
    void theOptimiserStopsOnItsOwnOnAnEasyProblem() {
        GuardedSqp.Outcome out = GuardedSqp.run(new Quadratic(), START, 100, Deadline.none(), SUM_TO_ONE, NON_NEGATIVE);
        assertThat(out.status()).as(out.message()).isEqualTo(SolveStatus.STAGNATED);
        assertThat(out.iterations()).isLessThan(100);
        assertThat(out.point()).containsExactly(new double[] {0.5, 0.3, 0.2},
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void theIterationCapBecomesMaxIterations() {
        GuardedSqp.Outcome out = GuardedSqp.run(new Quadratic(), START, 1, Deadline.none(), SUM_TO_ONE, NON_NEGATIVE);
        assertThat(out.status()).as(out.message()).isEqualTo(SolveStatus.MAX_ITERATIONS);
        assertThat(out.iterations()).isEqualTo(1);
    }

    @Test
    void theIterationCapOfTheLeastSquaresBaselineIsReported() {
        CaseData c = SharedCases.byName("roncalli_n4_erc");
        SolverOptions o = SolverOptions.defaults().withTolerance(1e-12);
        SolveResult free = new GenericLeastSquares().solve(c.problem(), o);
        assertThat(free.iterations()).as("needs more than the tiny cap: %s", free).isGreaterThan(3);
        SolveResult capped = new GenericLeastSquares().solve(c.problem(), o.withMaxIterations(3));
        assertThat(capped.status()).as(capped.message()).isEqualTo(SolveStatus.MAX_ITERATIONS);
        assertThat(capped.iterations()).isEqualTo(3);
    }

    @Test
    void anExceptionFromInsideBecomesABreakdownWithTheCurrentIterate() {
        Quadratic throwing = new Quadratic() {
            private int calls;

            @Override
            public RealVector gradient(RealVector x) {
                if (++calls > 2) {
                    throw new MathIllegalStateException(LocalizedCoreFormats.CONVERGENCE_FAILED);
                }
                return super.gradient(x);
            }
        };
        GuardedSqp.Outcome out = GuardedSqp.run(throwing, START, 100, Deadline.none(), SUM_TO_ONE, NON_NEGATIVE);
        assertThat(out.status()).isEqualTo(SolveStatus.NUMERICAL_BREAKDOWN);
        assertThat(out.message()).contains("MathIllegalStateException");
        assertThat(out.point()).hasSize(3).doesNotContain(Double.NaN);
    }

    @Test
    void aNonFiniteObjectiveBecomesABreakdown() {
        Quadratic nan = new Quadratic() {
            @Override
            public double value(RealVector x) {
                return Double.NaN;
            }
        };
        GuardedSqp.Outcome out = GuardedSqp.run(nan, START, 100, Deadline.none(), SUM_TO_ONE, NON_NEGATIVE);
        assertThat(out.status()).as(out.message()).isEqualTo(SolveStatus.NUMERICAL_BREAKDOWN);
    }

    @Test
    void aBoundaryPointBecomesALocalMinimum() {
        Quadratic outside = new Quadratic();
        outside.t[2] = -0.5;
        GuardedSqp.Outcome out = GuardedSqp.run(outside, START, 200, Deadline.none(), SUM_TO_ONE, NON_NEGATIVE);
        assertThat(out.status()).as(out.message()).isEqualTo(SolveStatus.LOCAL_MINIMUM);
        assertThat(out.point()[2]).isLessThanOrEqualTo(GuardedSqp.BOUNDARY_RATIO);
    }

    @Test
    void aLoopWithoutCallbacksIsAbandonedAtTheDeadlineAndEndsAtItsNextCallback() throws InterruptedException {
        // stands in for Hipparchus's ADMM QP loop: 1.5 s without a callback, far past the 100 ms deadline
        Quadratic spinning = new Quadratic() {
            private int calls;

            @Override
            public RealVector gradient(RealVector x) {
                if (++calls > 1) {
                    long until = System.nanoTime() + 1_500_000_000L;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                }
                return super.gradient(x);
            }
        };
        java.util.Set<Thread> earlier = Thread.getAllStackTraces().keySet();
        Deadline deadline = Deadline.after(java.time.Duration.ofMillis(100));
        long t0 = System.nanoTime();
        GuardedSqp.Outcome out = GuardedSqp.run(spinning, START, 100, deadline, SUM_TO_ONE, NON_NEGATIVE);
        long returnedAfter = System.nanoTime() - t0;

        assertThat(out.status()).as(out.message()).isEqualTo(SolveStatus.TIME_LIMIT);
        assertThat(out.message()).contains("ADMM QP loop").contains("next callback");
        assertThat(returnedAfter).as("returns at the deadline plus the grace, not after the loop")
                .isLessThan(1_000_000_000L);
        // the loop returns after 1.5 s; the run was cancelled, so the next callback ends the thread
        Thread optimiser = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("hipparchus-sqp") && !earlier.contains(t)).findFirst().orElseThrow();
        optimiser.join(10_000);
        assertThat(optimiser.isAlive()).isFalse();
    }

    @Test
    void anExpiredDeadlineEndsTheRunAtTheFirstCallback() {
        // every callback (objective and wrapped constraints) checks the deadline: no SQP iteration completes
        Deadline expired = Deadline.after(java.time.Duration.ofNanos(1));
        GuardedSqp.Outcome out = GuardedSqp.run(new Quadratic(), START, 100, expired, SUM_TO_ONE, NON_NEGATIVE);
        assertThat(out.status()).as(out.message()).isEqualTo(SolveStatus.TIME_LIMIT);
        assertThat(out.iterations()).isZero();
    }

    @Test
    void theLeastSquaresBaselineEndsAtTheSpuriousBoundaryMinimumOfAHedgedPair() {
        CaseData c = SharedCases.byName("n2_rho-0.95_volratio50_b0.02");
        SolveResult r = new GenericLeastSquares().solve(c.problem(),
                SolverOptions.defaults().withTolerance(c.tolerance().maxAbsRrcError()));
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.LOCAL_MINIMUM);
        assertThat(r.weights()[0]).as("the hedging asset (reference %s)", c.referenceWeights()[0])
                .isLessThanOrEqualTo(1e-5);
    }

    @Test
    void theLogConstraintFormStaysAtAnExactStart() {
        CaseData c = SharedCases.byName("cc_n8_rho0.3_erc");
        SolveResult r = new GenericLogBarrier().solve(c.problem(),
                SolverOptions.defaults().withTolerance(c.tolerance().maxAbsRrcError()));
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(io.paritybench.core.RiskMetrics.maxRelWeightError(r.weights(), c.referenceWeights()))
                .isLessThanOrEqualTo(c.tolerance().maxRelWeightError());
    }

    @Test
    void theConvexLogConstraintFormDoesNotCollapseTheHedge() {
        CaseData c = SharedCases.byName("n2_rho-0.95_volratio50_b0.02");
        SolveResult r = new GenericLogBarrier().solve(c.problem(),
                SolverOptions.defaults().withTolerance(c.tolerance().maxAbsRrcError()));
        assertThat(r.status()).as(r.message()).isNotEqualTo(SolveStatus.LOCAL_MINIMUM);
        assertThat(io.paritybench.core.RiskMetrics.maxRelWeightError(r.weights(), c.referenceWeights()))
                .as("%s", r).isLessThanOrEqualTo(1e-3);
    }
}

package io.paritybench.baselines;

import io.paritybench.core.Deadline;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.OptimizationData;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.vector.constrained.AbstractSQPOptimizer;
import org.hipparchus.optim.nonlinear.vector.constrained.InequalityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.LagrangeSolution;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearEqualityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearInequalityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.SQPOptimizerS;
import org.hipparchus.optim.nonlinear.vector.constrained.TwiceDifferentiableFunction;

/**
 * Runs Hipparchus's constrained SQP optimiser ({@link SQPOptimizerS}, Schittkowski's augmented-Lagrangian line
 * search with a damped BFGS Hessian and an ADMM QP subsolver) and turns every way it can end into a
 * {@link SolveStatus}. Hipparchus returns its last iterate at the iteration cap without saying so, and may throw
 * from its inner QP or linear algebra; here
 * <ul>
 *   <li>the iteration counter reaching the cap → {@link SolveStatus#MAX_ITERATIONS} (when the optimiser's own
 *       step test fires on the very last allowed iteration this cannot be told apart, and the cap is reported);</li>
 *   <li>a non-finite point or objective value → {@link SolveStatus#NUMERICAL_BREAKDOWN};</li>
 *   <li>a weight at or near 0 ({@code x_i ≤ 1e-8 max_j x_j}; every budget is positive) →
 *       {@link SolveStatus#LOCAL_MINIMUM} (a boundary point is never a risk-budgeting solution);</li>
 *   <li>otherwise the optimiser's own step test fired → {@link SolveStatus#STAGNATED} (the caller's common test
 *       turns it into CONVERGED when the point passes);</li>
 *   <li>the deadline, checked at every function evaluation → {@link SolveStatus#TIME_LIMIT} with the current
 *       iterate;</li>
 *   <li>any exception thrown by Hipparchus → {@link SolveStatus#NUMERICAL_BREAKDOWN} with the current iterate
 *       and the exception in the message; nothing escapes.</li>
 * </ul>
 * <p>The deadline is checked in every callback Hipparchus makes into our code: the objective's value, gradient and
 * Hessian and every constraint's value and Jacobian (the constraints are wrapped). Hipparchus 3.1 solves each QP
 * subproblem with an {@code ADMMQPOptimizer} that it creates without an iteration cap, and which on some problems
 * never meets its convergence test (observed at n = 50); that loop makes no callback, so no deadline can be checked
 * inside it, and nothing (no interrupt, no flag) can end it from outside: {@code Thread.stop} is not used
 * (unsupported from JDK 20 on, and unsafe before). The optimiser therefore runs on its own daemon thread; if it
 * has not ended by the deadline (plus 50 ms) the result is TIME_LIMIT with the current iterate, and without a time
 * limit in the options a guard of {@value #GUARD_SECONDS} s applies, after which the result is NUMERICAL_BREAKDOWN
 * (the inner QP did not terminate).
 *
 * <p>What can outlive the deadline is exactly that: one daemon thread inside one ADMM QP solve (dense linear algebra
 * on n × n matrices, one core, memory O(n²)). The run is cancelled, so the thread throws at its first callback after
 * the QP returns and ends; if the QP never returns, the thread runs until the JVM exits. The sweep's worker JVM
 * retires itself after a trial that leaves such a thread running, so it never slows the trials after it.
 *
 * <p>The "current iterate" is the last point at which the optimiser asked for the objective's gradient: it does so
 * exactly once per accepted iterate.
 */
final class GuardedSqp {

    /** Weights at most this fraction of the largest are "at or near 0". */
    static final double BOUNDARY_RATIO = 1e-8;
    static final long GUARD_SECONDS = 120;
    /** Wall-clock guard when the options set no time limit: Hipparchus's inner QP loop has no iteration cap. */
    static final Duration GUARD = Duration.ofSeconds(GUARD_SECONDS);
    private static final long GRACE_NANOS = 50_000_000L;

    /**
     * @param point      the optimiser's final (or current) point, unnormalised
     * @param status     the proposed status (before the caller's common test)
     * @param iterations SQP iterations performed
     * @param evaluations objective value evaluations
     * @param message    what happened
     */
    record Outcome(double[] point, SolveStatus status, int iterations, long evaluations, String message) {
    }

    private GuardedSqp() {
    }

    /** {@link #run(TwiceDifferentiableFunction, double[], int, Deadline, SolverOptions, OptimizationData...)} unobserved. */
    static Outcome run(TwiceDifferentiableFunction objective, double[] start, int maxIterations, Deadline deadline,
                       OptimizationData... constraints) {
        return run(objective, start, maxIterations, deadline, SolverOptions.defaults(), constraints);
    }

    /**
     * Minimises {@code objective} subject to the constraints from {@code start}.
     *
     * @param observed    options whose iteration observer sees every point at which Hipparchus asks for a gradient
     *                    (its iterates; Hipparchus exposes no iteration hook), from the worker thread
     * @param constraints Hipparchus equality and inequality constraints (at most one of each)
     */
    static Outcome run(TwiceDifferentiableFunction objective, double[] start, int maxIterations, Deadline deadline,
                       SolverOptions observed, OptimizationData... constraints) {
        Guarded f = new Guarded(objective, deadline, start, observed);
        AbstractSQPOptimizer optimizer = new SQPOptimizerS();
        OptimizationData[] data = new OptimizationData[constraints.length + 3];
        data[0] = new ObjectiveFunction(f);
        data[1] = new InitialGuess(start);
        data[2] = new MaxIter(maxIterations);
        for (int i = 0; i < constraints.length; i++) {
            data[3 + i] = f.guard(constraints[i]);
        }
        AtomicReference<Object> ended = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                ended.set(optimizer.optimize(data));
            } catch (Throwable t) {
                ended.set(t);
            }
        }, "hipparchus-sqp");
        worker.setDaemon(true);
        worker.start();
        boolean userDeadline = deadline.isBounded();
        long wait = userDeadline ? deadline.remaining().toNanos() + GRACE_NANOS : GUARD.toNanos();
        if (!awaitEnd(worker, wait)) {
            f.cancel();
            String stopped = "the optimiser thread is inside Hipparchus's ADMM QP loop, which makes no callback; it "
                    + "ends at its next callback (cancelled) or with the JVM";
            int it = optimizer.getIterations();
            return userDeadline
                    ? new Outcome(f.current(), SolveStatus.TIME_LIMIT, it, f.evaluations,
                            "time limit reached inside Hipparchus SQP after " + it + " iterations; " + stopped)
                    : new Outcome(f.current(), SolveStatus.NUMERICAL_BREAKDOWN, it, f.evaluations,
                            "no result from Hipparchus SQP within the " + GUARD.toSeconds() + " s guard after " + it
                            + " iterations (its ADMM QP subproblem has no iteration cap); " + stopped);
        }
        Object end = ended.get();
        if (end instanceof DeadlineReached) {
            return new Outcome(f.current(), SolveStatus.TIME_LIMIT, optimizer.getIterations(), f.evaluations,
                    "time limit reached after " + optimizer.getIterations() + " SQP iterations");
        }
        if (end instanceof Error e) {
            throw e;
        }
        if (end instanceof Throwable e) {
            return new Outcome(f.current(), SolveStatus.NUMERICAL_BREAKDOWN, optimizer.getIterations(),
                    f.evaluations, "Hipparchus SQP threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        LagrangeSolution solution = (LagrangeSolution) end;
        double[] x = solution.getX().toArray();
        int iterations = optimizer.getIterations();
        SolveStatus status;
        String message;
        int boundary = boundaryIndex(x);
        if (!allFinite(x) || !Double.isFinite(solution.getValue())) {
            status = SolveStatus.NUMERICAL_BREAKDOWN;
            message = "Hipparchus SQP returned a non-finite point or objective value";
        } else if (iterations >= maxIterations) {
            status = SolveStatus.MAX_ITERATIONS;
            message = "Hipparchus SQP reached its iteration cap " + maxIterations
                      + " (it returns its last iterate without reporting this)";
        } else if (boundary >= 0) {
            status = SolveStatus.LOCAL_MINIMUM;
            message = String.format(Locale.ROOT, "Hipparchus SQP stopped at a boundary point: weight %d = %.3e of the"
                    + " largest, although its budget is positive", boundary + 1, x[boundary] / max(x));
        } else {
            status = SolveStatus.STAGNATED;
            message = "Hipparchus SQP's own step test fired after " + iterations + " iterations";
        }
        return new Outcome(x, status, iterations, f.evaluations, message);
    }

    /** Waits up to {@code nanos} for the worker; @return whether it ended. */
    private static boolean awaitEnd(Thread worker, long nanos) {
        long until = System.nanoTime() + nanos;
        try {
            while (worker.isAlive()) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                worker.join(Math.max(1, left / 1_000_000), 0);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !worker.isAlive();
        }
    }

    /** @return an index with {@code x_i ≤ 1e-8 max x} (including non-positive entries), or −1 */
    static int boundaryIndex(double[] x) {
        double top = max(x);
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > BOUNDARY_RATIO * top)) {
                return i;
            }
        }
        return -1;
    }

    private static double max(double[] x) {
        double t = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            t = Math.max(t, v);
        }
        return t;
    }

    private static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Thrown from inside the optimiser when the deadline has passed; carries no stack trace. */
    private static final class DeadlineReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeadlineReached() {
            super("deadline", null, false, false);
        }
    }

    /**
     * Delegates to the objective, counts value evaluations, checks the deadline and remembers the last point at
     * which a gradient was requested (the optimiser's current iterate).
     */
    private static final class Guarded extends TwiceDifferentiableFunction {
        private final TwiceDifferentiableFunction f;
        private final Deadline deadline;
        private final SolverOptions observed;
        private volatile double[] current;
        private volatile long evaluations;
        private int gradients;

        Guarded(TwiceDifferentiableFunction f, Deadline deadline, double[] start, SolverOptions observed) {
            this.f = f;
            this.deadline = deadline;
            this.current = start.clone();
            this.observed = observed;
        }

        double[] current() {
            return current.clone();
        }

        private volatile boolean cancelled;

        /** The run was given up: the next callback ends the optimiser thread. */
        void cancel() {
            cancelled = true;
        }

        void check() {
            if (cancelled || deadline.passed()) {
                throw new DeadlineReached();
            }
        }

        /** @return the constraint with the deadline checked in its callbacks; its Hipparchus type is kept */
        OptimizationData guard(OptimizationData c) {
            if (c instanceof LinearEqualityConstraint e) {
                return new LinearEqualityConstraint(e.getA(), e.getLowerBound()) {
                    @Override
                    public RealVector value(RealVector x) {
                        check();
                        return super.value(x);
                    }

                    @Override
                    public RealMatrix jacobian(RealVector x) {
                        check();
                        return super.jacobian(x);
                    }
                };
            }
            if (c instanceof LinearInequalityConstraint e) {
                return new LinearInequalityConstraint(e.jacobian(new ArrayRealVector(f.dim())), e.getLowerBound()) {
                    @Override
                    public RealVector value(RealVector x) {
                        check();
                        return super.value(x);
                    }

                    @Override
                    public RealMatrix jacobian(RealVector x) {
                        check();
                        return super.jacobian(x);
                    }
                };
            }
            if (c instanceof InequalityConstraint e) {
                return new InequalityConstraint(e.getLowerBound()) {
                    @Override
                    public int dim() {
                        return e.dim();
                    }

                    @Override
                    public RealVector value(RealVector x) {
                        check();
                        return e.value(x);
                    }

                    @Override
                    public RealMatrix jacobian(RealVector x) {
                        check();
                        return e.jacobian(x);
                    }
                };
            }
            return c;
        }

        @Override
        public int dim() {
            return f.dim();
        }

        @Override
        public double value(RealVector x) {
            check();
            evaluations++;
            return f.value(x);
        }

        @Override
        public RealVector gradient(RealVector x) {
            check();
            current = x.toArray();
            observed.observe(gradients++, current, null);
            return f.gradient(x);
        }

        @Override
        public RealMatrix hessian(RealVector x) {
            check();
            return f.hessian(x);
        }
    }
}

package io.paritybench.harness.sweep;

import io.paritybench.core.SolveStatus;

/** What came back from running one trial in a worker JVM. */
public sealed interface WorkerReply {

    /** @return wall time from sending the trial to the answer (or to the kill), in nanoseconds */
    long nanos();

    /**
     * The solver returned.
     *
     * @param status     its status
     * @param weights    its weights, as returned
     * @param iterations its iteration count
     * @param residual   the residual it reported
     * @param nanos      the solve's wall time, measured in the worker around {@code solve}
     * @param message    its message (one line, shortened)
     * @param solverSeconds the solve time the solver reported itself (external solvers; NaN otherwise)
     */
    record Solved(SolveStatus status, double[] weights, int iterations, double residual, long nanos, String message,
                  double solverSeconds) implements WorkerReply {
        public Solved {
            weights = weights.clone();
        }

        /** A reply without a self-reported time. */
        public Solved(SolveStatus status, double[] weights, int iterations, double residual, long nanos,
                      String message) {
            this(status, weights, iterations, residual, nanos, message, Double.NaN);
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }
    }

    /**
     * The solver threw, or declined the problem.
     *
     * @param exception   the exception's class name (empty when the solver declined)
     * @param message     its message (shortened) and the top of its stack trace; or why the solver declined
     * @param unsupported the solver's {@code supports(problem)} said no, and the solver was not run: the only way to
     *                    a not-applicable trial (an exception thrown by {@code solve}, whatever its class, is a bug
     *                    of the solver)
     * @param fatal     an {@link Error} (out of memory, stack overflow): the worker exits and a fresh one takes over
     */
    record Threw(String exception, String message, boolean unsupported, boolean fatal, long nanos) implements WorkerReply {
    }

    /**
     * No answer before the watchdog fired: the worker was killed, or (an external solver) the worker killed the
     * command's process group.
     *
     * @param message what was killed, empty for the worker itself
     */
    record TimedOut(long nanos, String message) implements WorkerReply {
        /** The worker JVM itself was killed. */
        public TimedOut(long nanos) {
            this(nanos, "");
        }
    }

    /** The worker died or broke the protocol (for example the solver called {@code System.exit}). */
    record Died(String reason, long nanos) implements WorkerReply {
    }
}

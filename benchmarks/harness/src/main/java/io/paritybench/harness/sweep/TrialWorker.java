package io.paritybench.harness.sweep;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import io.paritybench.core.Solvers;
import io.paritybench.harness.external.ExternalRun;
import io.paritybench.harness.external.ExternalSolver;
import io.paritybench.harness.external.ExternalSolverException;
import io.paritybench.harness.external.ExternalSolvers;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * The main class of a worker JVM: runs the trials the sweep sends ({@link WorkerProtocol}) one at a time and
 * answers each. Solvers run here, not in the sweep's process, so a solver that hangs, exhausts memory or exits
 * costs one worker, which the sweep kills and replaces; the sweep itself never stalls.
 *
 * <p>The protocol uses the process's original stdout; {@code System.out} is redirected to stderr so that a solver
 * that prints cannot corrupt it. The worker exits when its stdin closes, on {@link WorkerProtocol#QUIT}, after an
 * {@link Error}, after a trial that left a thread running ({@link #leftRunning}), and when the sweep's process ends
 * (so a hung worker never outlives the sweep).
 */
public final class TrialWorker {

    static final long LEFT_RUNNING_GRACE_MS = 2000;

    private TrialWorker() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(4)));
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        Solvers.ids();
        ExternalSolvers.useProperty();
        out.writeByte(WorkerProtocol.HELLO);
        out.writeInt(WorkerProtocol.VERSION);
        out.flush();
        RiskBudgetProblem problem = null;
        String problemError = "no problem was sent before the trial";
        while (true) {
            byte type;
            try {
                type = in.readByte();
            } catch (EOFException e) {
                return;
            }
            switch (type) {
                case WorkerProtocol.PROBLEM -> {
                    try {
                        problem = WorkerProtocol.readProblem(in);
                        problemError = null;
                    } catch (RuntimeException e) {
                        problem = null;
                        problemError = "the worker could not rebuild the problem: " + e;
                    }
                }
                case WorkerProtocol.TRIAL -> {
                    WorkerProtocol.TrialRequest t = WorkerProtocol.readTrial(in);
                    Set<Thread> before = Thread.getAllStackTraces().keySet();
                    WorkerReply reply = problem == null
                            ? new WorkerReply.Threw(IllegalStateException.class.getName(), problemError, false, false, 0)
                            : run(problem, t);
                    WorkerProtocol.writeReply(out, reply);
                    out.flush();
                    if (reply instanceof WorkerReply.Threw th && th.fatal()) {
                        Runtime.getRuntime().halt(3);
                    }
                    boolean retiring = leftRunning(before);
                    out.writeBoolean(retiring);
                    out.flush();
                    if (retiring) {
                        Runtime.getRuntime().halt(0);
                    }
                }
                case WorkerProtocol.QUIT -> {
                    return;
                }
                default -> throw new IOException("unexpected message type " + type);
            }
        }
    }

    /**
     * @return whether the trial left a thread running (started during it, still RUNNABLE after a grace of
     *         {@value #LEFT_RUNNING_GRACE_MS} ms), such as an optimiser abandoned at its deadline that never reaches
     *         its next callback: it would steal a core from every later trial, so the worker retires. A thread that
     *         ends within the grace (an abandoned optimiser usually does, at its next callback) keeps the worker and
     *         its warm JIT; idle pool threads, which wait, do not count.
     */
    static boolean leftRunning(Set<Thread> before) {
        long until = System.nanoTime() + LEFT_RUNNING_GRACE_MS * 1_000_000L;
        while (true) {
            boolean running = false;
            for (Thread th : Thread.getAllStackTraces().keySet()) {
                if (!before.contains(th) && th.isAlive() && th.getState() == Thread.State.RUNNABLE
                        && th != Thread.currentThread()) {
                    running = true;
                    break;
                }
            }
            if (!running) {
                return false;
            }
            if (System.nanoTime() - until >= 0) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }

    /**
     * Runs one trial; never throws. Not applicable means exactly that the solver's {@code supports(problem)} said no;
     * anything {@code solve} throws, {@link IllegalArgumentException} included, is an exception of the solver.
     */
    static WorkerReply run(RiskBudgetProblem problem, WorkerProtocol.TrialRequest t) {
        long start = System.nanoTime();
        try {
            RiskBudgetSolver solver = ExternalSolvers.byId(t.solverId());
            if (!solver.supports(problem)) {
                return new WorkerReply.Threw("", SolverPreamble.unsupported(solver, problem), true, false, 0);
            }
            SolverOptions options = new SolverOptions(t.tolerance(), t.maxIterations(), null,
                    Duration.ofNanos(t.timeLimitNanos()));
            if (solver instanceof ExternalSolver ext) {
                return external(ext, problem, options, t.watchdogNanos());
            }
            start = System.nanoTime();
            SolveResult r = solver.solve(problem, options);
            long nanos = System.nanoTime() - start;
            if (r == null) {
                return new WorkerReply.Threw(NullPointerException.class.getName(), "solve returned null", false,
                        false, nanos);
            }
            return new WorkerReply.Solved(r.status(), r.weights(), r.iterations(), r.residual(), nanos, r.message());
        } catch (Exception e) {
            return threw(e, false, System.nanoTime() - start);
        } catch (Error e) {
            return threw(e, true, System.nanoTime() - start);
        }
    }

    /**
     * Runs an external solver's command with a watchdog a little shorter than the sweep's (so that the worker, not
     * the sweep, kills the command's process group): an answer is {@link WorkerReply.Solved} with the command's wall
     * time and its self-reported time kept apart, a failed command {@link WorkerReply.Threw} (EXCEPTION), a kill
     * {@link WorkerReply.TimedOut} (TIMEOUT).
     */
    static WorkerReply external(ExternalSolver ext, RiskBudgetProblem problem, SolverOptions options,
                                long sweepWatchdogNanos) {
        ExternalRun run = ext.run(problem, options, externalWatchdog(sweepWatchdogNanos));
        if (run instanceof ExternalRun.Failed f) {
            return new WorkerReply.Threw(ExternalSolverException.class.getName(), f.describe(), false, false,
                    f.wallNanos());
        }
        if (run instanceof ExternalRun.TimedOut to) {
            return new WorkerReply.TimedOut(to.wallNanos(), ExternalSolver.timeoutMessage(to));
        }
        ExternalRun.Answered a = (ExternalRun.Answered) run;
        return new WorkerReply.Solved(ExternalSolver.status(a), a.weights(), a.iterations(), Double.NaN,
                a.wallNanos(), a.message(), a.seconds());
    }

    /** @return the command's watchdog: the sweep's less max(1.5 s, 15%), at least half of it; 0 (none) for none */
    static Duration externalWatchdog(long sweepWatchdogNanos) {
        if (sweepWatchdogNanos <= 0) {
            return Duration.ZERO;
        }
        long margin = Math.max(1_500_000_000L, sweepWatchdogNanos / 100 * 15);
        return Duration.ofNanos(Math.max(sweepWatchdogNanos / 2, sweepWatchdogNanos - margin));
    }

    private static WorkerReply.Threw threw(Throwable e, boolean fatal, long nanos) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        StackTraceElement[] st = e.getStackTrace();
        for (int i = 0; i < Math.min(3, st.length); i++) {
            sb.append(" at ").append(st[i]);
        }
        return new WorkerReply.Threw(e.getClass().getName(), sb.toString(), false, fatal, nanos);
    }
}

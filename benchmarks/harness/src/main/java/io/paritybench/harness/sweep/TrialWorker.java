package io.paritybench.harness.sweep;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import io.paritybench.core.Solvers;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.time.Duration;

/**
 * The main class of a worker JVM: runs the trials the sweep sends ({@link WorkerProtocol}) one at a time and
 * answers each. Solvers run here, not in the sweep's process, so a solver that hangs, exhausts memory or exits
 * costs one worker, which the sweep kills and replaces; the sweep itself never stalls.
 *
 * <p>The protocol uses the process's original stdout; {@code System.out} is redirected to stderr so that a solver
 * that prints cannot corrupt it. The worker exits when its stdin closes, on {@link WorkerProtocol#QUIT}, after an
 * {@link Error}, and when the sweep's process ends (so a hung worker never outlives the sweep).
 */
public final class TrialWorker {

    private TrialWorker() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(4)));
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        Solvers.ids();
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
                    WorkerReply reply = problem == null
                            ? new WorkerReply.Threw(IllegalStateException.class.getName(), problemError, false, false, 0)
                            : run(problem, t);
                    if (reply instanceof WorkerReply.Solved s) {
                        WorkerProtocol.writeSolved(out, s);
                    } else {
                        WorkerProtocol.writeThrew(out, (WorkerReply.Threw) reply);
                    }
                    out.flush();
                    if (reply instanceof WorkerReply.Threw th && th.fatal()) {
                        Runtime.getRuntime().halt(3);
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
     * Runs one trial; never throws. Not applicable means exactly that the solver's {@code supports(problem)} said no;
     * anything {@code solve} throws, {@link IllegalArgumentException} included, is an exception of the solver.
     */
    static WorkerReply run(RiskBudgetProblem problem, WorkerProtocol.TrialRequest t) {
        long start = System.nanoTime();
        try {
            RiskBudgetSolver solver = Solvers.byId(t.solverId());
            if (!solver.supports(problem)) {
                return new WorkerReply.Threw("", SolverPreamble.unsupported(solver, problem), true, false, 0);
            }
            SolverOptions options = new SolverOptions(t.tolerance(), t.maxIterations(), null,
                    Duration.ofNanos(t.timeLimitNanos()));
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

    private static WorkerReply.Threw threw(Throwable e, boolean fatal, long nanos) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        StackTraceElement[] st = e.getStackTrace();
        for (int i = 0; i < Math.min(3, st.length); i++) {
            sb.append(" at ").append(st[i]);
        }
        return new WorkerReply.Threw(e.getClass().getName(), sb.toString(), false, fatal, nanos);
    }
}

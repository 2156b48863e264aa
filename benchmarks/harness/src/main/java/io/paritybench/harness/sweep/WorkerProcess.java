package io.paritybench.harness.sweep;

import io.paritybench.core.RiskBudgetProblem;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One worker JVM ({@link TrialWorker}) seen from the sweep: sends trials, waits for each answer at most the
 * watchdog time, and on expiry kills the worker ({@link Process#destroyForcibly()}, SIGKILL) and reports
 * {@link WorkerReply.TimedOut}. The next trial starts a fresh worker. A worker that dies or breaks the protocol is
 * reported as {@link WorkerReply.Died} and replaced the same way.
 *
 * <p>Why a child JVM and not a thread: Java cannot stop a thread stuck in a loop that never checks for
 * interruption, and such a thread would keep a core busy for the rest of the sweep; killing a process always
 * works and also contains out-of-memory errors and {@code System.exit}. The price is a JVM start (about half a
 * second) per timeout, and a little latency per trial. Not thread-safe: one worker per sweep thread.
 */
public final class WorkerProcess implements AutoCloseable {

    /** Time a new worker has to greet. */
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final List<String> command;
    private final Path log;
    private Process process;
    private DataOutputStream out;
    private DataInputStream in;
    private ExecutorService io;
    private String loadedProblem;
    private int starts;

    /**
     * @param command the command line of a worker, see {@link #command}
     * @param log     file the workers' stderr is appended to, or null to discard it
     */
    public WorkerProcess(List<String> command, Path log) {
        this.command = List.copyOf(command);
        this.log = log;
    }

    /**
     * @return {@code java [jvmArgs] -cp CLASSPATH io.paritybench.harness.sweep.TrialWorker} with the java of this
     *         JVM and its class path (so workers see exactly the solvers the sweep sees)
     */
    public static List<String> command(List<String> jvmArgs, String classPath) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(TrialWorker.class.getName());
        return cmd;
    }

    /** @return the class path of this JVM (the workers' class path) */
    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** @return how many worker JVMs this slot has started */
    public int starts() {
        return starts;
    }

    /**
     * Runs one trial.
     *
     * @param watchdog the longest the trial may take, problem transfer included, before the worker is killed
     */
    public WorkerReply run(String problemId, RiskBudgetProblem problem, WorkerProtocol.TrialRequest trial,
                           Duration watchdog) {
        ensureStarted();
        long start = System.nanoTime();
        boolean sendProblem = !problemId.equals(loadedProblem);
        DataOutputStream o = out;
        DataInputStream i = in;
        Future<WorkerReply> answer = io.submit(() -> {
            if (sendProblem) {
                WorkerProtocol.writeProblem(o, problemId, problem);
            }
            WorkerProtocol.writeTrial(o, trial);
            o.flush();
            return WorkerProtocol.readReply(i);
        });
        try {
            WorkerReply reply = answer.get(watchdog.toNanos(), TimeUnit.NANOSECONDS);
            loadedProblem = problemId;
            if (reply instanceof WorkerReply.Threw t && t.fatal() || retiring(i)) {
                kill();
            }
            return reply;
        } catch (TimeoutException e) {
            kill();
            return new WorkerReply.TimedOut(System.nanoTime() - start);
        } catch (ExecutionException e) {
            String exit = kill();
            return new WorkerReply.Died("the worker died (" + exit + "): " + e.getCause(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a trial", e);
        }
    }

    /**
     * Reads the flag the worker sends after a reply, once the trial's threads had their grace; outside the trial's
     * watchdog. @return whether the worker retires (or did not say so in time: it is replaced either way)
     */
    private boolean retiring(DataInputStream i) throws InterruptedException {
        Future<Boolean> flag = io.submit(i::readBoolean);
        try {
            return flag.get(TrialWorker.LEFT_RUNNING_GRACE_MS + 10_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return true;
        }
    }

    private void ensureStarted() {
        if (process != null && process.isAlive()) {
            return;
        }
        kill();
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker JVM (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
        starts++;
        out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sweep-worker-io");
            t.setDaemon(true);
            return t;
        });
        DataInputStream i = in;
        Future<Integer> hello = io.submit(() -> {
            byte type = i.readByte();
            int version = i.readInt();
            return type == WorkerProtocol.HELLO ? version : -1;
        });
        try {
            int version = hello.get(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
            if (version != WorkerProtocol.VERSION) {
                throw new IllegalStateException("the worker speaks protocol " + version + ", expected "
                        + WorkerProtocol.VERSION);
            }
        } catch (TimeoutException | ExecutionException e) {
            String exit = kill();
            throw new IllegalStateException("a worker JVM did not start (" + exit + "; command: "
                    + String.join(" ", command) + (log == null ? "" : "; see " + log) + "): " + e, e);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a worker", e);
        }
    }

    /** Kills the worker, if any; @return how it ended */
    private String kill() {
        loadedProblem = null;
        if (io != null) {
            io.shutdownNow();
            io = null;
        }
        if (process == null) {
            return "not running";
        }
        Process p = process;
        process = null;
        p.destroyForcibly();
        String how;
        try {
            how = p.waitFor(10, TimeUnit.SECONDS) ? "exit code " + p.exitValue() : "still running after SIGKILL";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            how = "interrupted";
        }
        closeQuietly();
        return how;
    }

    private void closeQuietly() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            // the worker is gone; nothing to flush
        }
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            // the worker is gone
        }
        out = null;
        in = null;
    }

    /** Asks the worker to quit, then makes sure it has. */
    @Override
    public void close() {
        if (process != null && process.isAlive() && out != null) {
            try {
                out.writeByte(WorkerProtocol.QUIT);
                out.flush();
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (IOException e) {
                // already gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kill();
    }
}

package io.paritybench.harness.sweep;

import io.paritybench.core.FactorCovariance;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMeasure;
import io.paritybench.core.SolveStatus;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The binary protocol between the sweep and its worker JVMs, over the worker's stdin and stdout
 * ({@link DataOutputStream}: doubles travel bit for bit, NaN included). The worker greets with {@link #HELLO} and
 * the protocol version; the sweep sends a problem ({@link #PROBLEM}: Σ, or B, F and D of a factor-form problem, b and
 * the risk measure's μ, c and label, bit for bit) when it changes, then trials
 * ({@link #TRIAL}); each trial gets exactly one reply, {@link #SOLVED}, {@link #THREW} or {@link #TIMED_OUT} (an external
 * solver's command killed by the worker). {@link #QUIT} ends the
 * worker.
 */
final class WorkerProtocol {

    static final int VERSION = 5;
    static final byte HELLO = 'H';
    static final byte PROBLEM = 'P';
    static final byte TRIAL = 'T';
    static final byte QUIT = 'Q';
    static final byte SOLVED = 'R';
    static final byte THREW = 'E';
    static final byte TIMED_OUT = 'W';

    /** Longest text sent (characters); {@link DataOutputStream#writeUTF} is limited to 64 KiB. */
    static final int MAX_TEXT = 2000;

    private WorkerProtocol() {
    }

    /**
     * A trial as the worker receives it.
     *
     * @param watchdogNanos the sweep's watchdog for the trial (an external solver's command is killed a little
     *                      before it, so that its whole process group dies and the worker survives)
     */
    record TrialRequest(String solverId, double tolerance, int maxIterations, long timeLimitNanos, long watchdogNanos) {
        TrialRequest(String solverId, double tolerance, int maxIterations, long timeLimitNanos) {
            this(solverId, tolerance, maxIterations, timeLimitNanos, 0);
        }
    }

    static void writeProblem(DataOutputStream out, String id, RiskBudgetProblem p) throws IOException {
        int n = p.n();
        out.writeByte(PROBLEM);
        out.writeUTF(text(id));
        out.writeInt(n);
        // factor form: k > 0, then B (row-major n×k), F (k×k), D (n); dense: k = 0, then Σ (n×n)
        FactorCovariance f = p.factor();
        out.writeInt(f == null ? 0 : f.k());
        if (f != null) {
            writeAll(out, f.loadings());
            writeAll(out, f.factorCovariance());
            writeAll(out, f.idiosyncraticVariances());
        } else {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out.writeDouble(p.covariance(i, j));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            out.writeDouble(p.budget(i));
        }
        RiskMeasure m = p.measure();
        boolean hasMu = m.mu() != null;
        out.writeBoolean(hasMu);
        if (hasMu) {
            out.writeUTF(text(m.label()));
            out.writeDouble(m.multiplier());
            for (double v : m.mu()) {
                out.writeDouble(v);
            }
        }
    }

    private static void writeAll(DataOutputStream out, double[] v) throws IOException {
        for (double x : v) {
            out.writeDouble(x);
        }
    }

    private static double[] readAll(DataInputStream in, int count) throws IOException {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    /** Reads the body of a {@link #PROBLEM} message (after its type byte). */
    static RiskBudgetProblem readProblem(DataInputStream in) throws IOException {
        in.readUTF();
        int n = in.readInt();
        int k = in.readInt();
        if (n < 1 || (k == 0 && n > 100_000) || n > 100_000_000 || k < 0 || k > 10_000) {
            throw new IOException("bad problem size " + n + " (k = " + k + ")");
        }
        double[][] cov = k > 0 ? null : new double[n][n];
        double[] loadings = k > 0 ? readAll(in, n * k) : null;
        double[] factorCov = k > 0 ? readAll(in, k * k) : null;
        double[] idio = k > 0 ? readAll(in, n) : null;
        for (int i = 0; k == 0 && i < n; i++) {
            for (int j = 0; j < n; j++) {
                cov[i][j] = in.readDouble();
            }
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = in.readDouble();
        }
        boolean hasMu = in.readBoolean();
        String label = hasMu ? in.readUTF() : null;
        double c = hasMu ? in.readDouble() : 1.0;
        double[] mu = hasMu ? new double[n] : null;
        for (int i = 0; hasMu && i < n; i++) {
            mu[i] = in.readDouble();
        }
        // the whole message is read before anything is validated, so that a bad problem leaves the stream in step;
        // the matrix was validated by the problem it was written from, so only the O(n²) checks run again
        RiskBudgetProblem p = k > 0
                ? RiskBudgetProblem.of(FactorCovariance.ofRowMajor(n, k, loadings, factorCov, idio), b)
                : RiskBudgetProblem.ofValidated(cov, b);
        return hasMu ? p.withMeasure(RiskMeasure.of(mu, c, label)) : p;
    }

    static void writeTrial(DataOutputStream out, TrialRequest t) throws IOException {
        out.writeByte(TRIAL);
        out.writeUTF(text(t.solverId()));
        out.writeDouble(t.tolerance());
        out.writeInt(t.maxIterations());
        out.writeLong(t.timeLimitNanos());
        out.writeLong(t.watchdogNanos());
    }

    /** Reads the body of a {@link #TRIAL} message (after its type byte). */
    static TrialRequest readTrial(DataInputStream in) throws IOException {
        return new TrialRequest(in.readUTF(), in.readDouble(), in.readInt(), in.readLong(), in.readLong());
    }

    /**
     * Writes a {@link WorkerReply.Solved}, {@link WorkerReply.Threw} or (an external command killed by the worker)
     * {@link WorkerReply.TimedOut} reply. After it, once the trial's threads have had their grace, the worker writes
     * one boolean: whether it retires (a solver left a thread running; the worker exits and the next trial gets a
     * fresh JVM). The reply is not held up by that grace.
     */
    static void writeReply(DataOutputStream out, WorkerReply reply) throws IOException {
        if (reply instanceof WorkerReply.Solved s) {
            writeSolved(out, s);
        } else if (reply instanceof WorkerReply.TimedOut t) {
            writeTimedOut(out, t);
        } else {
            writeThrew(out, (WorkerReply.Threw) reply);
        }
    }

    private static void writeSolved(DataOutputStream out, WorkerReply.Solved s) throws IOException {
        out.writeByte(SOLVED);
        out.writeUTF(s.status().name());
        out.writeInt(s.iterations());
        out.writeDouble(s.residual());
        double[] w = s.weights();
        out.writeInt(w.length);
        for (double v : w) {
            out.writeDouble(v);
        }
        out.writeLong(s.nanos());
        out.writeUTF(text(s.message()));
        out.writeDouble(s.solverSeconds());
    }

    private static void writeTimedOut(DataOutputStream out, WorkerReply.TimedOut t) throws IOException {
        out.writeByte(TIMED_OUT);
        out.writeLong(t.nanos());
        out.writeUTF(text(t.message()));
    }

    private static void writeThrew(DataOutputStream out, WorkerReply.Threw t) throws IOException {
        out.writeByte(THREW);
        out.writeUTF(text(t.exception()));
        out.writeUTF(text(t.message()));
        out.writeBoolean(t.unsupported());
        out.writeBoolean(t.fatal());
        out.writeLong(t.nanos());
    }

    /** Reads one reply (type byte included); the retiring flag follows it. */
    static WorkerReply readReply(DataInputStream in) throws IOException {
        byte type = in.readByte();
        if (type == SOLVED) {
            SolveStatus status = SolveStatus.valueOf(in.readUTF());
            int iterations = in.readInt();
            double residual = in.readDouble();
            int n = in.readInt();
            if (n < 0 || n > 100_000) {
                throw new IOException("bad weight count " + n);
            }
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = in.readDouble();
            }
            long nanos = in.readLong();
            String message = in.readUTF();
            return new WorkerReply.Solved(status, w, iterations, residual, nanos, message, in.readDouble());
        }
        if (type == THREW) {
            return new WorkerReply.Threw(in.readUTF(), in.readUTF(), in.readBoolean(), in.readBoolean(), in.readLong());
        }
        if (type == TIMED_OUT) {
            return new WorkerReply.TimedOut(in.readLong(), in.readUTF());
        }
        throw new IOException("unexpected reply type " + type);
    }

    /** @return the text on one line, at most {@link #MAX_TEXT} characters */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        String one = s.strip().replaceAll("\\s*\\R\\s*", " | ");
        return one.length() <= MAX_TEXT ? one : one.substring(0, MAX_TEXT - 3) + "...";
    }
}

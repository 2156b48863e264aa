package io.paritybench.harness.external;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Side-by-side timing of our solvers (in this JVM, warm: {@code warmup} untimed solves, then the median of
 * {@code repeats} timed ones) and external peers (each times itself in-process the same way, told through
 * {@code PEER_WARMUP} and {@code PEER_REPEATS}; its self-reported median is used, never the command's wall time,
 * which is recorded apart). Rounds are interleaved: every round times every side once per problem, in an order
 * rotated by the round, so that drift of the machine hits all sides alike. Before the rounds every side solves the
 * problem once untimed (a probe, which also warms our code up); a side whose probe or measurement took longer than
 * {@link Settings#slowSeconds} per solve is measured with one solve and no warm-up in the rounds after it (such a
 * solve warms itself up; the CSV records the repeats of every measurement).
 */
final class PeerTiming {

    /** One side of the comparison. */
    record Side(String id, boolean ours) {
    }

    /** A problem of the timing grid. */
    record Problem(String label, int n, RiskBudgetProblem problem) {
    }

    /**
     * One timed measurement.
     *
     * @param seconds     the in-process median solve time (ours: measured here; peers: self-reported), NaN if none
     * @param wallSeconds peers: wall time of the command (start-up included); NaN for ours
     * @param residual    {@code max|RRC − b|} of the returned weights, recomputed here (NaN when there are none)
     * @param verdict     OK, CLAIMED_SUCCESS_BUT_INACCURATE, REPORTED_FAILURE:STATUS, INVALID_WEIGHTS, EXCEPTION or
     *                    TIMEOUT, judged as in the sweep
     * @param detail      a message (failure reason), or empty
     */
    record Measurement(String problem, int n, int round, String side, boolean ours, int repeats, double seconds,
                       double wallSeconds, double residual, String verdict, String detail) {
    }

    /**
     * How to time.
     *
     * @param tolerance the tolerance every side is given
     * @param warmup    untimed solves before the timed ones
     * @param repeats   timed solves per measurement (their median is the measurement)
     * @param watchdog  the longest one peer command may take (its process group is killed: TIMEOUT)
     * @param slowSeconds a solve slower than this is timed once, without warm-up, in later rounds
     */
    record Settings(double tolerance, int rounds, int warmup, int repeats, Duration watchdog, double slowSeconds) {
        Settings once() {
            return new Settings(tolerance, rounds, 0, 1, watchdog, slowSeconds);
        }
    }

    private PeerTiming() {
    }

    static List<Measurement> run(List<Problem> problems, List<Side> sides, Settings s, PrintStream log) {
        List<Measurement> out = new ArrayList<>();
        SolverOptions options = SolverOptions.defaults().withTolerance(s.tolerance())
                .withTimeLimit(s.watchdog());
        for (Problem p : problems) {
            java.util.Set<String> slow = new java.util.HashSet<>();
            // A probe: one untimed solve of every side, which also warms our solvers' code up; a slow side is
            // timed with one solve per round from the start.
            for (Side side : sides) {
                Measurement m = side.ours() ? ours(p, -1, side, options, s.once())
                        : peer(p, -1, side, ((ExternalSolver) ExternalSolvers.byId(side.id())).withEnvironment(
                        Map.of("PEER_WARMUP", "0", "PEER_REPEATS", "1")), options, s.once());
                if (!(m.seconds() <= s.slowSeconds()) && !m.verdict().equals("EXCEPTION")) {
                    slow.add(side.id());
                }
            }
            for (int r = 0; r < s.rounds(); r++) {
                for (int k = 0; k < sides.size(); k++) {
                    Side side = sides.get((k + r) % sides.size());
                    Settings here = slow.contains(side.id()) ? s.once() : s;
                    Map<String, String> env = Map.of("PEER_WARMUP", Integer.toString(here.warmup()),
                            "PEER_REPEATS", Integer.toString(here.repeats()));
                    Measurement m = side.ours() ? ours(p, r, side, options, here)
                            : peer(p, r, side, ((ExternalSolver) ExternalSolvers.byId(side.id())).withEnvironment(env),
                            options, here);
                    if (!(m.seconds() <= s.slowSeconds()) || !(m.wallSeconds() <= s.slowSeconds() * (1
                            + s.warmup() + s.repeats()) + 2)) {
                        slow.add(side.id());
                    }
                    out.add(m);
                    log.printf(java.util.Locale.ROOT, "peers: %s n=%d round %d %-20s %s %.3g s%n", p.label(), p.n(),
                            r + 1, side.id(), m.verdict(), m.seconds());
                }
            }
        }
        return out;
    }

    private static Measurement ours(Problem p, int round, Side side, SolverOptions options, Settings s) {
        RiskBudgetSolver solver = ExternalSolvers.byId(side.id());
        SolveResult last = null;
        for (int k = 0; k < s.warmup(); k++) {
            last = solver.solve(p.problem(), options);
        }
        double[] t = new double[s.repeats()];
        for (int k = 0; k < t.length; k++) {
            long start = System.nanoTime();
            last = solver.solve(p.problem(), options);
            t[k] = (System.nanoTime() - start) * 1e-9;
        }
        double[] w = last.weights();
        double residual = RiskMetrics.maxAbsBudgetError(p.problem(), w);
        String verdict = verdict(last.isSuccess(), last.status().name(), w, residual, p, s.tolerance());
        return new Measurement(p.label(), p.n(), round, side.id(), true, t.length, median(t), Double.NaN, residual,
                verdict,
                last.isSuccess() ? "" : last.message());
    }

    private static Measurement peer(Problem p, int round, Side side, ExternalSolver ext, SolverOptions options,
                                    Settings s) {
        ExternalRun run = ext.run(p.problem(), options, s.watchdog());
        double wall = run.wallNanos() * 1e-9;
        if (run instanceof ExternalRun.Failed f) {
            return new Measurement(p.label(), p.n(), round, side.id(), false, 0, Double.NaN, wall, Double.NaN,
                    "EXCEPTION", f.describe());
        }
        if (run instanceof ExternalRun.TimedOut t) {
            return new Measurement(p.label(), p.n(), round, side.id(), false, 0, Double.NaN, wall, Double.NaN,
                    "TIMEOUT", ExternalSolver.timeoutMessage(t));
        }
        ExternalRun.Answered a = (ExternalRun.Answered) run;
        double[] w = a.weights();
        double residual = w.length == p.n() && RiskMetrics.allFinite(w)
                ? RiskMetrics.maxAbsBudgetError(p.problem(), w) : Double.NaN;
        String verdict = verdict(a.claimsSuccess(), a.status(), w, residual, p, s.tolerance());
        return new Measurement(p.label(), p.n(), round, side.id(), false, a.repeats(), a.seconds(), wall, residual,
                verdict,
                a.claimsSuccess() ? "" : a.message());
    }

    /** @return the class of a result, as the sweep's classifier names it (without the reference-weight test) */
    static String verdict(boolean claimsSuccess, String status, double[] w, double residual, Problem p, double tol) {
        if (!claimsSuccess) {
            return "REPORTED_FAILURE:" + status;
        }
        if (w.length != p.n() || !RiskMetrics.allFinite(w) || !RiskMetrics.allPositive(w)) {
            return "INVALID_WEIGHTS";
        }
        return residual <= tol ? "OK" : "CLAIMED_SUCCESS_BUT_INACCURATE";
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}

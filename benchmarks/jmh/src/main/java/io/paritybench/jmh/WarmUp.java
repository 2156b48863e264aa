package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolverOptions;

/**
 * The warm-up by count of a trial, before JMH's warm-up by time: {@value #SOLVES} solves of the trial's problem, each
 * a {@link Probe} (daemon thread, abandoned if the solver ignores its time limit). The time cap is judged on the last
 * of them, a warm solve, not on the first solve of a JVM that is still compiling (which is 2–5× slower at n = 1000).
 *
 * <p>A configuration whose solves stay at or over the cap is given up after {@value #OVER_CAP_IN_A_ROW} such solves in
 * a row: by then the solver's loops have run for several cap-lengths and are compiled, and ten solves at the cap would
 * only spend time on a configuration that is not timed anyway. A solve that throws ends the warm-up at once.
 */
final class WarmUp {

    /** Warm-up solves per trial (per fork). */
    static final int SOLVES = 10;
    /** Solves at or over the cap in a row after which the configuration is judged over the cap. */
    static final int OVER_CAP_IN_A_ROW = 3;

    /**
     * @param judged       the outcome of the last warm-up solve, on which the configuration is judged
     * @param solves       warm-up solves run
     * @param firstSeconds wall time of the first (cold) solve
     * @param seconds      wall time of all warm-up solves
     */
    record Result(Probe.Outcome judged, int solves, double firstSeconds, double seconds) {
    }

    private WarmUp() {
    }

    static Result run(RiskBudgetSolver solver, RiskBudgetProblem problem, SolverOptions options, double capSeconds) {
        long t0 = System.nanoTime();
        Probe.Outcome last = null;
        double first = Double.NaN;
        int done = 0;
        int overInARow = 0;
        while (done < SOLVES) {
            last = Probe.run(solver, problem, options, capSeconds);
            done++;
            if (done == 1) {
                first = last.seconds();
            }
            if (last.verdict() == Verdict.OVER_TIME_CAP) {
                if (++overInARow >= OVER_CAP_IN_A_ROW || last.result() == null) {
                    break;
                }
            } else if (last.verdict() != Verdict.TIMED) {
                break;
            } else {
                overInARow = 0;
            }
        }
        return new Result(last, done, first, (System.nanoTime() - t0) * 1e-9);
    }
}

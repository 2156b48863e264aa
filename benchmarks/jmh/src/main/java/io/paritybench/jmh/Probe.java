package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One solve outside the measurement that decides whether a combination is timed. The solve runs on a daemon thread;
 * a solver that ignores its time limit is abandoned after {@code 2·cap + 10 s}, so one hang cannot stall a run.
 */
final class Probe {

    /**
     * @param verdict the decision
     * @param result  the probe's result, null when there is none (misuse, abandoned)
     * @param seconds wall time of the probe
     * @param message why, in a few words
     */
    record Outcome(Verdict verdict, SolveResult result, double seconds, String message) {
    }

    private Probe() {
    }

    /**
     * Not applicable means exactly that {@code supports(problem)} said no (the solver is then not run); anything the
     * solve throws, {@link IllegalArgumentException} included, and a null result are {@link Verdict#SOLVER_ERROR}
     * with the exception's class and message.
     */
    static Outcome run(RiskBudgetSolver solver, RiskBudgetProblem problem, SolverOptions options, double capSeconds) {
        if (!solver.supports(problem)) {
            return new Outcome(Verdict.NOT_APPLICABLE, null, 0, SolverPreamble.unsupported(solver, problem));
        }
        FutureTask<SolveResult> task = new FutureTask<>(() -> solver.solve(problem, options));
        Thread thread = new Thread(task, "probe-" + solver.id());
        thread.setDaemon(true);
        long t0 = System.nanoTime();
        thread.start();
        SolveResult r;
        try {
            r = task.get((long) ((2 * capSeconds + 10) * 1e9), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return new Outcome(Verdict.OVER_TIME_CAP, null, seconds(t0),
                    "no result after " + format(seconds(t0)) + " s; the solver ignores its time limit");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Outcome(Verdict.SOLVER_ERROR, null, seconds(t0),
                    cause.getClass().getName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing " + solver.id(), e);
        }
        double s = seconds(t0);
        if (r == null) {
            return new Outcome(Verdict.SOLVER_ERROR, null, s, "solve returned null");
        }
        if (r.status() == SolveStatus.TIME_LIMIT || s > capSeconds) {
            return new Outcome(Verdict.OVER_TIME_CAP, r, s, r.status() + " after " + format(s) + " s, "
                    + r.iterations() + " iterations, cap " + format(capSeconds) + " s");
        }
        return new Outcome(Verdict.TIMED, r, s, r.status().name());
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) * 1e-9;
    }

    private static String format(double s) {
        return String.format(java.util.Locale.ROOT, "%.3g", s);
    }
}

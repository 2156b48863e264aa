package io.paritybench.harness.trace;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverPreamble;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.trace.IterationRecorder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Traces one solver on one problem: {@code warmup} untraced solves (to warm the JIT), then up to {@code repeats}
 * traced solves with an {@link IterationRecorder} (fewer once they took {@value #REPEAT_BUDGET_SECONDS} s in total). The iterates are deterministic, so iteration k is the same point in
 * every repeat; its time is the median over the repeats that reached it. The residuals are computed afterwards,
 * outside the timed region, by the harness's own judge ({@link ConvergenceTest}, {@link RiskMetrics}) on the
 * recorder's copies of the first traced repeat. When the returned weights differ from the last reported iterate
 * (the reference rounds its double-double iterate; a library may return a point it did not report), a
 * {@link TracePoint.Kind#RESULT} point at the solve's end time is added.
 */
public final class Tracer {

    /**
     * The traced repeats stop early once they have taken this long in total (at least one always runs): a solve of
     * seconds has little timer noise, and the grid stays affordable.
     */
    public static final double REPEAT_BUDGET_SECONDS = 2.0;

    private final RiskBudgetProblem problem;
    private final double[] reference;
    private final SolverOptions options;
    private final int warmup;
    private final int repeats;
    private final int maxPoints;

    /**
     * @param reference the certified reference weights, or null
     * @param options   the solve options (no observer)
     * @param warmup    untraced solves first, ≥ 0
     * @param repeats   traced solves, ≥ 1
     * @param maxPoints bound on the points kept per solve
     */
    public Tracer(RiskBudgetProblem problem, double[] reference, SolverOptions options, int warmup, int repeats,
                  int maxPoints) {
        if (warmup < 0 || repeats < 1) {
            throw new IllegalArgumentException("need warmup >= 0 and repeats >= 1, got " + warmup + ", " + repeats);
        }
        this.problem = problem;
        this.reference = reference == null ? null : reference.clone();
        this.options = options;
        this.warmup = warmup;
        this.repeats = repeats;
        this.maxPoints = maxPoints;
    }

    /**
     * @return the trace; a solver whose {@code supports(problem)} declines gives {@link SolverTrace#cannot}, one
     *         that throws {@link SolverTrace#threw}
     */
    public SolverTrace trace(RiskBudgetSolver solver) {
        if (!solver.supports(problem)) {
            return SolverTrace.cannot(solver.id(), SolverPreamble.unsupported(solver, problem));
        }
        SolveResult untraced = null;
        try {
            for (int k = 0; k < warmup; k++) {
                untraced = solver.solve(problem, options);
            }
            List<List<IterationRecorder.Point>> runs = new ArrayList<>();
            double[] wall = new double[repeats];
            SolveResult traced = null;
            IterationRecorder recorder = new IterationRecorder(maxPoints);
            SolverOptions observed = options.withObserver(recorder);
            double total = 0;
            int done = 0;
            while (done < repeats && (done == 0 || total < REPEAT_BUDGET_SECONDS)) {
                recorder.start();
                traced = solver.solve(problem, observed);
                wall[done] = recorder.elapsedNanos() * 1e-9;
                total += wall[done];
                done++;
                runs.add(recorder.points());
            }
            wall = Arrays.copyOf(wall, done);
            if (untraced == null) {
                untraced = solver.solve(problem, options);
            }
            boolean same = Arrays.equals(traced.weights(), untraced.weights()) && traced.status() == untraced.status()
                    && traced.iterations() == untraced.iterations();
            List<TracePoint> points = judge(runs, traced, median(wall));
            return new SolverTrace(solver.id(), traced.status(), traced.message(), traced.iterations(), median(wall),
                    points, same, done);
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            return SolverTrace.threw(solver.id(), e);
        }
    }

    /** The judge, on the copies of the first repeat, with the median time of each iteration over the repeats. */
    private List<TracePoint> judge(List<List<IterationRecorder.Point>> runs, SolveResult result, double end) {
        Map<Integer, List<Double>> times = new HashMap<>();
        for (List<IterationRecorder.Point> run : runs) {
            for (IterationRecorder.Point p : run) {
                times.computeIfAbsent(p.iteration(), k -> new ArrayList<>()).add(p.elapsedNanos() * 1e-9);
            }
        }
        List<TracePoint> out = new ArrayList<>();
        double[] last = null;
        double previous = 0;
        for (IterationRecorder.Point p : runs.get(0)) {
            double[] w = p.weights();
            // medians over different subsets of repeats need not be monotone: keep the trace's times non-decreasing
            double t = Math.max(previous, median(times.get(p.iteration())));
            previous = t;
            out.add(point(p.iteration(), t, w, TracePoint.Kind.ITERATE));
            last = w;
        }
        double[] w = result.weights();
        if (last == null || !Arrays.equals(last, w)) {
            out.add(point(result.iterations(), Math.max(previous, end), w, TracePoint.Kind.RESULT));
        }
        return out;
    }

    private TracePoint point(int iteration, double seconds, double[] w, TracePoint.Kind kind) {
        boolean finite = RiskMetrics.allFinite(w);
        double abs = finite ? ConvergenceTest.residual(problem, w) : Double.NaN;
        double rel = finite ? RiskMetrics.maxRelBudgetError(problem, w) : Double.NaN;
        double wRel = finite && reference != null ? RiskMetrics.maxRelWeightError(w, reference) : Double.NaN;
        return new TracePoint(iteration, seconds, abs, rel, wRel, kind);
    }

    static double median(List<Double> xs) {
        double[] a = new double[xs.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = xs.get(i);
        }
        return median(a);
    }

    static double median(double[] xs) {
        double[] a = xs.clone();
        Arrays.sort(a);
        int m = a.length / 2;
        return a.length % 2 == 1 ? a[m] : 0.5 * (a[m - 1] + a[m]);
    }
}

package io.paritybench.harness.trace;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverPreamble;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.trace.IterationRecorder;
import io.paritybench.harness.external.ExternalRun;
import io.paritybench.harness.external.ExternalSolver;
import io.paritybench.harness.external.ExternalTrace;
import java.time.Duration;
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
        if (solver instanceof ExternalSolver ext) {
            return traceExternal(ext);
        }
        SolveResult untraced = null;
        try {
            for (int k = 0; k < warmup; k++) {
                untraced = solver.solve(problem, options);
            }
            List<List<Sample>> runs = new ArrayList<>();
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
                runs.add(samples(recorder.points(), done == 0));
                done++;
            }
            wall = Arrays.copyOf(wall, done);
            if (untraced == null) {
                untraced = solver.solve(problem, options);
            }
            boolean same = Arrays.equals(traced.weights(), untraced.weights()) && traced.status() == untraced.status()
                    && traced.iterations() == untraced.iterations();
            List<TracePoint> points = judge(runs, traced.weights(), traced.iterations(), median(wall));
            return new SolverTrace(solver.id(), traced.status(), traced.message(), traced.iterations(), median(wall),
                    points, same, done);
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            return SolverTrace.threw(solver.id(), e);
        }
    }

    /**
     * An external solver: its command runs up to {@code repeats} times (no untraced warm-up: each run is a new
     * process, and the command warms itself up if it wants to), and its optional {@code trace} of iterates
     * ({@link ExternalTrace}) is judged exactly as a built-in solver's copies: the iterates of the first run, each
     * at its median time over the runs. The times are the command's own ({@code seconds} in its trace and answer),
     * never the harness's wall time of the process, except for an answer with neither, whose one point is at the
     * median wall time (said in the note). A rejected trace is reported in the note, and only the result is shown.
     * A failed command is an exception, a command past its watchdog (twice the time limit plus 30 s) a
     * {@link SolveStatus#TIME_LIMIT} without points.
     */
    private SolverTrace traceExternal(ExternalSolver ext) {
        Duration limit = options.timeLimit();
        Duration watchdog = limit.isZero() ? Duration.ZERO : limit.multipliedBy(2).plusSeconds(30);
        List<ExternalRun.Answered> answers = new ArrayList<>();
        double total = 0;
        while (answers.size() < repeats && (answers.isEmpty() || total < REPEAT_BUDGET_SECONDS)) {
            ExternalRun run;
            try {
                run = ext.run(problem, options, watchdog);
            } catch (RuntimeException e) {
                return SolverTrace.threw(ext.id(), e);
            }
            if (run instanceof ExternalRun.Failed f) {
                return new SolverTrace(ext.id(), null, SolverTrace.EXCEPTION + ": " + f.describe(), 0, Double.NaN,
                        List.of(), true, 0);
            }
            if (run instanceof ExternalRun.TimedOut t) {
                return new SolverTrace(ext.id(), SolveStatus.TIME_LIMIT, ExternalSolver.timeoutMessage(t), -1,
                        t.wallNanos() * 1e-9, List.of(), true, answers.size() + 1,
                        "the command ran past its watchdog: no answer, no point");
            }
            ExternalRun.Answered a = (ExternalRun.Answered) run;
            answers.add(a);
            total += a.wallNanos() * 1e-9;
        }
        ExternalRun.Answered first = answers.get(0);
        SolveResult result = ext.toResult(first);
        if (first.weights().length != problem.n()) {
            return new SolverTrace(ext.id(), result.status(), result.message(), result.iterations(), Double.NaN,
                    List.of(), true, answers.size(), "INVALID_WEIGHTS: " + first.weights().length + " weights for n = "
                    + problem.n() + "; no point");
        }
        List<List<Sample>> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean same = true;
        for (ExternalRun.Answered a : answers) {
            same &= Arrays.equals(a.weights(), first.weights()) && a.status().equals(first.status());
            if (a.trace().valid()) {
                runs.add(externalSamples(a.trace(), runs.isEmpty()));
            }
        }
        double[] own = answers.stream().mapToDouble(ExternalRun.Answered::seconds).filter(Double::isFinite)
                .toArray();
        double end;
        if (!first.trace().valid()) {
            runs.clear();
            notes.add(first.trace().present() ? "its trace was rejected (" + first.trace().error()
                    + "): only its result is shown" : "its answer has no trace: only its result is shown");
        }
        if (own.length > 0) {
            end = median(own);
            notes.add("times are the command's own");
        } else if (!runs.isEmpty() && !runs.get(0).isEmpty()) {
            end = runs.get(0).get(runs.get(0).size() - 1).seconds();
            notes.add("times are the command's own");
        } else {
            end = median(answers.stream().mapToDouble(a -> a.wallNanos() * 1e-9).toArray());
            notes.add("no self-reported time: its point is at the command's wall time (process start included)");
        }
        if (!same) {
            notes.add("its runs returned different results");
        }
        List<TracePoint> points = judge(runs.isEmpty() ? List.of(List.of()) : runs, first.weights(),
                result.iterations(), end);
        return new SolverTrace(ext.id(), result.status(), result.message(), result.iterations(), end, points, true,
                answers.size(), String.join("; ", notes));
    }

    /**
     * One reported iterate, for the judge.
     *
     * @param iteration the solver's iteration number
     * @param seconds   its time since the solve started
     * @param weights   its weights, or null for the repeats after the first (only their times are used)
     */
    private record Sample(int iteration, double seconds, double[] weights) {
    }

    private static List<Sample> samples(List<IterationRecorder.Point> points, boolean withWeights) {
        List<Sample> out = new ArrayList<>(points.size());
        for (IterationRecorder.Point p : points) {
            out.add(new Sample(p.iteration(), p.elapsedNanos() * 1e-9, withWeights ? p.weights() : null));
        }
        return out;
    }

    private static List<Sample> externalSamples(ExternalTrace trace, boolean withWeights) {
        List<Sample> out = new ArrayList<>(trace.steps().size());
        for (ExternalTrace.Step s : trace.steps()) {
            out.add(new Sample(s.iteration(), s.seconds(), withWeights ? s.weights() : null));
        }
        return out;
    }

    /**
     * The judge, on the iterates of the first run, with the median time of each iteration over the runs; then the
     * returned weights as a {@link TracePoint.Kind#RESULT} point at {@code end} when they differ from the last
     * iterate.
     */
    private List<TracePoint> judge(List<List<Sample>> runs, double[] result, int resultIterations, double end) {
        Map<Integer, List<Double>> times = new HashMap<>();
        for (List<Sample> run : runs) {
            for (Sample p : run) {
                times.computeIfAbsent(p.iteration(), k -> new ArrayList<>()).add(p.seconds());
            }
        }
        List<TracePoint> out = new ArrayList<>();
        double[] last = null;
        double previous = 0;
        for (Sample p : runs.get(0)) {
            double[] w = p.weights();
            // medians over different subsets of repeats need not be monotone: keep the trace's times non-decreasing
            double t = Math.max(previous, median(times.get(p.iteration())));
            previous = t;
            out.add(point(p.iteration(), t, w, TracePoint.Kind.ITERATE));
            last = w;
        }
        if (last == null || !Arrays.equals(last, result)) {
            out.add(point(resultIterations, Math.max(previous, end), result, TracePoint.Kind.RESULT));
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

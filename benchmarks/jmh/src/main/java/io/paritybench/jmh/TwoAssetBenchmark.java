package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import io.paritybench.core.Solvers;
import io.paritybench.jmh.report.SideRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every solver on the n = 2 grid of {@link TwoAssetGrid}, against the closed form (ALGORITHMS.md §4.1): each invocation
 * solves the next problem of the grid, so the time is the mean over the grid. {@link SolveCounters} counts statuses
 * and residuals above the achievable one; the maxima of the errors, which JMH cannot aggregate, are written by the
 * trial's tear-down to the side file ({@link SideFile}): the largest relative weight error against the closed form (over
 * all solves and over converged ones), its ratio to the achievable one ({@code AccuracyTolerance.maxRelWeightError}),
 * the largest residual, and the problems where they occur.
 *
 * <p>The set-up solves every problem of the grid once, so the maxima cover the whole grid whatever the run length;
 * the bookkeeping of the timed invocations (a few comparisons) is inside the measured time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class TwoAssetBenchmark {

    /** Solver id ({@link Solvers#byId}); no default, {@code scripts/bench} passes every id on the class path. */
    @Param({})
    public String solver;

    /**
     * Tolerance on {@code max|RRC_i − b_i|}; named apart from {@code SolverBenchmark}'s {@code tol} so that a profile's
     * tolerance list does not loosen the accuracy comparison of this grid.
     */
    @Param({"1e-12"})
    public String gridTol;

    /** Time limit per solve in seconds. */
    @Param({"10"})
    public String cap;

    private RiskBudgetSolver target;
    private SolverOptions options;
    private TwoAssetGrid.Case[] cases;
    private double[] achievable;
    private double[] worstWeightError;
    private double[] worstConvergedWeightError;
    private double[] worstResidual;
    private long solves;
    private long failed;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        target = Solvers.byId(solver);
        double tolerance = Double.parseDouble(gridTol);
        options = SolverOptions.defaults().withTolerance(tolerance)
                .withTimeLimit(Duration.ofNanos((long) (Double.parseDouble(cap) * 1e9)));
        List<TwoAssetGrid.Case> grid = TwoAssetGrid.cases();
        int m = grid.size();
        cases = grid.toArray(new TwoAssetGrid.Case[0]);
        achievable = new double[m];
        worstWeightError = new double[m];
        worstConvergedWeightError = new double[m];
        worstResidual = new double[m];
        for (int i = 0; i < m; i++) {
            achievable[i] = Math.max(tolerance, cases[i].accuracy().maxAbsRrcError());
        }
        for (int i = 0; i < m; i++) {
            RiskBudgetProblem p = cases[i].problem();
            if (!target.supports(p)) {
                throw notTimed(Verdict.NOT_APPLICABLE, SolverPreamble.unsupported(target, p));
            }
            SolveResult r;
            try {
                r = target.solve(p, options);
            } catch (RuntimeException e) {
                throw notTimed(Verdict.SOLVER_ERROR, e.getClass().getName() + ": " + e.getMessage());
            }
            if (r == null) {
                throw notTimed(Verdict.SOLVER_ERROR, "solve returned null");
            }
            track(i, r);
        }
    }

    /** Writes the side record; @return the exception that ends the trial untimed. */
    private NotTimedException notTimed(Verdict verdict, String message) {
        SideFile.append(new SideRecord.TwoAsset(TwoAssetBenchmark.class.getSimpleName(), solver, gridTol, cap,
                verdict, message, null, null, null, null, null, null, null, null, null, null, null));
        return new NotTimedException(solver + " on two-asset problems: " + verdict.describe() + " (" + message + ")");
    }

    @Benchmark
    public SolveResult solve(SolveCounters counters) {
        int i = next;
        next = i + 1 == cases.length ? 0 : i + 1;
        SolveResult r = target.solve(cases[i].problem(), options);
        counters.record(r, achievable[i]);
        track(i, r);
        return r;
    }

    private void track(int i, SolveResult r) {
        solves++;
        double[] w = r.weights();
        double wrel = RiskMetrics.allFinite(w) ? RiskMetrics.maxRelWeightError(w, cases[i].reference()) : Double.NaN;
        worstWeightError[i] = worse(worstWeightError[i], wrel);
        if (r.isSuccess()) {
            worstConvergedWeightError[i] = worse(worstConvergedWeightError[i], wrel);
        } else {
            failed++;
        }
        worstResidual[i] = worse(worstResidual[i], r.residual());
    }

    /** NaN counts as the worst value. */
    private static double worse(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (cases == null || solves == 0) {
            return;
        }
        int wAll = argWorst(worstWeightError);
        int wConv = argWorst(worstConvergedWeightError);
        int res = argWorst(worstResidual);
        double ratio = 0;
        int ratioCase = 0;
        for (int i = 0; i < cases.length; i++) {
            double q = worstConvergedWeightError[i] / cases[i].accuracy().maxRelWeightError();
            if (Double.isNaN(q) || q > ratio) {
                ratio = q;
                ratioCase = i;
                if (Double.isNaN(q)) {
                    break;
                }
            }
        }
        SideFile.append(new SideRecord.TwoAsset(TwoAssetBenchmark.class.getSimpleName(), solver, gridTol, cap,
                Verdict.TIMED, null, cases.length, solves, failed, worstWeightError[wAll], cases[wAll].describe(),
                worstConvergedWeightError[wConv], cases[wConv].describe(), ratio, cases[ratioCase].describe(),
                worstResidual[res], cases[res].describe()));
    }

    private static int argWorst(double[] v) {
        int k = 0;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                return i;
            }
            if (v[i] > v[k]) {
                k = i;
            }
        }
        return k;
    }
}

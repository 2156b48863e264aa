package io.paritybench.ccd;

import io.paritybench.core.Deadline;
import io.paritybench.core.IterationObserver;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import io.paritybench.core.Solvers;
import io.paritybench.core.text.Numbers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hybrid of cyclical coordinate descent and Newton's method ({@code ccd-newton}): Choi–Chen CCD sweeps
 * (ALGORITHMS.md §6.4; {@link CcdKernel#sweepSpinu} followed by {@code y ← y/sqrt(y'Cy)}) while they contract fast,
 * then Spinu's damped Newton method (§6.2, the {@code newton} solver) from the CCD iterate. This is the hand-off
 * §6.4 recommends: CCD's first sweeps are cheap (2n² each) and remove the large errors, but its rate is
 * {@code 1 − O(1/κ_w)} per sweep, while Newton converges quadratically from a start near the solution, at
 * {@code n³/3} per factorisation.
 *
 * <p><b>When it switches</b> (checked after every sweep, on the residual {@code e_k = max_i |RRC_i − b_i|} of the
 * fresh {@code Cy}): the per-sweep contraction is estimated over the last {@value #WINDOW} sweeps as
 * {@code ρ = (e_k / e_{k−W})^{1/W}} (the RRC error is not monotone under CCD, so a single ratio is not used), and
 * the sweeps still needed are predicted as {@code ln(tol/e_k) / ln ρ} (infinite when {@code ρ ≥ 1}). CCD hands over
 * to Newton when that prediction exceeds {@code N = 20 + n/10} sweeps ({@link #newtonCostInSweeps}), the cost of a
 * warm-started Newton solve in sweep equivalents; equivalently, when ρ rises above the threshold
 * {@code (tol/e_k)^{1/N}}. It also hands over after a budget of
 * {@value #SWEEP_BUDGET} sweeps (ALGORITHMS.md §6.4: "switch to Newton after about 100 sweeps"), and when CCD
 * itself stops (stagnation or divergence). A problem that CCD solves before any of these is returned as CCD's
 * result. The counters {@code sweeps}, {@code switchedAfterSweeps} and {@code newtonIterations} and the message say
 * when and why it switched (with ρ and the prediction); Newton's own counters follow with the prefix
 * {@code newton} (e.g. {@code newtonFactorizations}).
 *
 * <p><b>Through core only.</b> The Newton phase is the solver registered as {@code newton}, found through
 * {@link Solvers#byId} and called through {@link RiskBudgetSolver#takeOver} with the CCD weights as its initial
 * point, the remaining iteration cap and this solve's deadline; nothing of the Newton module's internals is used.
 * Without it on the class path this solver supports no problem. The hand-off is cheap, since at n = 10 the whole
 * solve takes a few microseconds: the problem and options are checked once (this solve's
 * {@link SolverPreamble#begin}; {@code takeOver} repeats none of it and starts no second clock), one options record
 * is built for the phase, and the message is composed by concatenation ({@link Numbers#sci(double, int)}), not by
 * {@link java.util.Formatter}, which alone cost about 4 µs per solve.
 *
 * <p><b>Stopping and statuses.</b> CONVERGED only through the common test (CCD's {@link SolveResult#conclude}, or
 * Newton's, whose weights are returned unchanged); otherwise Newton's status (STAGNATED at the noise floor,
 * NUMERICAL_BREAKDOWN, TIME_LIMIT, MAX_ITERATIONS), or CCD's when the iteration cap or the time limit ends the solve
 * before the switch. The iteration count is sweeps plus Newton iterations, and the cap of the options bounds that
 * sum. Cost: 2n² per sweep, then Newton's (see {@code newton}).
 */
public final class CcdNewton implements RiskBudgetSolver {

    /** Solver id. */
    public static final String ID = "ccd-newton";
    /** The solver the hybrid hands over to. */
    static final String NEWTON = "newton";
    /** Sweeps over which the contraction is estimated. */
    static final int WINDOW = 4;
    /** The constant part of {@link #newtonCostInSweeps}. */
    static final int NEWTON_BASE_COST_IN_SWEEPS = 20;
    /** Sweeps after which CCD hands over to Newton whatever the contraction. */
    static final int SWEEP_BUDGET = 100;
    /** Newton's counter names, prefixed ({@link #prefixed}). */
    private static final ConcurrentHashMap<String, String> PREFIXED = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "cyclical coordinate descent (Choi-Chen) while it contracts fast, then Spinu's Newton from the CCD"
                + " iterate (ALGORITHMS.md 6.4 hand-off), on the correlation matrix";
    }

    /** @return dense volatility problems, when the {@code newton} solver is on the class path */
    @Override
    public boolean supports(RiskBudgetProblem problem) {
        return problem.measure().isVolatility() && !problem.isFactor() && Solvers.has(NEWTON);
    }

    @Override
    public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
        Deadline deadline = SolverPreamble.begin(this, problem, options);
        int cap = options.maxIterationsOr(CyclicalCoordinateDescent.DEFAULT_MAX_SWEEPS);
        int newtonCost = newtonCostInSweeps(problem.n());
        double tol = options.tolerance();
        double[] sigma = problem.volatilities();
        double[] b = CyclicalCoordinateDescent.normalisedBudgets(problem);
        CcdKernel k = new CcdKernel(problem, sigma, b,
                CyclicalCoordinateDescent.startingPoint(options.initialPoint(), sigma, b));
        rescale(k);
        IterateHistory history = new IterateHistory(k.y, CyclicalCoordinateDescent.STAGNATION_ULPS);
        double[] errors = new double[WINDOW + 1];
        int sweeps = 0;
        long matvecs = 1;
        String reason;
        while (true) {
            options.observe(sweeps, k.y, sigma);
            double err = k.maxAbsBudgetError();
            errors[sweeps % (WINDOW + 1)] = err;
            if (!Double.isFinite(err)) {
                reason = "CCD produced non-finite risk contributions";
                break;
            }
            if (err <= tol) {
                SolveResult r = ccdResult(problem, options, k, sigma, SolveStatus.CONVERGED, sweeps, matvecs + 1,
                        "tolerance met by CCD after " + sweeps + " sweeps, no switch to Newton");
                if (r.status() == SolveStatus.CONVERGED) {
                    return r;
                }
            }
            if (sweeps >= cap || deadline.passed()) {
                CyclicalCoordinateDescent.Stop stop = CyclicalCoordinateDescent.budgetStop(sweeps, cap, history, err,
                        deadline);
                SolveStatus status = stop != null ? stop.status() : SolveStatus.MAX_ITERATIONS;
                return ccdResult(problem, options, k, sigma, status, sweeps, matvecs + 1,
                        (stop != null ? stop.message() : "iteration cap reached") + " in the CCD phase");
            }
            if (history.quietSweeps() >= CyclicalCoordinateDescent.STAGNATION_SWEEPS) {
                reason = "CCD stagnated";
                break;
            }
            if (sweeps >= SWEEP_BUDGET) {
                reason = "sweep budget " + SWEEP_BUDGET + " reached at max|RRC-b| = " + Numbers.sci(err, 4);
                break;
            }
            if (sweeps >= WINDOW) {
                double rho = Math.pow(err / errors[(sweeps - WINDOW) % (WINDOW + 1)], 1.0 / WINDOW);
                double remaining = rho < 1 ? Math.log(tol / err) / Math.log(rho) : Double.POSITIVE_INFINITY;
                if (!(remaining <= newtonCost)) {
                    // composed by concatenation: java.util.Formatter would cost more than the sweeps at n = 10
                    reason = "per-sweep contraction " + Numbers.fixed(rho, 3) + " over the last " + WINDOW
                            + " sweeps predicts " + (Double.isFinite(remaining) ? Numbers.fixed(remaining, 0)
                            : "infinitely many") + " more sweeps to tol " + Numbers.sci(tol, 2) + " (> " + newtonCost
                            + ", Newton's cost in sweeps), at max|RRC-b| = " + Numbers.sci(err, 4);
                    break;
                }
            }
            k.sweepSpinu();
            sweeps++;
            // the sweep ends with Cy summed afresh from its own values (CcdKernel): no refresh needed
            rescale(k);
            if (!(k.maxEntry() <= CyclicalCoordinateDescent.MAX_ENTRY)) {
                reason = "CCD iterate diverging";
                break;
            }
            history.record(k.y);
        }
        return newtonPhase(problem, options, deadline, k, sigma, sweeps, matvecs, cap, reason);
    }

    /** Newton from the CCD iterate (or from its cold start when the CCD iterate is not usable). */
    private SolveResult newtonPhase(RiskBudgetProblem problem, SolverOptions options, Deadline deadline, CcdKernel k,
                                    double[] sigma, int sweeps, long matvecs, int cap, String reason) {
        double[] x = CyclicalCoordinateDescent.toCovarianceSpace(k.y, sigma);
        boolean usable = true;
        for (double v : x) {
            usable &= v > 0 && Double.isFinite(v);
        }
        // the options' cap bounds sweeps + Newton iterations; without one, Newton keeps its own default
        int left = options.maxIterations() > 0 ? cap - sweeps : 0;
        IterationObserver observer = offset(options, sweeps);
        SolverOptions phase = new SolverOptions(options.tolerance(), left, usable ? x : null, options.timeLimit(),
                observer);
        // the problem and options were checked once by this solve's preamble, and its clock goes on
        SolveResult newton = Solvers.byId(NEWTON).takeOver(problem, phase, deadline);
        Map<String, Long> counters = new LinkedHashMap<>(2 * (4 + newton.counters().size()));
        counters.put("sweeps", (long) sweeps);
        counters.put("switchedAfterSweeps", (long) sweeps);
        counters.put("newtonIterations", (long) newton.iterations());
        counters.put("matvecs", matvecs + newton.counter("matvecs"));
        for (Map.Entry<String, Long> e : newton.counters().entrySet()) {
            counters.put(prefixed(e.getKey()), e.getValue());
        }
        String message = "switched to newton after " + sweeps + " sweeps: " + reason
                + (usable ? "" : " (CCD iterate unusable: Newton from its cold start)") + "; newton: "
                + newton.message();
        return new SolveResult(ID, newton.weights(), newton.status(), sweeps + newton.iterations(),
                newton.residual(), counters, message);
    }

    /** Newton's counter names with the prefix {@code newton}, made once per name (e.g. {@code newtonMatvecs}). */
    private static String prefixed(String name) {
        return PREFIXED.computeIfAbsent(name,
                k -> NEWTON + Character.toUpperCase(k.charAt(0)) + k.substring(1));
    }

    /** The caller's observer with Newton's iterations numbered after the sweeps (Newton's start is not repeated). */
    private static IterationObserver offset(SolverOptions options, int sweeps) {
        IterationObserver outer = options.observer();
        if (outer == null) {
            return null;
        }
        return (iteration, nanoTime, iterate, divisor) -> {
            if (iteration > 0) {
                outer.onIteration(sweeps + iteration, nanoTime, iterate, divisor);
            }
        };
    }

    private SolveResult ccdResult(RiskBudgetProblem problem, SolverOptions options, CcdKernel k, double[] sigma,
                                  SolveStatus proposed, int sweeps, long matvecs, String message) {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("sweeps", (long) sweeps);
        counters.put("switchedAfterSweeps", 0L);
        counters.put("newtonIterations", 0L);
        counters.put("matvecs", matvecs);
        return SolveResult.conclude(ID, problem, options, CyclicalCoordinateDescent.toCovarianceSpace(k.y, sigma),
                proposed, sweeps, counters, message);
    }

    /**
     * The cost of a warm-started Newton solve in sweeps: about three factorisations of {@code n³/3} flops and ten
     * products with C, against a sweep of {@code 2n²} flops that streams C from memory twice; measured (random
     * spectrum, ERC, tol 1e-8, unlocked and indicative only): about 20 sweeps' worth at n = 10–100 and 120 at
     * n = 1000, where the blocked factorisation runs several times faster per flop than the memory-bound sweep.
     */
    static int newtonCostInSweeps(int n) {
        return NEWTON_BASE_COST_IN_SWEEPS + n / 10;
    }

    private static void rescale(CcdKernel k) {
        if (k.variance > 0 && Double.isFinite(k.variance)) {
            k.scale(1.0 / Math.sqrt(k.variance));
        }
    }
}

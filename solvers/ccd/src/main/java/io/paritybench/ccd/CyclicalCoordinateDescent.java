package io.paritybench.ccd;

import io.paritybench.core.Deadline;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMeasure;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Cyclical coordinate descent for risk budgeting (Griveau-Billion, Richard and Roncalli 2013, "A fast algorithm for
 * computing high-dimensional risk parity portfolios", arXiv:1311.4057; ALGORITHMS.md §6.4), in three variants:
 * <ul>
 *   <li>{@link Variant#GRR} ({@code ccd-grr}): the paper's coordinate update, eq. (4), for the volatility barrier
 *       {@code σ(y) − Σ b_i ln y_i} (§3.2): {@code y_i ← (−q_i + sqrt(q_i² + 4 b_i σ(y)))/2} with
 *       {@code q_i = Σ_{j≠i} C_ij y_j} and σ(y) updated after every coordinate;</li>
 *   <li>{@link Variant#SPINU} ({@code ccd-spinu}): exact coordinate minimisation of Spinu's (2013) log barrier
 *       {@code F(y) = ½ y'Cy − Σ b_i ln y_i} (§3.1): the positive root of {@code y_i² + q_i y_i − b_i = 0};</li>
 *   <li>{@link Variant#CHOI} ({@code ccd-choi}): the Spinu form followed, after every sweep, by the rescaling
 *       {@code y ← y / sqrt(y'Cy)} of Choi and Chen (2022, "Improved iterative methods for solving risk parity
 *       portfolio", J. Derivatives and Quantitative Studies 30(2)); at the solution {@code y'Cy = Σ b_i = 1}.</li>
 * </ul>
 * All three run on the correlation matrix C (ALGORITHMS.md §2.2 item 2) and map back with {@code x_i = y_i/σ_i}. The
 * roots are evaluated without cancellation ({@code 2β/(q + sqrt(q² + 4β))} when {@code q > 0}), so iterates stay
 * positive. Cold start {@code y_i = sqrt(b_i)} (exact for a diagonal Σ); a warm start
 * ({@link SolverOptions#initialPoint()}) is mapped to correlation space and scaled to {@code y'Cy = 1}.
 *
 * <p><b>Cost.</b> One coordinate update is O(n), one sweep n² multiply-adds over one pass over Σ: the kernel
 * ({@link CcdKernel}) reads the problem's own Σ once per sweep, row by row, and takes {@code (Cy)_i} from partial
 * sums that the rows already read add to (vectorised row updates, no dot product); C is never formed, and a solve
 * allocates O(n). At the end of a sweep
 * {@code Cy} holds the product of the final iterate, summed afresh from the sweep's own values (nothing is carried
 * over by rank-one updates, so there is no drift to correct with a second pass), and the test
 * {@code max_i |RRC_i − b_i| ≤ tol} is applied to it (RRC is scale-free and identical in correlation and covariance
 * space); when it passes, {@link SolveResult#conclude} applies the common test to the covariance-space weights, and
 * if rounding makes that verdict differ the sweeps go on.
 *
 * <p><b>When it is slow.</b> Spinu-form CCD is exact block minimisation of a strictly convex function with compact
 * level sets, so it converges (Tseng 2001; GRR Remark 2), but only linearly, with rate about
 * {@code 1 − O(1/κ_w)} per sweep (κ_w the conditioning of the weights, ALGORITHMS.md §2.4): it is fast on
 * well-conditioned problems (tens of sweeps for κ_w ≤ 100) and impractical beyond κ_w ≈ 1e4–1e5 (strongly hedged
 * portfolios, random spectra with κ(Σ) ≥ 1e6, factor models with tiny idiosyncratic risk), where it ends at the
 * sweep cap or stagnates.
 *
 * <p><b>Stopping</b> (checked between sweeps, in this order): the common test passes → CONVERGED; sweep cap
 * ({@link SolverOptions#maxIterationsOr}, default {@value #DEFAULT_MAX_SWEEPS}) → MAX_ITERATIONS; the maximum relative
 * change of the normalised iterate {@code w = y/1'y} below {@value #STAGNATION_ULPS}·u for {@value #STAGNATION_SWEEPS}
 * consecutive sweeps → STAGNATED, where the change of sweep k is the smaller of {@code max_i |w_i^k − w_i^{k−1}|/w_i^k}
 * and the same against {@code w^{k−2}} (at the rounding floor the iterates often settle into a two-cycle whose
 * one-sweep change is several u; the RRC error is not monotone under CCD and is not used for this); time limit →
 * TIME_LIMIT; a non-finite value or {@code max_i y_i} above {@value #MAX_ENTRY} (divergence, e.g. a singular C with a
 * non-negative null vector) → NUMERICAL_BREAKDOWN. Counters: {@code sweeps}, {@code coordinateUpdates},
 * {@code matvecs} (matrix–vector products besides the sweeps: the {@code Cy} of the starting point and the products
 * of Σ in the common test).
 *
 * <p><b>Other risk measures</b> ({@code R(w) = −μ'w + c σ(w)}, Gaussian VaR and expected shortfall, ALGORITHMS.md
 * §7): all three variants use the §7 update with σ frozen per coordinate and updated after it
 * ({@link CcdKernel#sweepMeasure}; the Spinu-form exact coordinate minimiser has no closed form once σ is not
 * squared), {@code ccd-choi} adding the rescaling to {@code R(y) = 1}; convergence is observed, not proved, when R is
 * positive on the orthant. {@link SolveStatus#NO_SOLUTION} when an iterate has {@code R ≤ 0} or diverges. A measure
 * with μ = 0 is volatility and takes the volatility path unchanged. Cost per sweep as above.
 */
public final class CyclicalCoordinateDescent implements RiskBudgetSolver {

    /** The coordinate update rule. */
    public enum Variant {
        /** Volatility form, Griveau-Billion, Richard and Roncalli (2013), eq. (4). */
        GRR("ccd-grr", "cyclical coordinate descent, volatility form (Griveau-Billion, Richard and Roncalli 2013,"
                + " eq. (4)), on the correlation matrix"),
        /** Exact coordinate minimisation of Spinu's log barrier. */
        SPINU("ccd-spinu", "cyclical coordinate descent, exact minimisation of Spinu's (2013) log barrier per"
                + " coordinate, on the correlation matrix"),
        /** Spinu form with Choi and Chen's (2022) rescaling after each sweep. */
        CHOI("ccd-choi", "cyclical coordinate descent, Spinu form with Choi and Chen (2022) rescaling"
                + " y <- y/sqrt(y'Cy) after each sweep, on the correlation matrix");

        private final String id;
        private final String description;

        Variant(String id, String description) {
            this.id = id;
            this.description = description;
        }

        /** @return the solver id of this variant */
        public String id() {
            return id;
        }
    }

    /** Default sweep cap. */
    public static final int DEFAULT_MAX_SWEEPS = 10_000;
    /** Stagnation threshold on the relative change of the normalised iterate, in units of u = 2^-53. */
    static final int STAGNATION_ULPS = 4;
    /** Consecutive sweeps below the stagnation threshold that stop the iteration. */
    static final int STAGNATION_SWEEPS = 5;
    /** Divergence guard on {@code max_i y_i} (the solution has {@code y'Cy = 1}). */
    static final double MAX_ENTRY = 1e16;

    /** Divergence guard of the measure path on {@code c σ(y)} (the solution has {@code R(y) = 1}). */
    static final double MEASURE_DIVERGENCE = 1e12;


    private final Variant variant;

    /** @param variant the update rule */
    public CyclicalCoordinateDescent(Variant variant) {
        this.variant = Objects.requireNonNull(variant, "variant");
    }

    /** @return the update rule */
    public Variant variant() {
        return variant;
    }

    @Override
    public String id() {
        return variant.id;
    }

    @Override
    public String description() {
        return variant.description;
    }

    @Override
    public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
        Deadline deadline = SolverPreamble.begin(this, problem, options);
        if (problem.isFactor()) {
            return FactorCcd.solve(this, problem, options, deadline);
        }
        if (!problem.measure().isVolatility()) {
            return solveMeasure(problem, options, deadline);
        }
        int n = problem.n();
        double[] start = options.initialPoint();
        int maxSweeps = options.maxIterationsOr(DEFAULT_MAX_SWEEPS);

        double[] sigma = problem.volatilities();
        double[] b = normalisedBudgets(problem);
        CcdKernel k = new CcdKernel(problem, sigma, b, startingPoint(start, sigma, b));
        if (start != null && k.variance > 0 && Double.isFinite(k.variance)) {
            k.scale(1.0 / Math.sqrt(k.variance));
        }
        long matvecs = 1;

        IterateHistory history = new IterateHistory(k.y, STAGNATION_ULPS);
        int sweeps = 0;
        SolveStatus proposed;
        String message;
        while (true) {
            options.observe(sweeps, k.y, sigma);
            double err = k.maxAbsBudgetError();
            if (!Double.isFinite(err)) {
                proposed = SolveStatus.NUMERICAL_BREAKDOWN;
                message = "non-finite relative risk contributions after " + sweeps + " sweeps";
                break;
            }
            if (err <= options.tolerance()) {
                // confirmed by the common test on the covariance-space weights; if rounding makes that fail, go on
                matvecs++;
                SolveResult r = result(problem, options, k.y, sigma, SolveStatus.CONVERGED, sweeps, matvecs,
                        String.format(Locale.ROOT, "tolerance met after %d sweeps", sweeps));
                if (r.status() == SolveStatus.CONVERGED) {
                    return r;
                }
            }
            Stop stop = budgetStop(sweeps, maxSweeps, history, err, deadline);
            if (stop != null) {
                proposed = stop.status();
                message = stop.message();
                break;
            }

            if (variant == Variant.GRR) {
                k.sweepVolatility();
            } else {
                k.sweepSpinu();
            }
            sweeps++;
            if (variant == Variant.CHOI && k.variance > 0 && Double.isFinite(k.variance)) {
                k.scale(1.0 / Math.sqrt(k.variance));
            }
            double largest = k.maxEntry();
            if (!(largest <= MAX_ENTRY)) {
                proposed = SolveStatus.NUMERICAL_BREAKDOWN;
                message = Double.isFinite(largest)
                        ? String.format(Locale.ROOT, "iterate diverging: max y_i = %.3e after %d sweeps", largest, sweeps)
                        : "non-finite iterate after " + sweeps + " sweeps";
                break;
            }
            history.record(k.y);
        }

        return result(problem, options, k.y, sigma, proposed, sweeps, matvecs + 1, message);
    }

    /** @return true: volatility and every measure {@code −μ'w + c σ(w)} (ALGORITHMS.md §7) */
    @Override
    public boolean supports(RiskMeasure measure) {
        return true;
    }

    /** @return dense problems with any measure; factor-form problems ({@link FactorCcd}) with volatility */
    @Override
    public boolean supports(RiskBudgetProblem problem) {
        return !problem.isFactor() || problem.measure().isVolatility();
    }

    /**
     * The §7 measure {@code R = −μ'w + c σ(w)}: sweeps of {@link CcdKernel#sweepMeasure} (the same update for all three
     * variants: σ enters the coordinate equation under a square root, so there is no exact coordinate minimiser of
     * the barrier in closed form and the GRR form with σ frozen per coordinate is the one that carries over);
     * {@code ccd-choi} rescales after each sweep to {@code R(y) = 1}, the value at the fixed point. Start as for
     * volatility, scaled to {@code R(y) = 1}. Stops as the volatility path, plus {@link SolveStatus#NO_SOLUTION} when
     * an iterate has {@code R(y) ≤ 0} (a certificate that R is not positive on the orthant) or
     * {@code c σ(y) > }{@value #MEASURE_DIVERGENCE} (divergence; {@code R = 1} at a solution).
     */
    SolveResult solveMeasure(RiskBudgetProblem problem, SolverOptions options, Deadline deadline) {
        int n = problem.n();
        int maxSweeps = options.maxIterationsOr(DEFAULT_MAX_SWEEPS);
        double[] sigma = problem.volatilities();
        double[] b = normalisedBudgets(problem);
        double c = problem.measure().multiplier();
        double[] mu = problem.measure().muOrZero(n);
        for (int i = 0; i < n; i++) {
            mu[i] /= sigma[i];
        }
        CcdKernel k = new CcdKernel(problem, sigma, b, startingPoint(options.initialPoint(), sigma, b));
        double r0 = k.risk(mu, c);
        if (r0 > 0 && Double.isFinite(r0)) {
            k.scale(1.0 / r0);
        }
        long matvecs = 1;
        IterateHistory history = new IterateHistory(k.y, STAGNATION_ULPS);
        int sweeps = 0;
        SolveStatus proposed;
        String message;
        while (true) {
            options.observe(sweeps, k.y, sigma);
            double risk = k.risk(mu, c);
            double scaleOfSigma = c * Math.sqrt(k.variance);
            if (!Double.isFinite(risk) || !Double.isFinite(scaleOfSigma)) {
                proposed = SolveStatus.NUMERICAL_BREAKDOWN;
                message = "non-finite risk after " + sweeps + " sweeps";
                break;
            }
            if (!(risk > 0)) {
                proposed = SolveStatus.NO_SOLUTION;
                message = String.format(Locale.ROOT, "no risk-budgeting portfolio for %s: the positive iterate after "
                        + "%d sweeps has R = %.3e <= 0 (c sigma = %.3e), so R is not positive on the orthant "
                        + "(c = %.4f does not exceed the long-only maximal Sharpe ratio)", problem.measure(), sweeps,
                        risk, scaleOfSigma, c);
                break;
            }
            if (scaleOfSigma > MEASURE_DIVERGENCE) {
                proposed = SolveStatus.NO_SOLUTION;
                message = String.format(Locale.ROOT, "no risk-budgeting portfolio for %s: the iterates diverge "
                        + "(c sigma(y) = %.3e against 1 at a solution, R = %.3e) after %d sweeps; R is not positive "
                        + "on the orthant, or within 1e-12 of not being so", problem.measure(), scaleOfSigma, risk,
                        sweeps);
                break;
            }
            double err = k.maxAbsBudgetError(mu, c);
            if (!Double.isFinite(err)) {
                proposed = SolveStatus.NUMERICAL_BREAKDOWN;
                message = "non-finite relative risk contributions after " + sweeps + " sweeps";
                break;
            }
            if (err <= options.tolerance()) {
                matvecs++;
                SolveResult r = result(problem, options, k.y, sigma, SolveStatus.CONVERGED, sweeps, matvecs,
                        String.format(Locale.ROOT, "tolerance met for %s after %d sweeps", problem.measure(), sweeps));
                if (r.status() == SolveStatus.CONVERGED) {
                    return r;
                }
            }
            Stop stop = budgetStop(sweeps, maxSweeps, history, err, deadline);
            if (stop != null) {
                proposed = stop.status();
                message = stop.message();
                break;
            }
            k.sweepMeasure(mu, c);
            sweeps++;
            if (variant == Variant.CHOI) {
                double rk = k.risk(mu, c);
                if (rk > 0 && Double.isFinite(rk)) {
                    k.scale(1.0 / rk);
                }
            }
            history.record(k.y);
        }
        return result(problem, options, k.y, sigma, proposed, sweeps, matvecs + 1, message);
    }

    /** Maps y to covariance space and applies the common test ({@link SolveResult#conclude}, one product of Σ). */
    SolveResult result(RiskBudgetProblem problem, SolverOptions options, double[] y, double[] sigma,
                               SolveStatus proposed, int sweeps, long matvecs, String message) {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("sweeps", (long) sweeps);
        counters.put("coordinateUpdates", (long) sweeps * y.length);
        counters.put("matvecs", matvecs);
        return SolveResult.conclude(id(), problem, options, toCovarianceSpace(y, sigma), proposed, sweeps, counters,
                message);
    }

    static double[] normalisedBudgets(RiskBudgetProblem p) {
        double[] b = p.budgets();
        double sum = 0;
        for (double v : b) {
            sum += v;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] /= sum;
        }
        return b;
    }

    /** Cold start {@code y_i = sqrt(b_i)}; warm start {@code y_i = σ_i x_i} (x first scaled to max 1). */
    static double[] startingPoint(double[] x, double[] sigma, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        if (x == null) {
            for (int i = 0; i < n; i++) {
                y[i] = Math.sqrt(b[i]);
            }
            return y;
        }
        double max = 0;
        for (double v : x) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < n; i++) {
            y[i] = sigma[i] * (x[i] / max);
        }
        return y;
    }

    static double[] toCovarianceSpace(double[] y, double[] sigma) {
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            x[i] = y[i] / sigma[i];
        }
        return x;
    }

    /** Why a run ends other than by convergence or a breakdown. */
    record Stop(SolveStatus status, String message) {
    }

    /** The sweep cap, the stagnation test and the deadline, in that order; null while none of them fires. */
    static Stop budgetStop(int sweeps, int maxSweeps, IterateHistory history, double err, Deadline deadline) {
        if (sweeps >= maxSweeps) {
            return new Stop(SolveStatus.MAX_ITERATIONS,
                    String.format(Locale.ROOT, "sweep cap %d reached, max|RRC-b| = %.3e", maxSweeps, err));
        }
        if (history.quietSweeps() >= STAGNATION_SWEEPS) {
            return new Stop(SolveStatus.STAGNATED, String.format(Locale.ROOT, "normalised iterate changed by less than"
                    + " %d u in each of the last %d sweeps (last: %.2e relative); max|RRC-b| = %.3e after %d sweeps",
                    STAGNATION_ULPS, STAGNATION_SWEEPS, history.lastChange(), err, sweeps));
        }
        if (deadline.passed()) {
            return new Stop(SolveStatus.TIME_LIMIT,
                    String.format(Locale.ROOT, "time limit after %d sweeps, max|RRC-b| = %.3e", sweeps, err));
        }
        return null;
    }
}

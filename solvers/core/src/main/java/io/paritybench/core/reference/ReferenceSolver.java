package io.paritybench.core.reference;
import io.paritybench.core.SolverPreamble;
import io.paritybench.core.Deadline;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.FactorCovariance;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.linalg.BlockCholesky;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reference solver (id {@value #ID}): the risk-budgeting weights correctly rounded to double, with a certificate
 * computed in extended precision (ALGORITHMS.md §5).
 *
 * <ol>
 *   <li>The double entries of Σ and b are taken as exact; {@code b̂ = b/Σb} in double-double arithmetic
 *       (≈ 106 bits).</li>
 *   <li>Spinu's damped Newton method on the log-barrier in correlation space, in double, to the double noise floor
 *       (Spinu 2013, Algorithm 1, Thm 3.3–3.4; ALGORITHMS.md §6.2). Per iteration n³/3 (Cholesky) + O(n²).</li>
 *   <li>Mixed-precision Newton refinement of {@code Σx = b̂ ⊘ x} in covariance space: residuals in double-double
 *       (Dot2 with {@link Math#fma}), corrections from a double Cholesky of the diagonally scaled Jacobian
 *       {@code C + diag(b̂ ⊘ (xσ)²)}, until the relative correction is below 2^-100 or stops contracting
 *       (each step gains about {@code 16 − log10 κ(J)} digits). Per step O(n²) double-double operations.</li>
 *   <li>Certification on the unrounded double-double solution: {@code RRC_i = x_i(Σx)_i/(x'Σx)} is evaluated in
 *       double-double and {@code max_i |RRC_i − b̂_i|} is reported (message and counter
 *       {@code certifiedResidualLog10}).</li>
 *   <li>{@code w = x/1'x} in double-double, each {@code w_i} rounded to the nearest double.</li>
 * </ol>
 *
 * <p><b>What it guarantees.</b> The solve is <em>certified</em> (counter {@code certified} = 1) when
 * (a) the last refinement correction, a first-order estimate of the relative forward error of the unrounded x, is
 * at most 2^-60 ≈ 8.7e-19 and (b) the extended-precision residual satisfies
 * {@code max_i |RRC_i − b̂_i| / b̂_i ≤ 2^-60}. Then each returned weight differs from the exact solution for the
 * stored double inputs by at most (1/2 + 2^-6) ulp: it is the correctly rounded value unless the exact value lies
 * within 1/64 ulp of a rounding midpoint, and always within one ulp. The bound on the forward error is an estimate
 * (Newton's correction with a double Jacobian), not an interval enclosure; it is reliable when
 * {@code κ(J)·u ≪ 1}, and the refinement fails (not certified) before that limit. The attainable accuracy of
 * the refinement is about {@code κ_w·n·2^-106} (ALGORITHMS.md §2.4), so certification fails only for weight
 * condition numbers beyond ≈ 1e12 at n = 1000.
 *
 * <p><b>Status.</b> Certified weights are returned exactly as rounded (they are not rescaled by
 * {@link SolveResult#conclude}, whose division by the rounded sum would move them by up to an ulp); the common
 * test ({@link ConvergenceTest}, double evaluation) is applied to them as {@code conclude} does: CONVERGED when it
 * passes, otherwise STAGNATED (the tolerance is below the double-evaluation floor of the exact answer, ALGORITHMS.md
 * §8.1). An uncertified solve is never CONVERGED: it reports the failing phase's status (STAGNATED at the noise
 * floor, MAX_ITERATIONS, TIME_LIMIT, NUMERICAL_BREAKDOWN) through {@code conclude}.
 *
 * <p>The iteration cap (default {@value #DEFAULT_MAX_ITERATIONS}) counts double Newton iterations plus refinement
 * steps; an initial point, if given, replaces the inverse-volatility start of the Newton phase. From n = 256 the
 * Newton phase starts after up to n/16 coordinate-descent sweeps ({@link CoordinateStart}, counter
 * {@code coordinateSweeps}, O(n²) each), which replace most of its damped steps. Cost: a few to about 35 Cholesky
 * factorisations of order n (n³/3 each) plus O(n²) double-double work per refinement step.
 *
 * <p><b>Other risk measures</b> ({@code R = −μ'w + c σ(w)}, ALGORITHMS.md §7): the weights are <em>not</em>
 * certified to the last bit (counter {@code certified} = 0). The solver runs a double-precision Newton method with
 * Armijo backtracking ({@link MeasureNewton}) to the noise floor, returns its weights (CONVERGED when the common
 * test passes) and certifies only the residual: {@code max_i |RC_i/R − b̂_i|} of the returned weights evaluated in
 * double-double, in the message and the counter {@code certifiedResidualLog10}. NO_SOLUTION when R is not positive
 * on the orthant (an iterate with {@code R ≤ 0}, or divergence).
 */
public final class ReferenceSolver implements RiskBudgetSolver {

    /** The solver id. */
    public static final String ID = "reference";
    /** Default cap on Newton iterations plus refinement steps. */
    public static final int DEFAULT_MAX_ITERATIONS = 500;
    /** Certification threshold on the relative forward-error estimate and the relative RRC residual. */
    public static final double CERTIFICATION_THRESHOLD = 0x1p-60;

    private static final int MAX_REFINEMENT_STEPS = 60;

    /** Tasks sharing each dense factorisation's trailing update; 1 for the registered (timed) solver. */
    private final int workers;

    /** The registered solver: every factorisation on the calling thread. */
    public ReferenceSolver() {
        this(1);
    }

    /**
     * A reference solver whose dense factorisations share their trailing update among {@code workers} tasks ({@link
     * BlockCholesky#factor(double[][], int, int)}): the same weights bit for bit, in less wall time at large n. For
     * the project's own certification (the generators); a timed solver is always {@link #ReferenceSolver()}.
     */
    public ReferenceSolver(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        this.workers = workers;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Reference: Spinu (2013) Newton in double, then double-double Newton refinement; certified, "
                + "correctly rounded weights";
    }

    /**
     * @return whether {@code r}, a result of this solver, is certified: its weights are the correctly rounded
     *         solution (the one reading of the {@code certified} counter, which the result files carry as a number)
     */
    public static boolean isCertified(SolveResult r) {
        return ID.equals(r.solverId()) && r.counter("certified") == 1L;
    }

    @Override
    public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
        Deadline deadline = SolverPreamble.begin(this, problem, options);
        if (problem.isFactor()) {
            return solveFactor(problem, options, deadline);
        }
        if (!problem.measure().isVolatility()) {
            return solveMeasure(problem, options, deadline);
        }
        int n = problem.n();
        double[] start = options.initialPoint();
        int cap = options.maxIterationsOr(DEFAULT_MAX_ITERATIONS);

        double[] vol = problem.volatilities();
        double[] sigma = new double[n * n];
        double[] corr = new double[n * n];
        flatten(problem, vol, sigma, corr);
        DoubleDouble[] bhat = normalisedBudgets(problem);
        ScaledBudgets scaled = ScaledBudgets.of(bhat);
        double minB = scaled.minB();
        double[] bs = scaled.bs();
        double s = scaled.sum();

        double[] y0 = new double[n];
        for (int i = 0; i < n; i++) {
            y0[i] = start == null ? 1.0 : start[i] * vol[i];
        }
        double yCy = 0;
        for (int i = 0; i < n; i++) {
            double r = 0;
            for (int j = 0; j < n; j++) {
                r += corr[i * n + j] * y0[j];
            }
            yCy += y0[i] * r;
        }
        double scale = Math.sqrt(s / yCy);
        for (int i = 0; i < n; i++) {
            y0[i] *= scale;
        }

        Map<String, Long> counters = new LinkedHashMap<>();
        CoordinateStart.Start warm = CoordinateStart.of(corr, n, bs, y0, deadline);
        counters.put("coordinateSweeps", (long) warm.sweeps());
        SpinuNewton.Outcome newton = SpinuNewton.run(corr, n, bs, warm.y(), cap, deadline, options, vol, workers);
        counters.put("newtonIterations", (long) newton.iterations());
        counters.put("dampedIterations", (long) newton.damped());
        double root = Math.sqrt(minB);
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = root * newton.y()[i] / vol[i];
        }
        if (newton.status() != SolveStatus.CONVERGED && newton.status() != SolveStatus.STAGNATED) {
            counters.put("refinementIterations", 0L);
            counters.put("factorizations", (long) newton.factorizations());
            counters.put("certified", 0L);
            return SolveResult.conclude(ID, problem, options, x0, newton.status(), newton.iterations(), counters,
                    newton.message());
        }

        return finish(problem, options, newton, new ExtendedRefinement(n, sigma, vol, corr, bhat, x0, workers), x0, cap,
                deadline, counters);
    }

    /**
     * Phases 2–4 (refinement, certification, rounding) after the double Newton phase, for either form.
     */
    private static SolveResult finish(RiskBudgetProblem problem, SolverOptions options, SpinuNewton.Outcome newton,
                                      ExtendedRefinement refinement, double[] x0, int cap, Deadline deadline,
                                      Map<String, Long> counters) {
        int steps = Math.min(MAX_REFINEMENT_STEPS, Math.max(0, cap - newton.iterations()));
        ExtendedRefinement.Outcome refined = steps == 0
                ? new ExtendedRefinement.Outcome(SolveStatus.MAX_ITERATIONS, "iteration cap reached before refinement")
                : refinement.refine(steps, deadline, options, newton.iterations());
        int iterations = newton.iterations() + refinement.iterations;
        counters.put("refinementIterations", (long) refinement.iterations);
        counters.put("factorizations", (long) (newton.factorizations() + refinement.factorizations));

        boolean usable = refinement.positive() && (refined.status() == SolveStatus.CONVERGED
                || refined.status() == SolveStatus.STAGNATED || refined.status() == SolveStatus.MAX_ITERATIONS);
        double[] cert = usable ? refinement.certify() : new double[] {Double.NaN, Double.NaN, 0};
        double forward = refinement.lastCorrection;
        boolean certified = usable && forward <= CERTIFICATION_THRESHOLD && cert[1] <= CERTIFICATION_THRESHOLD;
        counters.put("certified", certified ? 1L : 0L);
        if (usable && cert[0] >= 0) {
            counters.put("certifiedResidualLog10", (long) Math.ceil(Math.log10(Math.max(cert[0], Double.MIN_NORMAL))));
        }
        counters.put("forwardErrorLog10", Double.isFinite(forward) && forward >= 0
                ? (long) Math.ceil(Math.log10(Math.max(forward, Double.MIN_NORMAL))) : 0L);
        String summary = String.format(Locale.ROOT,
                "Newton %d (%d damped, %s), refinement %d (%s); extended max|RRC-b| = %.3e (relative %.3e), "
                        + "forward error estimate %.3e",
                newton.iterations(), newton.damped(), newton.message(), refinement.iterations, refined.message(),
                cert[0], cert[1], forward)
                + (cert[2] > 0 ? String.format(Locale.ROOT, "; %d asset(s) with a tiny budget and cancelling "
                        + "marginal risk judged against the double-double evaluation floor of RRC_i, not against b_i",
                        (long) cert[2]) : "");
        if (!certified) {
            SolveStatus proposed = refined.status() == SolveStatus.CONVERGED ? SolveStatus.STAGNATED : refined.status();
            double[] x = refinement.positive() ? refinement.xh.clone() : x0;
            return SolveResult.conclude(ID, problem, options, x, proposed, iterations, counters,
                    "not certified: " + summary);
        }
        double[] w = refinement.roundedWeights();
        double residual = ConvergenceTest.residual(problem, w);
        if (ConvergenceTest.passes(residual, options.tolerance())) {
            return new SolveResult(ID, w, SolveStatus.CONVERGED, iterations, residual, counters,
                    "certified, weights correctly rounded: " + summary);
        }
        return new SolveResult(ID, w, SolveStatus.STAGNATED, iterations, residual, counters, String.format(Locale.ROOT,
                "certified, weights correctly rounded, but their double-evaluated max|RRC-b| = %.3e exceeds tol %.1e "
                        + "(the double floor of the exact answer): %s", residual, options.tolerance(), summary));
    }

    /**
     * The volatility path for {@code Σ = BFB' + D} ({@link FactorReference}): the same phases and certificate
     * through the factor operator, O(nk²) per Newton iteration and O(nk) double-double work per refinement step,
     * no n×n array.
     */
    private SolveResult solveFactor(RiskBudgetProblem problem, SolverOptions options, Deadline deadline) {
        int n = problem.n();
        int cap = options.maxIterationsOr(DEFAULT_MAX_ITERATIONS);
        double[] start = options.initialPoint();
        double[] vol = problem.volatilities();
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) {
            inv[i] = 1.0 / vol[i];
        }
        FactorCovariance corr = problem.factor().scaled(inv);
        DoubleDouble[] bhat = normalisedBudgets(problem);
        ScaledBudgets scaled = ScaledBudgets.of(bhat);
        double minB = scaled.minB();
        double[] bs = scaled.bs();
        double s = scaled.sum();
        double[] y0 = new double[n];
        for (int i = 0; i < n; i++) {
            y0[i] = start == null ? 1.0 : start[i] * vol[i];
        }
        double[] cy = new double[n];
        corr.multiply(y0, cy);
        double yCy = 0;
        for (int i = 0; i < n; i++) {
            yCy += y0[i] * cy[i];
        }
        double scale = Math.sqrt(s / yCy);
        for (int i = 0; i < n; i++) {
            y0[i] *= scale;
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        SpinuNewton.Outcome newton = FactorReference.newton(corr, bs, y0, cap, deadline, options, vol);
        counters.put("newtonIterations", (long) newton.iterations());
        counters.put("dampedIterations", (long) newton.damped());
        double root = Math.sqrt(minB);
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = root * newton.y()[i] / vol[i];
        }
        if (newton.status() != SolveStatus.CONVERGED && newton.status() != SolveStatus.STAGNATED) {
            counters.put("refinementIterations", 0L);
            counters.put("factorizations", (long) newton.factorizations());
            counters.put("certified", 0L);
            return SolveResult.conclude(ID, problem, options, x0, newton.status(), newton.iterations(), counters,
                    newton.message());
        }
        return finish(problem, options, newton, new FactorReference.Refinement(problem.factor(), corr, vol, bhat, x0),
                x0, cap, deadline, counters);
    }

    /** @return dense problems with any measure; factor-form problems with volatility */
    @Override
    public boolean supports(RiskBudgetProblem problem) {
        return !problem.isFactor() || problem.measure().isVolatility();
    }

    /** @return true: volatility (certified) and the §7 measures (double Newton, extended-precision residual) */
    @Override
    public boolean supports(io.paritybench.core.RiskMeasure measure) {
        return true;
    }

    /** The §7 measure: {@link MeasureNewton} to the double floor, then the double-double residual certificate. */
    private SolveResult solveMeasure(RiskBudgetProblem problem, SolverOptions options, Deadline deadline) {
        int n = problem.n();
        int cap = options.maxIterationsOr(DEFAULT_MAX_ITERATIONS);
        double[] vol = problem.volatilities();
        double[] sigma = new double[n * n];
        double[] corr = new double[n * n];
        flatten(problem, vol, sigma, corr);
        DoubleDouble[] bhat = normalisedBudgets(problem);
        double minB = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minB = Math.min(minB, problem.budget(i));
        }
        double[] bs = new double[n];
        double[] mu = problem.measure().muOrZero(n);
        double[] muTilde = new double[n];
        double[] y0 = new double[n];
        double[] start = options.initialPoint();
        for (int i = 0; i < n; i++) {
            bs[i] = problem.budget(i) / minB;
            muTilde[i] = mu[i] / vol[i];
            y0[i] = start == null ? 1.0 : start[i] * vol[i];
        }
        double c = problem.measure().multiplier();
        MeasureNewton.Outcome out = MeasureNewton.run(corr, n, muTilde, c, bs, y0, cap, deadline, options, vol);
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("newtonIterations", (long) out.iterations());
        counters.put("dampedIterations", (long) out.damped());
        counters.put("factorizations", (long) out.factorizations());
        counters.put("certified", 0L);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = out.y()[i] / vol[i];
        }
        if (out.status() != SolveStatus.STAGNATED) {
            return SolveResult.conclude(ID, problem, options, x, out.status(), out.iterations(), counters,
                    problem.measure() + ": " + out.message());
        }
        SolveResult r = SolveResult.conclude(ID, problem, options, x, SolveStatus.STAGNATED, out.iterations(),
                counters, "");
        double cert = MeasureNewton.certify(sigma, n, mu, c, bhat, r.weights());
        Map<String, Long> withCert = new LinkedHashMap<>(r.counters());
        withCert.put("certifiedResidualLog10", (long) Math.ceil(Math.log10(Math.max(cert, Double.MIN_NORMAL))));
        return new SolveResult(ID, r.weights(), r.status(), r.iterations(), r.residual(), withCert,
                String.format(Locale.ROOT, "%s: double Newton to the noise floor (%d iterations, %d damped), not "
                        + "certified correctly rounded; extended-precision max|RC/R-b| of the returned weights = "
                        + "%.3e", problem.measure(), out.iterations(), out.damped(), cert));
    }

    /** Fills Σ and the correlation matrix C (exact unit diagonal) row-major. */
    private static void flatten(RiskBudgetProblem problem, double[] vol, double[] sigma, double[] corr) {
        int n = vol.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = problem.covariance(i, j);
                sigma[i * n + j] = v;
                corr[i * n + j] = i == j ? 1.0 : v / vol[i] / vol[j];
            }
        }
    }

    /** @return {@code b̂ = b / Σb} in double-double */
    private static DoubleDouble[] normalisedBudgets(RiskBudgetProblem problem) {
        int n = problem.n();
        DoubleDouble total = DoubleDouble.ZERO;
        for (int i = 0; i < n; i++) {
            total = total.add(problem.budget(i));
        }
        DoubleDouble[] bhat = new DoubleDouble[n];
        for (int i = 0; i < n; i++) {
            bhat[i] = DoubleDouble.of(problem.budget(i)).divide(total);
        }
        return bhat;
    }

    /** The budgets divided by their smallest (the log-barrier scaled by b_min), with that minimum and their sum. */
    private record ScaledBudgets(double minB, double[] bs, double sum) {
        static ScaledBudgets of(DoubleDouble[] bhat) {
            int n = bhat.length;
            double minB = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                minB = Math.min(minB, bhat[i].hi);
            }
            double[] bs = new double[n];
            double s = 0;
            for (int i = 0; i < n; i++) {
                bs[i] = bhat[i].hi / minB;
                s += bs[i];
            }
            return new ScaledBudgets(minB, bs, s);
        }
    }
}

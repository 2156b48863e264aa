package io.paritybench.ccd;

import io.paritybench.core.Deadline;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Cyclical coordinate descent accelerated by type-II Anderson mixing ({@code ccd-anderson}): Anderson acceleration
 * (Walker and Ni 2011, "Anderson acceleration for fixed-point iterations", SIAM J. Numer. Anal. 49(4), eq. (2.1);
 * for optimisation see Zhang, O'Donoghue and Boyd 2020, "Globally convergent type-I Anderson acceleration for
 * nonsmooth fixed-point iterations", SIAM J. Optim. 30(4); safeguarded here by Spinu's objective) of the Choi–Chen sweep map of ALGORITHMS.md §6.4:
 * {@code G(y)} = one Spinu-form CCD sweep ({@link CcdKernel#sweepSpinu}, exact coordinate minimisation of
 * {@code F(y) = ½ y'Cy − Σ b_i ln y_i}, §3.1) followed by the rescaling {@code y ← y / sqrt(y'Cy)} of Choi and Chen
 * (2022), the exact minimiser of F along the ray through y. The fixed point of G is the risk-budgeting solution.
 *
 * <p><b>Iteration k.</b> {@code g_k = G(y_k)}, {@code f_k = g_k − y_k}; with the last {@code m_k ≤ m} differences
 * {@code ΔF, ΔG} ({@link AndersonMixing}; memory m, by default n up to n = {@value #FULL_MEMORY_MAX_N} and
 * {@value #DEFAULT_MEMORY} above, see <b>Memory</b>),
 * {@code γ = argmin ‖f_k − ΔF γ‖₂} and the candidate {@code a = g_k + s}, {@code s = −ΔG γ}.
 *
 * <p><b>Safeguard.</b> Every step decreases Spinu's F against the plain sweep, so {@code F(y_{k+1}) ≤ F(G(y_k))} and
 * the method keeps the global convergence of plain CCD (each iteration decreases F at least as much as a sweep;
 * Tseng 2001). The candidate is <em>accepted</em> when it stays in the positive orthant and {@code F(a) < F(g_k)};
 * the F comparison is made in difference form, {@code F(g + s) − F(g) = ½ s'(C(g + s) + Cg) − Σ b_i log1p(s_i/g_i)},
 * accurate to a few digits of the difference itself, where the difference of two values of F would drown in the
 * rounding of F near the solution. {@code C s = −ΔCG γ} comes from the stored products, so no pass over C is
 * needed. The step is then taken to the minimiser of the convex {@code φ(t) = F(g_k + t s)} on the part of the line
 * inside the orthant (safeguarded Newton on {@code φ'}, O(n) per trial; the line-search safeguard of De Sterck's
 * N-GMRES, SIAM J. Sci. Comput. 34(5), 2012), which is at least as good as the candidate. A candidate that leaves
 * the orthant or does not decrease F, but along which F decreases from {@code g_k}, is <em>shortened</em> to that
 * minimiser. A direction along which F increases is <em>rejected</em>: {@code y_{k+1} = g_k}, the plain sweep. Every
 * accepted or shortened point is rescaled along its ray to {@code y'Cy = 1}, which decreases F again. The
 * memory is kept after a rejection: the difference columns are secant information of G, which a bad combination of
 * them does not invalidate, and restarting was measured to cost more sweeps (random spectrum, ERC, n = 1000,
 * κ = 1e6, tol 1e-8, two seeds: 651 sweeps on average with a restart after every rejection, one seed hitting the
 * time limit, against 312 without; random spectrum, ERC, n = 30, κ = 1e9, tol 1e-10, seeds 1–10, m = 5: the same 8 of 10
 * converge either way, in 15,890 sweeps in total without a restart and 20,129 with, and the other two reach the
 * sweep cap either way). At m = 5 a Tikhonov term in the least-squares problem ({@code 1e-10} or {@code 1e-6}
 * times {@code ‖R‖²_F}), weights {@code 1/g_i} or {@code sqrt(1 + b_i/g_i²)} in it, and a line search in both
 * directions of s converted neither of those two n = 30 failures; neither did a symmetric map G (a forward and a
 * backward sweep), which needed about twice the sweeps everywhere it was tried (n = 30, κ = 1e9: 5 of 10 converge;
 * n = 1000, κ = 1e6, tol 1e-8, seeds 1–3: 2,392 sweeps in total against 969).
 *
 * <p><b>Memory.</b> The memory length is what matters at small n. With m = n every difference column is kept and the
 * mixing is a full secant method on the sweep map (on its linearisation it terminates like GMRES); the least-squares
 * problem then costs {@code O(n³)} per iteration, which up to n = {@value #FULL_MEMORY_MAX_N} is no more wall time
 * than the sweeps it saves. Measured (random spectrum, ERC, tol 1e-10, seeds 1–10, total sweeps, m = 5 against
 * m = n): n = 10, κ = 1e6: 859 / 359, κ = 1e9: 14,563 (9 of 10 converge) / 1,101 (10 of 10); n = 20, κ = 1e9:
 * 19,329 (9 of 10) / 2,232 (10 of 10); n = 30, κ = 1e6: 4,208 / 1,306, κ = 1e9: 36,538 (8 of 10) / 7,151 (10 of 10),
 * in the same total wall time within noise. Above that the cost wins: at n = 50, κ = 1e9, m = 50 converges on 9 of 10
 * against 8 but takes 3.4× the time; at n = 100, κ = 1e9, m = 100 converges on 3 of 10 (time limit) against 9, and
 * m = 10, 20 or 30 leave it at 9 of 10; at n = 1000, κ = 1e6, tol 1e-8 m = 10 or 30 save under 10 % of the sweeps.
 * So the default is m = n up to n = {@value #FULL_MEMORY_MAX_N} and m = {@value #DEFAULT_MEMORY} above; a fixed m
 * is an option ({@link #AndersonCcd(int)}).
 *
 * <p><b>Stopping</b>: as {@link CyclicalCoordinateDescent}. The common test {@code max_i |RRC_i − b_i| ≤ tol} is
 * applied only to plain-sweep points {@code g_k}, whose {@code Cg_k} is recomputed from scratch after the sweep,
 * and a pass is confirmed on the covariance-space weights by {@link SolveResult#conclude}; the sweep cap (default
 * {@value CyclicalCoordinateDescent#DEFAULT_MAX_SWEEPS}), the iterate-change stagnation test of
 * {@link IterateHistory}, the time limit and the divergence guard are those of the other CCD variants.
 *
 * <p><b>Counters</b>: {@code sweeps}, {@code coordinateUpdates}, {@code matvecs}, {@code extrapolationsAccepted},
 * {@code extrapolationsShortened}, {@code extrapolationsRejected} (as defined above; the message repeats them),
 * {@code memory}.
 *
 * <p><b>Cost per iteration</b>: one sweep (n² multiply-adds) and the fresh {@code Cg} (one pass over C), as plain
 * CCD, plus {@code O(n m²)} for the least-squares problem and {@code O(n)} per line-search trial; memory {@code 3 m n} doubles beyond CCD's. Volatility
 * only, dense Σ only (a factor-form problem is refused by {@link #supports}): the §7 measure sweep is not an exact
 * minimiser of its barrier, so there is no F that every plain step
 * decreases to safeguard with.
 */
public final class AndersonCcd implements RiskBudgetSolver {

    /** Solver id. */
    public static final String ID = "ccd-anderson";
    /** Anderson memory m of the default solver above {@link #FULL_MEMORY_MAX_N}. */
    public static final int DEFAULT_MEMORY = 5;
    /**
     * Up to this n the default solver keeps every difference column, {@code m = n} (class comment: a full secant
     * method on the sweep map, at {@code O(n³)} per iteration, which at this size costs no more wall time than the
     * sweeps it saves).
     */
    public static final int FULL_MEMORY_MAX_N = 32;

    /** The memory m ≥ 1, or 0 for the size-dependent default ({@link #memoryFor}). */
    private final int memory;

    /** With the size-dependent default memory: m = n for n ≤ {@value #FULL_MEMORY_MAX_N}, else {@value #DEFAULT_MEMORY}. */
    public AndersonCcd() {
        this.memory = 0;
    }

    /** @param memory the Anderson memory m ≥ 1 (the number of difference columns), whatever n */
    public AndersonCcd(int memory) {
        if (memory < 1) {
            throw new IllegalArgumentException("Anderson memory must be >= 1, got " + memory);
        }
        this.memory = memory;
    }

    /** @return the Anderson memory used for a problem of dimension n */
    public int memoryFor(int n) {
        if (memory > 0) {
            return memory;
        }
        return n <= FULL_MEMORY_MAX_N ? Math.max(1, n) : DEFAULT_MEMORY;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "cyclical coordinate descent (Choi-Chen sweep map) with safeguarded type-II Anderson acceleration,"
                + (memory > 0 ? " memory " + memory : " memory n up to n = " + FULL_MEMORY_MAX_N + ", else "
                + DEFAULT_MEMORY) + " (Walker & Ni 2011), on the correlation matrix";
    }

    @Override
    public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
        Deadline deadline = SolverPreamble.begin(this, problem, options);
        double[] start = options.initialPoint();
        int maxSweeps = options.maxIterationsOr(CyclicalCoordinateDescent.DEFAULT_MAX_SWEEPS);
        double[] sigma = problem.volatilities();
        double[] b = CyclicalCoordinateDescent.normalisedBudgets(problem);
        CcdKernel k = new CcdKernel(problem, sigma, b, CyclicalCoordinateDescent.startingPoint(start, sigma, b));
        normalise(k);
        Run run = new Run(problem, options, k, sigma, b);
        return run.iterate(maxSweeps, deadline);
    }

    /** Rescales y to {@code y'Cy = 1} when that is finite. */
    private static void normalise(CcdKernel k) {
        if (k.variance > 0 && Double.isFinite(k.variance)) {
            k.scale(1.0 / Math.sqrt(k.variance));
        }
    }

    /** The state of one solve. */
    private final class Run {
        final RiskBudgetProblem problem;
        final SolverOptions options;
        final CcdKernel k;
        final double[] sigma;
        final double[] b;
        final int n;
        final AndersonMixing mix;
        final double[] x;
        final double[] f;
        final double[] s;
        final double[] cs;
        long matvecs = 1;
        long accepted;
        long shortened;
        long rejected;

        Run(RiskBudgetProblem problem, SolverOptions options, CcdKernel k, double[] sigma, double[] b) {
            this.problem = problem;
            this.options = options;
            this.k = k;
            this.sigma = sigma;
            this.b = b;
            this.n = k.n();
            this.mix = new AndersonMixing(n, memoryFor(n));
            this.x = new double[n];
            this.f = new double[n];
            this.s = new double[n];
            this.cs = new double[n];
        }

        SolveResult iterate(int maxSweeps, Deadline deadline) {
            IterateHistory history = new IterateHistory(k.y, CyclicalCoordinateDescent.STAGNATION_ULPS);
            int sweeps = 0;
            SolveStatus proposed;
            String message;
            while (true) {
                // k.y is the start or a plain-sweep point g, with Cy computed from scratch
                options.observe(sweeps, k.y, sigma);
                double err = k.maxAbsBudgetError();
                if (!Double.isFinite(err)) {
                    proposed = SolveStatus.NUMERICAL_BREAKDOWN;
                    message = "non-finite relative risk contributions after " + sweeps + " sweeps";
                    break;
                }
                if (err <= options.tolerance()) {
                    SolveResult r = result(SolveStatus.CONVERGED, sweeps, "tolerance met after " + sweeps
                            + " sweeps");
                    if (r.status() == SolveStatus.CONVERGED) {
                        return r;
                    }
                }
                CyclicalCoordinateDescent.Stop stop = CyclicalCoordinateDescent.budgetStop(sweeps, maxSweeps,
                        history, err, deadline);
                if (stop != null) {
                    proposed = stop.status();
                    message = stop.message();
                    break;
                }
                if (sweeps > 0) {
                    extrapolate();
                }
                System.arraycopy(k.y, 0, x, 0, n);
                k.sweepSpinu();
                sweeps++;
                // the sweep ends with Cy summed afresh from its own values (CcdKernel): no refresh needed
                normalise(k);
                double largest = k.maxEntry();
                if (!(largest <= CyclicalCoordinateDescent.MAX_ENTRY)) {
                    proposed = SolveStatus.NUMERICAL_BREAKDOWN;
                    message = Double.isFinite(largest)
                            ? String.format(Locale.ROOT, "iterate diverging: max y_i = %.3e after %d sweeps",
                            largest, sweeps)
                            : "non-finite iterate after " + sweeps + " sweeps";
                    break;
                }
                history.record(k.y);
            }
            return result(proposed, sweeps, message);
        }

        /**
         * With {@code k.y = g = G(x)}: records {@code f = g − x}, computes the Anderson candidate {@code g + s} and,
         * when s is a descent direction of F at g, moves {@code k.y} to the minimiser of F on the segment of the line
         * {@code g + t s} inside the orthant; otherwise keeps the plain sweep g.
         */
        private void extrapolate() {
            double[] g = k.y;
            for (int i = 0; i < n; i++) {
                f[i] = g[i] - x[i];
            }
            mix.record(f, g, k.cy);
            if (mix.columns() == 0 || !mix.extrapolate(f, s, cs)) {
                return;
            }
            // the full candidate: inside the orthant, and F(g + s) − F(g) = ½ s'(C(g + s) + Cg) − Σ b_i log1p(s_i/g_i)
            boolean inside = true;
            double quad = 0;
            double bar = 0;
            for (int i = 0; i < n; i++) {
                double ratio = s[i] / g[i];
                inside &= ratio > -1;
                quad += s[i] * (2 * k.cy[i] + cs[i]);
                bar += b[i] * Math.log1p(ratio);
            }
            boolean decreases = inside && 0.5 * quad - bar < 0;
            double t = lineMinimum(g);
            if (!(t > 0)) {
                rejected++;
                return;
            }
            if (decreases) {
                accepted++;
            } else {
                shortened++;
            }
            double v = 0;
            for (int i = 0; i < n; i++) {
                g[i] += t * s[i];
                k.cy[i] += t * cs[i];
                v += g[i] * k.cy[i];
            }
            k.variance = v;
            // the kernel's partial sums follow y only through a fresh product: one full pass over Σ (CcdKernel#refresh)
            k.refresh();
            matvecs++;
            normalise(k);
        }

        /**
         * The minimiser over {@code t > 0} of the convex {@code φ(t) = F(g + t s)} on the interval where
         * {@code g + t s > 0}, by safeguarded Newton on {@code φ'}; 0 when {@code φ'(0) ≥ 0}.
         */
        private double lineMinimum(double[] g) {
            double a = 0;
            double bq = 0;
            double hi = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                a += s[i] * k.cy[i];
                bq += s[i] * cs[i];
                if (s[i] < 0) {
                    hi = Math.min(hi, -g[i] / s[i]);
                }
            }
            double d0 = a - barrierSlope(g, 0);
            if (!(d0 < 0)) {
                return 0;
            }
            double lo = 0;
            double t = Math.min(1.0, 0.5 * hi);
            for (int it = 0; it < 50; it++) {
                double d1 = a + t * bq - barrierSlope(g, t);
                if (d1 < 0) {
                    lo = t;
                } else {
                    hi = t;
                }
                double d2 = bq + barrierCurvature(g, t);
                double next = t - d1 / d2;
                if (!(next > lo && next < hi)) {
                    next = hi == Double.POSITIVE_INFINITY ? 2 * t : 0.5 * (lo + hi);
                }
                if (Math.abs(next - t) <= 1e-6 * t) {
                    return next;
                }
                t = next;
            }
            return lo;
        }

        private double barrierSlope(double[] g, double t) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += b[i] * s[i] / (g[i] + t * s[i]);
            }
            return sum;
        }

        private double barrierCurvature(double[] g, double t) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double r = s[i] / (g[i] + t * s[i]);
                sum += b[i] * r * r;
            }
            return sum;
        }

        private SolveResult result(SolveStatus proposed, int sweeps, String message) {
            message = String.format(Locale.ROOT, "%s; extrapolations: %d accepted, %d shortened, %d rejected", message,
                    accepted, shortened, rejected);
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put("sweeps", (long) sweeps);
            counters.put("coordinateUpdates", (long) sweeps * n);
            counters.put("matvecs", matvecs + 1);
            counters.put("extrapolationsAccepted", accepted);
            counters.put("extrapolationsShortened", shortened);
            counters.put("extrapolationsRejected", rejected);
            counters.put("memory", (long) memoryFor(n));
            return SolveResult.conclude(ID, problem, options, CyclicalCoordinateDescent.toCovarianceSpace(k.y, sigma),
                    proposed, sweeps, counters, message);
        }
    }
}

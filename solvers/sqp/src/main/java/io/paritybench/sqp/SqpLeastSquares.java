package io.paritybench.sqp;

import io.paritybench.core.Deadline;
import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gauss–Newton sequential quadratic programming on the least-squares risk-parity model of Bai, Scheinberg &amp;
 * Tütüncü (2016), "Least-squares approach to risk parity in portfolio selection", Quantitative Finance 16(3),
 * 357–376 (ALGORITHMS.md §3.5, §6.3).
 *
 * <p><b>Model (the paper's, with the budget-normalised residual).</b> Variables {@code z = (y, θ)},
 * {@code min ½ Σ_i (y_i (Cy)_i / b_i − θ)²  s.t.  1'y = 1, y ≥ 0}. It is solved in correlation space
 * ({@code C = D^{-1/2} Σ D^{-1/2}}, {@code x_i = y_i / σ_i}, §2.2 item 2), which removes unequal volatilities from
 * the conditioning of the subproblems. Every risk-budgeting portfolio is a zero-residual global minimiser
 * ({@code θ = y'Cy / 1'b}), but the objective is non-convex and has spurious minimisers on the boundary of the
 * simplex (§3.5): for a hedging asset RRC_i is negative near {@code y_i = 0}, so the merit decreases towards it.
 *
 * <p><b>Iteration [reconstructed: the paper's model and abstract; the internals follow §6.3].</b> At {@code z_k}
 * the subproblem is the convex QP {@code min_d ½||r + J d||² + ½ τ_k ||d||²  s.t.  1'd_y = 0}, solved exactly as
 * its KKT system by one Cholesky factorisation of {@code J'J + τI} ({@link RegularisedKkt}); positivity is kept by
 * a fraction-to-boundary step {@code α = min(1, η min_{d_i<0} y_i/(−d_i))}, {@code η = 0.5} (a weight at most
 * halves per step), instead of the bound {@code y + d ≥ 0} inside the QP. The Levenberg–Marquardt parameter τ
 * follows the gain ratio {@code ρ = (f(z) − f(z + αd)) / (f(z) − ½||r + αJd||²)}: the step is accepted if
 * {@code ρ > 1e-4}; τ is divided by 10 if {@code ρ > 0.75}, by 3 if {@code ρ ≥ 0.25}, doubled if {@code ρ < 0.25},
 * and multiplied by 10 on rejection.
 *
 * <p><b>Why a direct KKT solve and not a QP solver (ojAlgo or Hipparchus).</b> The subproblem has a single equality
 * constraint, so without the bounds it is an (n+2)-dimensional KKT system that one Cholesky factorisation and two
 * triangular solves answer exactly — no inner iterations, no tolerances, deterministic. Putting {@code y + d ≥ 0}
 * into an active-set QP would let iterates land exactly on the boundary, where weights of 0 are not a valid
 * answer and the Gauss–Newton model loses the variable; the fraction-to-boundary rule keeps every iterate strictly
 * positive, which the result contract requires, and costs O(n).
 *
 * <p><b>Start.</b> {@link Start#DIAGONAL} ({@code sqp-ls}): the initial point of the options if given, otherwise
 * the diagonal solution {@code y_i ∝ sqrt(b_i)} (exact for diagonal Σ, §4.2). {@link Start#CCD}
 * ({@code sqp-ls-warm}): first cyclical coordinate descent (Choi–Chen form, §6.4) to {@code max|RRC − b| ≤ 1e-4}
 * (with the options' iteration cap as its sweep cap, CCD's own default otherwise), then the same iteration from
 * the CCD weights, whatever status CCD ended with — the fix recommended in
 * §6.3, item (2), which puts the start inside the basin of the solution. The result's iteration count is the SQP
 * iterations; the warm-up sweeps are the {@code ccdSweeps} counter.
 *
 * <p><b>Stopping, in this order, checked before every iteration.</b> The common test
 * ({@link ConvergenceTest}, on {@code x = y/σ} from a fresh Σx) → CONVERGED; the time limit → TIME_LIMIT; a
 * collapsed weight ({@code y_i ≤ 1e-8 max_j y_j} with {@code RRC_i < b_i}, §6.3 item (4)) → LOCAL_MINIMUM; no
 * progress for {@value #STALL_ITERATIONS} consecutive iterations (a step rejected, or a relative decrease of f
 * below {@code 1e-6}) → STAGNATED if the residual is within the double-precision floor
 * {@code 1e4 · canc · u · max b} (§2.4, §8), else LOCAL_MINIMUM (a stationary point of the least-squares merit
 * that is not a solution); the iteration cap (default {@value #DEFAULT_MAX_ITERATIONS}) → MAX_ITERATIONS. A
 * non-finite merit or a failed factorisation of a non-finite matrix → NUMERICAL_BREAKDOWN. LOCAL_MINIMUM is never
 * CONVERGED.
 *
 * <p><b>Iterations and trials.</b> An iteration is one linearisation: {@code J'J} and {@code J'r} are formed once at
 * each accepted point and kept while trial steps with growing τ are rejected there; a rejected trial refactors only
 * {@code J'J + τI}. The result's iteration count is the linearisations; the counters are {@code linearisations}
 * (the same number), {@code trialSteps} (every solve of the regularised system, accepted or not),
 * {@code factorizations} (one per trial), {@code rejectedSteps} (trials not accepted, a failed factorisation
 * included), {@code boundarySteps} (steps shortened by the fraction-to-boundary rule) and, for
 * {@code sqp-ls-warm}, {@code ccdSweeps}. The iteration cap bounds the linearisations; consecutive trials without
 * progress feed the stall test above. On the default sweep grid (tolerance 1e-10, 20 s per solve so that no time
 * limit interferes) this gives the same status on all 1,440 trials of both variants as counting every trial as an
 * iteration and re-linearising after each rejection; about 1 % of the old iterations were rejected trials.
 *
 * <p><b>Cost per iteration.</b> O(n³): forming {@code J'J} is {@code n³/2} flops, the Cholesky factorisation
 * {@code (n+1)³/6}; the residual, the model prediction and the common test are O(n²). Each further (rejected)
 * trial at the same point costs {@code (n+1)³/6 + O(n²)}. About 4–5 Newton steps (§6.2) per iteration; local
 * quadratic convergence (zero-residual Gauss–Newton).
 *
 * <p><b>Normal equations.</b> {@code J'J + τI} squares the condition of the RRC Jacobian. A QR factorisation of the
 * stacked {@code [J; √τ I]} (or an LU of the bordered KKT matrix with {@code J} itself) would avoid the squaring;
 * neither has been tried in this implementation, so how much of the warm-started variant's failures beyond
 * {@code kappa_w ≈ 4e7} (below) it would remove is not known.
 *
 * <p><b>Known failures [measured, §6.3].</b> From the cold start, hedged pairs, negative correlations, tiny
 * budgets and random spectra drift to a spurious boundary point (LOCAL_MINIMUM); warm-started, the most
 * ill-conditioned cases ({@code kappa_w ≳ 4e7}) still fail because the normal equations square the condition of
 * the RRC Jacobian. Measured with this implementation: on the bundled cases the cold start ends LOCAL_MINIMUM on
 * the three that hedge ({@code n2_rho-0.95_volratio50_b0.02}, {@code rs_n50_kappa1e4}, {@code rs_n200_kappa1e8},
 * cancellation factor ≥ 900) after 24–29 iterations and converges on the other eight in ≤ 8; on the random-spectrum
 * family (ERC, n = 5, 10, 20, seeds 1–8) it ends LOCAL_MINIMUM on 0/24 problems with κ(Σ) = 10, 4/24 with 1e2,
 * 9/24 with 1e3 and 14/24 with 1e6. The warm-started variant converges on all of them in 0–11 iterations (after
 * up to 10⁴ CCD sweeps on {@code rs_n200_kappa1e8}, where CCD does not reach 1e-4). For the plain long-only problem
 * the method is dominated by Newton on the log-barrier.
 */
public final class SqpLeastSquares implements RiskBudgetSolver {

    /** How the iteration is started. */
    public enum Start {
        /** The options' initial point, else the diagonal solution: {@code sqp-ls}. */
        DIAGONAL("sqp-ls"),
        /** A short CCD phase to {@code max|RRC − b| ≤ 1e-4} first: {@code sqp-ls-warm}. */
        CCD("sqp-ls-warm");

        private final String id;

        Start(String id) {
            this.id = id;
        }

        /** @return the solver id of this start */
        public String id() {
            return id;
        }
    }

    /** Default iteration cap. */
    public static final int DEFAULT_MAX_ITERATIONS = 500;
    /** Tolerance of the CCD warm-up phase on {@code max|RRC − b|}. */
    public static final double WARM_UP_TOLERANCE = 1e-4;
    /** Consecutive iterations without progress after which the iteration is declared stalled. */
    public static final int STALL_ITERATIONS = 10;

    static final double FRACTION_TO_BOUNDARY = 0.5;
    static final double COLLAPSE_RATIO = 1e-8;
    static final double MIN_RELATIVE_DECREASE = 1e-6;
    static final double ACCEPT_RATIO = 1e-4;
    static final double INITIAL_TAU = 1e-3;
    static final double MIN_TAU = 1e-15;
    static final double FLOOR_FACTOR = 1e4;
    static final double UNIT_ROUNDOFF = 0x1.0p-53;

    private final Start start;

    /** The cold-started solver, {@code sqp-ls}. */
    public SqpLeastSquares() {
        this(Start.DIAGONAL);
    }

    public SqpLeastSquares(Start start) {
        this.start = java.util.Objects.requireNonNull(start, "start");
    }

    @Override
    public String id() {
        return start.id();
    }

    @Override
    public String description() {
        return start == Start.DIAGONAL
                ? "Gauss-Newton SQP on the least-squares model with theta, LM regularised, diagonal start"
                  + " (Bai, Scheinberg & Tutuncu 2016; ALGORITHMS.md 6.3)"
                : "Gauss-Newton SQP on the least-squares model with theta after a CCD warm-up to 1e-4"
                  + " (Bai, Scheinberg & Tutuncu 2016; ALGORITHMS.md 6.3, recommended fix (2))";
    }

    /** The Gauss-Newton iterations are reported to the observer after the warm-up's sweeps (ALGORITHMS.md §6.3). */
    private static int warmSweeps(Map<String, Long> counters) {
        return counters.getOrDefault("ccdSweeps", 0L).intValue() + 1;
    }

    /** @return dense volatility problems; for {@code sqp-ls-warm} only when its CCD warm-up solver is on the class path */
    @Override
    public boolean supports(RiskBudgetProblem problem) {
        return problem.measure().isVolatility() && !problem.isFactor()
                && (start != Start.CCD || io.paritybench.core.Solvers.ids().contains(WarmUp.WARM_UP_SOLVER));
    }

    @Override
    public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
        Deadline deadline = SolverPreamble.begin(this, problem, options);
        double[] initial = options.initialPoint();
        Map<String, Long> counters = new LinkedHashMap<>();
        String prefix = "";
        if (start == Start.CCD) {
            WarmUp warm = WarmUp.run(problem, options, deadline);
            counters.put("ccdSweeps", (long) warm.sweeps());
            prefix = warm.message();
            initial = warm.weights();
        }
        double[] sigma = problem.volatilities();
        double[] y0 = new double[problem.n()];
        for (int i = 0; i < y0.length; i++) {
            y0[i] = initial != null ? initial[i] * sigma[i] : Math.sqrt(problem.budget(i));
        }
        if (start == Start.CCD && deadline.passed()) {
            double[] x = new double[y0.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = y0[i] / sigma[i];
            }
            return SolveResult.conclude(id(), problem, options, x, SolveStatus.TIME_LIMIT, 0, counters,
                    prefix + "; time limit reached during the CCD warm-up");
        }
        GaussNewtonRun run = new GaussNewtonRun(problem, options.tolerance(),
                options.maxIterationsOr(DEFAULT_MAX_ITERATIONS), deadline);
        GaussNewtonRun.Outcome out = run.iterate(y0, counters, options, start == Start.CCD ? warmSweeps(counters) : 0);
        String message = prefix.isEmpty() ? out.message() : prefix + "; " + out.message();
        return SolveResult.conclude(id(), problem, options, out.x(), out.status(), out.iterations(), counters,
                message);
    }
}

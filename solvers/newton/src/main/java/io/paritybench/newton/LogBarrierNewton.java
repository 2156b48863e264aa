package io.paritybench.newton;

import io.paritybench.core.Deadline;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMeasure;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;

/**
 * Spinu's damped Newton method on the log-barrier formulation of risk budgeting (F. Spinu, "An algorithm for
 * computing risk parity weights", SSRN 2297383, 2013; ALGORITHMS.md §3.1, §6.2).
 *
 * <p>The risk-budgeting portfolio is the normalised minimiser of the strictly convex
 * {@code F(y) = ½ y'Cy − Σ_i b_i ln y_i} (Spinu Thm 1.1; stationarity {@code y_i (Cy)_i = b_i}, i.e.
 * {@code Cy = b ⊘ y}), solved in correlation space ({@code C = D^{-1/2} Σ D^{-1/2}}, {@code x = y ⊘ σ}) with the
 * budgets rescaled so that {@code min b = 1}, which makes F self-concordant. Start {@code y⁰ = sqrt(S / 1'C1) · 1},
 * {@code S = Σ b_i} (so {@code y⁰'Cy⁰ = S}; the Choi–Chen guess of §6.2 was measured and not adopted: it saved
 * iterations on factor-model and vol-spread cases but cost 4 more on random spectra, 16 → 20 at n = 1000,
 * κ = 1e6, and 20 → 27 on rs_n200_kappa1e8), or the warm start of the options ({@code y = w ∘ σ} scaled to
 * {@code y'Cy = S}).
 *
 * <p>Iteration (ALGORITHMS.md §6.2; details in {@link SpinuIteration}): gradient {@code g = Cy − b ⊘ y}, Hessian
 * {@code H = C + diag(b ⊘ y²)}, Newton step {@code Δ = H⁻¹g} by Cholesky, decrement {@code λ = sqrt(g'Δ)},
 * {@code δ = max_i |Δ_i|/y_i}; damped step {@code y ← y − Δ/(1 + δ)} while {@code λ > λ* = 0.95 (3 − √5)/2}, full
 * step afterwards (guarded for positivity). Stops on the common residual test, on the §6.2 stagnation rule at the
 * noise floor (STAGNATED), at the iteration cap or at the time limit.
 *
 * <p>The Newton systems ({@link CholeskyDirection}): H changes only on its diagonal, so a Cholesky factor of an
 * earlier Hessian is an excellent preconditioner with a condition number ρ known in O(n). The factor is reused by
 * preconditioned CG while CG is predicted to reach the forcing term {@code min(1/2, sqrt(‖g‖_{M⁻¹}))} within
 * {@code n/30} iterations, and H is factorised afresh otherwise, or when an accurate step is needed to confirm
 * stagnation. A reused factor gives an inexact Newton step that is still a descent direction with
 * {@code g'Δ = Δ'HΔ}, so Spinu's damped-phase guarantee is unchanged; the steps near the solution are within
 * {@code η sqrt(ρ)} of exact and convergence stays superlinear (from a start near the solution: at most 3 steps).
 * The factorisation is the hand-written {@link BlockCholesky}, chosen by measurement: 19 ms at n = 1000 against
 * 87 ms for ojAlgo and 117 ms for EJML (single-threaded; its documentation has the table).
 *
 * <p>Guarantees (Spinu Thm 3.3–3.4): fewer than {@code 9.4 · S · ln(κ(C) n)} damped steps, then at most
 * {@code log₂ log₂(1/ε) + 2.6} quadratic steps; {@code ‖y_end − y*‖_C ≤ ε/(1 − ε)}. Observed (§6.2, §8.3): 1–34
 * iterations, 6–7 at κ(Σ) = 10, 14–18 at κ(Σ) = 1e6, 25–32 at 1e12; here 0–20 on the eleven shared cases, at
 * {@code w_rel ≤ 100 κ_w u}.
 *
 * <p>Cost per iteration: {@code n³/3} flops when H is factorised, otherwise {@code 4n²} per preconditioned CG
 * iteration; {@code O(n²)} for {@code Cy}; memory {@code n²} doubles (the factor; C is read from the problem's Σ). Measured (ERC, random spectrum
 * {@code Σ = Q diag(logspace(0, −log10 κ, n)) Q'}, tol 1e-10, one core, CPU time of a warmed-up JVM):
 * n = 1000, κ = 1e6: 105–118 ms, 18 iterations, 3 factorisations (about 55 % of the time), 39 PCG iterations
 * (about 25 %); a factorisation at every iteration would take 16 of them and 320 ms. n = 3000, κ = 1e4: 2.3 s
 * (2 factorisations of 0.67 s, 92 PCG iterations), where {@link TruncatedNewtonCg} needs 0.8 s.
 *
 * <p>Statuses: CONVERGED (common test passed), STAGNATED (the decrement reached the double-precision floor above the
 * requested tolerance), NUMERICAL_BREAKDOWN (Cholesky failure or a non-finite value), MAX_ITERATIONS (default cap
 * {@value #DEFAULT_MAX_ITERATIONS}), TIME_LIMIT. Counters: {@code dampedSteps}, {@code quadraticSteps},
 * {@code stepHalvings}, {@code factorizations}, {@code reusedFactorizations} (steps computed by PCG with an earlier
 * factor), {@code pcgIterations}, {@code pcgAbandoned} (PCG solves that missed the budget and were replaced by a
 * factorisation), {@code matvecs} (products with C).
 *
 * <p><b>Other risk measures</b> ({@code R(w) = −μ'w + c σ(w)}, Gaussian VaR and expected shortfall; ALGORITHMS.md
 * §7): Newton on {@code −μ̃'y + c σ(y) − Σ b_i ln y_i} with Armijo backtracking from the fraction-to-boundary step
 * ({@link MeasureIteration}; H formed explicitly and factorised by Cholesky at every iteration); {@link io.paritybench.core.SolveStatus#NO_SOLUTION} when an iterate has
 * {@code R ≤ 0} or the iterates diverge. A problem whose measure is volatility (μ = 0) takes the volatility path
 * above unchanged.
 */
public final class LogBarrierNewton implements RiskBudgetSolver {

    /** Solver id. */
    public static final String ID = "newton";
    /** Iteration cap when the options do not set one. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Damped Newton on the log-barrier in correlation space, Cholesky Newton system (Spinu 2013)";
    }

    /** @return true: volatility and every measure {@code −μ'w + c σ(w)} (ALGORITHMS.md §7) */
    @Override
    public boolean supports(RiskMeasure measure) {
        return true;
    }

    /** @return dense problems with any measure; factor-form problems with volatility (O(nk²) per iteration) */
    @Override
    public boolean supports(RiskBudgetProblem problem) {
        return !problem.isFactor() || problem.measure().isVolatility();
    }

    @Override
    public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
        Deadline deadline = SolverPreamble.begin(this, problem, options);
        if (!problem.measure().isVolatility()) {
            return MeasureIteration.run(ID, problem, options, false, DEFAULT_MAX_ITERATIONS);
        }
        return volatility(problem, options, deadline);
    }

    /**
     * A begun solve's later phase (e.g. {@code ccd-newton}'s): the volatility path runs against the caller's deadline
     * without a preamble of its own; the measure path is {@link #solve} with the time left.
     */
    @Override
    public SolveResult takeOver(RiskBudgetProblem problem, SolverOptions options, Deadline deadline) {
        if (!problem.measure().isVolatility()) {
            return RiskBudgetSolver.super.takeOver(problem, options, deadline);
        }
        return volatility(problem, options, deadline);
    }

    private static SolveResult volatility(RiskBudgetProblem problem, SolverOptions options, Deadline deadline) {
        return SpinuIteration.run(ID, problem, options,
                form -> form.factor != null ? new FactorNewtonSystem(form) : new CholeskyDirection(form),
                DEFAULT_MAX_ITERATIONS, deadline);
    }
}

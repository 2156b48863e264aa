package io.paritybench.newton;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMeasure;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.SolverPreamble;

/**
 * Spinu's damped Newton method on the log-barrier (F. Spinu 2013; ALGORITHMS.md §6.2) with the Newton system solved
 * matrix-free by Jacobi-preconditioned conjugate gradients: a truncated (inexact) Newton method in the sense of
 * Dembo, Eisenstat and Steihaug (1982).
 *
 * <p>Same outer iteration as {@link LogBarrierNewton} (see {@link SpinuIteration}: correlation space, budgets scaled to
 * {@code min b = 1}, start {@code y⁰ = sqrt(S / 1'C1) · 1}, damped step {@code 1/(1 + δ)} while {@code λ > λ*}, full
 * step guarded for positivity, the §6.2 stagnation rule, the common residual test). The direction
 * {@code Δ ≈ (C + diag(b ⊘ y²))⁻¹ (Cy − b ⊘ y)} comes from CG with preconditioner {@code diag(H) = 1 + b ⊘ y²},
 * stopped at the relative residual {@code η = min(1/2, ‖g‖_{M⁻¹})} ({@link ConjugateGradientDirection}). A truncated
 * CG direction is still a descent direction with {@code g'Δ = Δ'HΔ}, so Spinu's damped-phase decrease bound holds for
 * it. Before the stagnation rule may stop the iteration, the step that confirms it is computed to
 * {@code η = 1e-8} (or as far as CG gets within its cap), so that slow inexact steps are not mistaken for the noise
 * floor.
 *
 * <p>Cost per outer iteration: {@code 2n²} flops per CG iteration (one product with C) plus {@code O(n²)} for the
 * gradient; no {@code n³} factorisation; memory O(n) (the products read the problem's own Σ). The number of CG iterations grows with
 * {@code sqrt(κ(M⁻¹H))}, so this method wins for large n and moderate conditioning and loses on ill-conditioned
 * Hessians. Measured (ERC, random spectrum, tol 1e-10, one core, CPU time of a warmed-up JVM; {@code newton} in
 * brackets): κ = 1e4: n = 500 18 ms (23), n = 1000 51 ms (102), n = 2000 0.28 s (0.84), n = 3000 0.80 s, 15
 * iterations, 280 CG iterations (2.3 s); κ = 1e6: n = 500 48 ms (25), n = 1000 151 ms (105), n = 2000 1.07 s
 * (1.02), n = 3000 3.0 s (2.9), with 900–1300 CG iterations. So it beats {@code newton} from n ≈ 500 at κ = 1e4 and
 * only from n ≈ 2000–3000 at κ = 1e6. On rs_n200_kappa1e8 it needs 2600 CG iterations.
 *
 * <p>Statuses as {@link LogBarrierNewton}; a CG breakdown ({@code p'Hp ≤ 0}) on the first CG step is
 * NUMERICAL_BREAKDOWN. Counters: {@code dampedSteps}, {@code quadraticSteps}, {@code stepHalvings},
 * {@code cgIterations}, {@code cgCapReached} (solves stopped by the CG cap), {@code matvecs} (CG plus gradient
 * products with C).
 *
 * <p><b>Other risk measures</b> ({@code R(w) = −μ'w + c σ(w)}, Gaussian VaR and expected shortfall; ALGORITHMS.md
 * §7): Newton on {@code −μ̃'y + c σ(y) − Σ b_i ln y_i} with Armijo backtracking from the fraction-to-boundary step
 * ({@link MeasureIteration}; H applied matrix-free, Jacobi-preconditioned CG); {@link io.paritybench.core.SolveStatus#NO_SOLUTION} when an iterate has
 * {@code R ≤ 0} or the iterates diverge. A problem whose measure is volatility (μ = 0) takes the volatility path
 * above unchanged.
 */
public final class TruncatedNewtonCg implements RiskBudgetSolver {

    /** Solver id. */
    public static final String ID = "newton-cg";
    /** Outer iteration cap when the options do not set one. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Damped Newton on the log-barrier, Newton system by Jacobi-preconditioned CG "
                + "(Spinu 2013; inexact Newton)";
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
        SolverPreamble.begin(this, problem, options);
        if (!problem.measure().isVolatility()) {
            return MeasureIteration.run(ID, problem, options, true, DEFAULT_MAX_ITERATIONS);
        }
        return SpinuIteration.run(ID, problem, options, ConjugateGradientDirection::new, DEFAULT_MAX_ITERATIONS);
    }
}

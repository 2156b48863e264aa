package io.paritybench.newton;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;

/**
 * Spinu's damped Newton method on the log-barrier (F. Spinu 2013; ALGORITHMS.md §6.2) with the Newton system solved
 * matrix-free by Jacobi-preconditioned conjugate gradients: a truncated (inexact) Newton method in the sense of
 * Dembo, Eisenstat and Steihaug (1982).
 *
 * <p>Same outer iteration as {@link LogBarrierNewton} (see {@link SpinuIteration}: correlation space, budgets scaled to
 * {@code min b = 1}, damped step {@code 1/(1 + δ)} while {@code λ > λ*}, full step guarded for positivity, the §6.2
 * stagnation rule, the common residual test). The direction {@code Δ ≈ (C + diag(b ⊘ y²))⁻¹ (Cy − b ⊘ y)} comes
 * from CG with preconditioner {@code diag(H) = 1 + b ⊘ y²}, stopped at the relative preconditioned residual
 * {@code η = min(0.5, sqrt(λ_prev))} ({@link ConjugateGradientDirection}). A truncated CG direction is still a
 * descent direction with {@code g'Δ = Δ'HΔ}, so Spinu's damped-phase decrease bound holds for it.
 *
 * <p>Cost per outer iteration: {@code 2n²} flops per CG iteration (one product with C) plus {@code O(n²)} for the
 * gradient and the common residual test; no {@code n³} factorisation, memory {@code n²} doubles. The number of CG
 * iterations grows with {@code sqrt(κ(M⁻¹H))}, so this method wins over the Cholesky version for large n and
 * moderate conditioning, and loses on very ill-conditioned Hessians.
 *
 * <p>Statuses as {@link LogBarrierNewton}; a CG breakdown on the first CG step is NUMERICAL_BREAKDOWN. Counters:
 * {@code cgIterations}, {@code matvecs} (CG plus gradient products), {@code cgCapReached}, {@code dampedSteps},
 * {@code quadraticSteps}, {@code stepHalvings}.
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
        return "Damped Newton on the log-barrier, Newton system by Jacobi-preconditioned CG (Spinu 2013; inexact Newton)";
    }

    @Override
    public SolveResult solve(RiskBudgetProblem problem, SolverOptions options) {
        if (!supports(problem.measure())) {
            throw new IllegalArgumentException(ID + " handles the volatility risk measure only, got "
                    + problem.measure());
        }
        return SpinuIteration.run(ID, problem, options, ConjugateGradientDirection::new, DEFAULT_MAX_ITERATIONS);
    }
}

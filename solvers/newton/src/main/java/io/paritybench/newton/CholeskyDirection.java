package io.paritybench.newton;

import io.paritybench.core.Deadline;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.linalg.BlockCholesky;
import java.util.Map;

/**
 * The Newton direction of {@link LogBarrierNewton}: a Cholesky factorisation {@code H_ref = C + diag(d_ref) = U'U}
 * ({@link BlockCholesky}, {@code n³/3} flops), reused while the Hessian stays close to it.
 *
 * <p>Only the diagonal of {@code H = C + diag(d)} changes between iterations, so for {@code x ≠ 0}
 * {@code x'Hx / x'H_ref x} lies in {@code [min(1, min_i d_i/d_ref,i), max(1, max_i d_i/d_ref,i)]}: the condition number
 * ρ of {@code H_ref⁻¹H} is known in O(n) before any work. When conjugate gradients preconditioned by the old factor
 * ({@code 4n²} flops per iteration: one product with C, two triangular solves) are predicted by the CG bound
 * {@code 2 sqrt(ρ) ((√ρ − 1)/(√ρ + 1))^k} to reach the forcing term {@code η = min(1/2, sqrt(‖g‖_{M⁻¹}))}
 * (superlinear: Dembo, Eisenstat and Steihaug 1982) within {@link #pcgBudget} iterations, the direction is computed
 * that way; otherwise, or when they do not, H is factorised afresh and solved directly (the inverse is never
 * formed: Griveau-Billion, Richard and Roncalli 2013, Remark 4). The H-norm error of a preconditioned solve stopped
 * at relative residual η is at most {@code η sqrt(ρ)}, which decides whether it counts as accurate.
 */
final class CholeskyDirection implements NewtonDirection {

    private final CorrelationForm form;
    private final double[][] u;
    private final double[] dRef;
    private final PreconditionedCg cg;
    private final int budget;
    private boolean factored;
    private boolean accurate;
    private long factorizations;
    private long reused;
    private long pcgIterations;
    private long abandoned;

    CholeskyDirection(CorrelationForm form) {
        this.form = form;
        int n = form.n;
        this.u = new double[n][n];
        this.dRef = new double[n];
        this.cg = new PreconditionedCg(form);
        this.budget = pcgBudget(n);
    }

    /**
     * Preconditioned CG iterations allowed before refactorising, {@code max(2, n/30)}. Measured break-even: a PCG
     * iteration costs 0.7–0.9 ms against 19 ms for a factorisation at n = 1000 (about n/25) and about 10 ms against
     * 0.67 s at n = 3000 (about n/45); budgets of n/60 and n/100 were no faster (ERC, random spectrum, κ = 1e4 and
     * 1e6). The prediction is a worst-case bound: in those runs no PCG solve that was started missed the budget.
     */
    static int pcgBudget(int n) {
        return Math.max(2, n / 30);
    }

    @Override
    public Failure solve(double[] d, double[] g, double[] delta, double gradNorm, boolean wantAccurate,
                         Deadline deadline) {
        double eta = Math.min(ETA_MAX, Math.sqrt(gradNorm));
        int n = form.n;
        if (factored) {
            double lo = 1;
            double hi = 1;
            for (int i = 0; i < n; i++) {
                double ratio = d[i] / dRef[i];
                lo = Math.min(lo, ratio);
                hi = Math.max(hi, ratio);
            }
            double rho = hi / lo;
            double sqrtRho = Math.sqrt(rho);
            double target = wantAccurate ? Math.min(eta, ACCURATE / sqrtRho) : eta;
            double contraction = (sqrtRho - 1) / (sqrtRho + 1);
            double predicted = contraction <= 0 ? 1 : Math.log(target / (2 * sqrtRho)) / Math.log(contraction);
            if (Double.isFinite(rho) && predicted <= budget) {
                PreconditionedCg.Outcome outcome = cg.solve(d, g, delta, this::applyFactor, target, budget, deadline);
                pcgIterations += cg.iterations;
                if (outcome == PreconditionedCg.Outcome.TIME_LIMIT) {
                    return new Failure(SolveStatus.TIME_LIMIT, "time limit reached inside conjugate gradients");
                }
                if (outcome == PreconditionedCg.Outcome.CONVERGED) {
                    reused++;
                    accurate = target * sqrtRho <= ACCURATE;
                    return null;
                }
                abandoned++;
            }
        }
        for (int i = 0; i < n; i++) {
            form.upperRow(i, u[i]);
            u[i][i] += d[i];
        }
        factorizations++;
        factored = false;
        int pivot = BlockCholesky.factor(u, n);
        if (pivot >= 0) {
            return new Failure(SolveStatus.NUMERICAL_BREAKDOWN, "Cholesky factorisation of the Newton system failed "
                    + "at pivot " + (pivot + 1) + " (Hessian not numerically positive definite)");
        }
        factored = true;
        BlockCholesky.mirror(u, n);
        System.arraycopy(d, 0, dRef, 0, n);
        System.arraycopy(g, 0, delta, 0, n);
        BlockCholesky.solveMirrored(u, n, delta);
        accurate = true;
        return null;
    }

    private void applyFactor(double[] r, double[] z) {
        System.arraycopy(r, 0, z, 0, r.length);
        BlockCholesky.solveMirrored(u, form.n, z);
    }

    @Override
    public boolean lastWasAccurate() {
        return accurate;
    }

    @Override
    public void addCounters(Map<String, Long> counters) {
        counters.put("factorizations", factorizations);
        counters.put("reusedFactorizations", reused);
        counters.put("pcgIterations", pcgIterations);
        counters.put("pcgAbandoned", abandoned);
        counters.put("matvecs", pcgIterations);
    }
}

package io.paritybench.newton;

import io.paritybench.core.Deadline;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.WoodburySolver;
import java.util.Map;

/**
 * The Newton direction of {@link LogBarrierNewton} for a factor-form problem: the Hessian of Spinu's barrier in
 * correlation space is diagonal plus low rank, {@code H = C + diag(d) = diag(D̃ + d) + B̃FB̃'}, and
 * {@code HΔ = g} is solved exactly by the Sherman–Morrison–Woodbury identity through a k×k Cholesky factorisation
 * ({@link WoodburySolver}; ALGORITHMS.md §6.2), followed by one step of iterative refinement
 * ({@code Δ += H⁻¹(g − HΔ)}, with HΔ from the O(nk) product), so the direction is accurate to working precision
 * whatever the conditioning of the k×k system. No n×n array is formed.
 *
 * <p>Cost per iteration: {@code nk²/2 + k³/3} multiply-adds for the factorisation, {@code 2·(2nk + k²)} for the two
 * solves and {@code 2nk} for the residual product; memory nk + O(n + k²) doubles beyond the problem.
 */
final class FactorNewtonSystem implements NewtonDirection {

    private final CorrelationForm form;
    private final WoodburySolver woodbury;
    private final double[] e;
    private final double[] dt;
    private final double[] r;
    private final double[] hd;
    private long factorizations;
    private long matvecs;

    FactorNewtonSystem(CorrelationForm form) {
        this.form = form;
        this.woodbury = new WoodburySolver(form.factor);
        int n = form.n;
        this.dt = form.factor.idiosyncraticVariances();
        this.e = new double[n];
        this.r = new double[n];
        this.hd = new double[n];
    }

    @Override
    public Failure solve(double[] d, double[] g, double[] delta, double gradNorm, boolean accurate, Deadline deadline) {
        int n = form.n;
        for (int i = 0; i < n; i++) {
            e[i] = dt[i] + d[i];
        }
        factorizations++;
        if (!woodbury.factor(e)) {
            return new Failure(SolveStatus.NUMERICAL_BREAKDOWN, "Woodbury factorisation of the factor-form Hessian"
                    + " failed (non-finite or non-positive diagonal)");
        }
        woodbury.solve(g, delta);
        form.multiply(delta, hd);
        matvecs++;
        for (int i = 0; i < n; i++) {
            r[i] = g[i] - hd[i] - d[i] * delta[i];
        }
        woodbury.solve(r, r);
        for (int i = 0; i < n; i++) {
            delta[i] += r[i];
        }
        return null;
    }

    @Override
    public boolean lastWasAccurate() {
        return true;
    }

    @Override
    public void addCounters(Map<String, Long> counters) {
        counters.merge("factorizations", factorizations, Long::sum);
        counters.merge("matvecs", matvecs, Long::sum);
    }
}

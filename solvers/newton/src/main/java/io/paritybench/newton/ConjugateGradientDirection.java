package io.paritybench.newton;

import io.paritybench.core.Deadline;
import io.paritybench.core.SolveStatus;
import java.util.Map;

/**
 * The matrix-free Newton direction of {@link TruncatedNewtonCg}: {@link PreconditionedCg} with the Jacobi
 * preconditioner {@code M = diag(H) = 1 + d} ({@code C_ii = 1}), stopped at the relative residual
 * {@code η = min(1/2, ‖g‖_{M⁻¹})}: quadratic forcing (Dembo, Eisenstat and Steihaug 1982: {@code η_k = O(‖g_k‖)}
 * keeps Newton's quadratic rate). Measured against {@code min(1/2, sqrt(‖g‖_{M⁻¹}))}: as fast or faster (n = 1000,
 * κ = 1e6: 150–200 ms against 187–207 ms; n = 3000, κ = 1e4: the same 280 CG iterations). No factorisation,
 * {@code 2n²} flops per CG iteration.
 *
 * <p>An accurate direction (needed before the stagnation rule may fire) is requested as {@code η = }
 * {@value #ETA_ACCURATE}: the H-norm error is then at most {@code η sqrt(κ(M⁻¹H))}, below {@link #ACCURATE} for
 * {@code κ(M⁻¹H) ≤ 1e10}, with the larger cap {@value #MAX_CG_ITERATIONS} whatever n (measured: n = 50, κ = 1e10,
 * dirichlet:1 budgets stopped 13 times on the {@code 2n} cap at max|RRC−b| = 1.3e-8). If CG still cannot get there
 * (rounding, or a Hessian too ill-conditioned for Jacobi-preconditioned CG), the direction it has is the most accurate
 * this method can deliver and counts as such: the outer iteration then stops as STAGNATED instead of repeating
 * expensive solves, and {@link #floorNote()} says that the floor reached is CG's, not double precision's.
 */
final class ConjugateGradientDirection implements NewtonDirection {

    /** Forcing term used when an accurate direction is requested. */
    static final double ETA_ACCURATE = 1e-8;

    static final int MIN_CG_ITERATIONS = 100;
    static final int MAX_CG_ITERATIONS = 1000;

    private final PreconditionedCg cg;
    private final double[] m;
    private final int maxCgIterations;
    private boolean accurate;
    private long cgIterations;
    private long capped;
    private boolean lastCapped;
    private double lastResidual;

    ConjugateGradientDirection(CorrelationForm form) {
        this.cg = new PreconditionedCg(form);
        this.m = new double[form.n];
        this.maxCgIterations = maxCgIterations(form.n);
    }

    /**
     * CG iterations per Newton system: {@code 2n} (finite termination in exact arithmetic after n, plus room for
     * rounding), kept within [{@value #MIN_CG_ITERATIONS}, {@value #MAX_CG_ITERATIONS}].
     */
    static int maxCgIterations(int n) {
        return Math.max(MIN_CG_ITERATIONS, Math.min(MAX_CG_ITERATIONS, 2 * n));
    }

    @Override
    public Failure solve(double[] d, double[] g, double[] delta, double gradNorm, boolean wantAccurate,
                         Deadline deadline) {
        double eta = Math.min(ETA_MAX, gradNorm);
        for (int i = 0; i < m.length; i++) {
            m[i] = 1.0 + d[i];
        }
        double target = wantAccurate ? Math.min(eta, ETA_ACCURATE) : eta;
        int cap = wantAccurate ? MAX_CG_ITERATIONS : maxCgIterations;
        PreconditionedCg.Outcome outcome = cg.solve(d, g, delta, this::jacobi, target, cap, deadline);
        cgIterations += cg.iterations;
        lastCapped = outcome == PreconditionedCg.Outcome.CAPPED && wantAccurate;
        lastResidual = cg.residual;
        // on request, a capped or truncated solve is the most accurate direction this method can deliver
        accurate = wantAccurate;
        switch (outcome) {
            case BREAKDOWN:
                return new Failure(SolveStatus.NUMERICAL_BREAKDOWN,
                        "conjugate gradients broke down (p'Hp not positive: Hessian not numerically positive "
                                + "definite)");
            case TIME_LIMIT:
                return new Failure(SolveStatus.TIME_LIMIT, "time limit reached inside conjugate gradients");
            case CAPPED:
                capped++;
                return null;
            default:
                return null;
        }
    }

    private void jacobi(double[] r, double[] z) {
        for (int i = 0; i < r.length; i++) {
            z[i] = r[i] / m[i];
        }
    }

    @Override
    public String floorNote() {
        if (!lastCapped) {
            return "";
        }
        return "the last accurate direction stopped at the conjugate-gradient cap of " + MAX_CG_ITERATIONS
                + " iterations with relative residual " + io.paritybench.core.text.Numbers.sci(lastResidual, 2)
                + " instead of " + io.paritybench.core.text.Numbers.sci(ETA_ACCURATE, 1) + ": the floor of Jacobi-preconditioned CG, not of double precision";
    }

    @Override
    public boolean lastWasAccurate() {
        return accurate;
    }

    @Override
    public void addCounters(Map<String, Long> counters) {
        counters.put("cgIterations", cgIterations);
        counters.put("matvecs", cgIterations);
        counters.put("cgCapReached", capped);
    }
}

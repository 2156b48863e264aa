package io.paritybench.newton;

import io.paritybench.core.Deadline;
import io.paritybench.core.SolveStatus;
import java.util.Map;

/**
 * How the Newton systems {@code (C + diag(d)) Δ = g} of {@link SpinuIteration} are solved: by Cholesky
 * factorisations (reused as preconditioners while they stay close) or matrix-free by Jacobi-preconditioned conjugate
 * gradients. One instance per solve (it owns scratch space and counters).
 */
interface NewtonDirection {

    /** Largest forcing term (relative residual at which an inexact solve may stop). */
    double ETA_MAX = 0.5;

    /** Relative H-norm error {@code ‖Δ − H⁻¹g‖_H / ‖H⁻¹g‖_H} below which a direction counts as accurate. */
    double ACCURATE = 1e-3;

    /** Why a direction could not be computed. */
    record Failure(SolveStatus status, String message) {
    }

    /**
     * Computes a Newton direction. Any returned Δ is a descent direction with {@code g'Δ = Δ'HΔ}.
     *
     * @param d        the diagonal of the barrier Hessian, {@code b ⊘ y²}
     * @param g        the gradient {@code Cy − b ⊘ y}
     * @param delta    receives Δ
     * @param gradNorm {@code ‖g‖_{M⁻¹} = sqrt(Σ g_i² / (1 + d_i))}, the gradient in the norm of the Jacobi
     *                 approximation of H (a scale-free stand-in for the Newton decrement), for forcing terms
     * @param accurate whether Δ must be accurate in the sense of {@link #ACCURATE} regardless of eta
     * @param deadline the deadline of the solve
     * @return null on success, otherwise the failure (breakdown or time limit)
     */
    Failure solve(double[] d, double[] g, double[] delta, double gradNorm, boolean accurate, Deadline deadline);

    /**
     * @return empty, or why the last accurate direction is less accurate than requested (so that a stop at the
     *         decrement's floor is not reported as the floor of double precision)
     */
    default String floorNote() {
        return "";
    }

    /** @return whether the last direction is known to be accurate in the sense of {@link #ACCURATE} */
    boolean lastWasAccurate();

    /** Adds this direction's work counters. */
    void addCounters(Map<String, Long> counters);
}

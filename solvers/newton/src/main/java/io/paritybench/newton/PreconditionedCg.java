package io.paritybench.newton;

import io.paritybench.core.Deadline;

/**
 * Preconditioned conjugate gradients on the barrier Hessian {@code H = C + diag(d)}, started from zero, stopped when
 * {@code r'M⁻¹r ≤ η² g'M⁻¹g}. Every iterate Δ satisfies {@code g'Δ = Δ'HΔ > 0} (the residual is orthogonal to the
 * Krylov space that contains Δ), so a truncated solve is still a descent direction whose H-norm is
 * {@code sqrt(g'Δ)}. Cost per iteration: one product with C ({@code 2n²} flops) plus the preconditioner.
 */
final class PreconditionedCg {

    /** Applies {@code z = M⁻¹ r}. */
    interface Preconditioner {
        void apply(double[] r, double[] z);
    }

    /** How a solve ended. */
    enum Outcome {
        /** The residual test passed. */
        CONVERGED,
        /** The iteration cap was reached; Δ holds the last iterate (still a descent direction if k > 0). */
        CAPPED,
        /** {@code p'Hp ≤ 0} or non-finite at the first iteration: no direction. */
        BREAKDOWN,
        /** {@code p'Hp ≤ 0} or non-finite after some progress: Δ holds the last good iterate. */
        TRUNCATED,
        /** The deadline passed. */
        TIME_LIMIT
    }

    private final CorrelationForm form;
    private final double[] r;
    private final double[] z;
    private final double[] p;
    private final double[] q;
    /** CG iterations of the last solve. */
    int iterations;
    /** Relative residual {@code sqrt(r'M⁻¹r / g'M⁻¹g)} at the end of the last solve. */
    double residual;

    PreconditionedCg(CorrelationForm form) {
        this.form = form;
        int n = form.n;
        this.r = new double[n];
        this.z = new double[n];
        this.p = new double[n];
        this.q = new double[n];
    }

    Outcome solve(double[] d, double[] g, double[] delta, Preconditioner m, double eta, int maxIterations,
                  Deadline deadline) {
        int n = form.n;
        System.arraycopy(g, 0, r, 0, n);
        m.apply(r, z);
        double rz = 0;
        for (int i = 0; i < n; i++) {
            delta[i] = 0;
            p[i] = z[i];
            rz += r[i] * z[i];
        }
        double target = eta * eta * rz;
        double rz0 = rz;
        iterations = 0;
        residual = 1;
        for (int k = 0; k < maxIterations; k++) {
            if (k > 0 && (k & 7) == 0 && deadline.passed()) {
                return Outcome.TIME_LIMIT;
            }
            form.multiply(p, q);
            iterations++;
            double pq = 0;
            for (int i = 0; i < n; i++) {
                q[i] += d[i] * p[i];
                pq += p[i] * q[i];
            }
            if (!(pq > 0) || !Double.isFinite(pq)) {
                return k == 0 ? Outcome.BREAKDOWN : Outcome.TRUNCATED;
            }
            double alpha = rz / pq;
            for (int i = 0; i < n; i++) {
                delta[i] += alpha * p[i];
                r[i] -= alpha * q[i];
            }
            m.apply(r, z);
            double rzNew = 0;
            for (int i = 0; i < n; i++) {
                rzNew += r[i] * z[i];
            }
            residual = Math.sqrt(rzNew / rz0);
            if (rzNew <= target) {
                return Outcome.CONVERGED;
            }
            double beta = rzNew / rz;
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
            rz = rzNew;
        }
        return Outcome.CAPPED;
    }
}

package io.paritybench.core.reference;

import io.paritybench.core.Deadline;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.newton.DampedNewton;
import io.paritybench.core.linalg.BlockCholesky;

/**
 * Spinu's damped Newton method on the log-barrier {@code F(y) = ½ y'Cy − Σ b_i ln y_i} in correlation space,
 * in double precision (Spinu 2013, Algorithm 1 and Thm 3.3–3.4; ALGORITHMS.md §6.2 with its robust stopping rule).
 * Budgets are scaled so that {@code min b = 1} (self-concordance). Per iteration: gradient
 * {@code g = Cy − b ⊘ y}, Hessian {@code H = C + diag(b ⊘ y²)}, {@code Δ = H⁻¹g} by Cholesky, Newton decrement
 * {@code λ = sqrt(g'Δ)}, {@code δ = max_i |Δ_i|/y_i}; damped step {@code y − Δ/(1+δ)} while
 * {@code λ > λ* = 0.95(3−√5)/2}, full step (halved while it would leave the orthant) afterwards. Stops when
 * {@code λ ≤ 1e-10·sqrt(S)}, {@code S = Σ b}, or at the noise floor: in the quadratic phase
 * {@code λ > λ_prev/4} twice in a row. Cost per iteration n³/3 (Cholesky) + O(n²).
 */
final class SpinuNewton {

    /** Spinu's damped-phase threshold 0.95·(3 − √5)/2. */
    static final double LAMBDA_STAR = 0.95 * (3 - Math.sqrt(5)) / 2;

    /** Outcome of the double-precision phase. */
    record Outcome(double[] y, SolveStatus status, int iterations, int damped, int factorizations, double lambda,
                   String message) {
    }

    private SpinuNewton() {
    }

    /**
     * @param c        correlation matrix, row-major n×n
     * @param b        budgets scaled to {@code min b = 1}
     * @param y0       starting point, positive (overwritten by nothing; copied)
     * @param cap      iteration cap
     * @param deadline the solve's deadline
     * @param observed options whose iteration observer sees each iterate {@code y} (weights {@code y_i/vol_i})
     */
    static Outcome run(double[] c, int n, double[] b, double[] y0, int cap, Deadline deadline, SolverOptions observed,
                       double[] vol) {
        double[] y = y0.clone();
        double[][] h = new double[n][n];
        double[] g = new double[n];
        double[] d = new double[n];
        double s = 0;
        for (double v : b) {
            s += v;
        }
        double tolLambda = 1e-10 * Math.sqrt(s);
        double switchAt = DampedNewton.switchThreshold(s);
        double prev = Double.POSITIVE_INFINITY;
        int slow = 0;
        int it = 0;
        int damped = 0;
        int factorizations = 0;
        double lambda = Double.NaN;
        while (true) {
            observed.observe(it, y, vol);
            if (deadline.passed()) {
                return new Outcome(y, SolveStatus.TIME_LIMIT, it, damped, factorizations, lambda,
                        "time limit reached in the double-precision Newton phase");
            }
            if (it >= cap) {
                return new Outcome(y, SolveStatus.MAX_ITERATIONS, it, damped, factorizations, lambda,
                        "iteration cap reached in the double-precision Newton phase");
            }
            for (int i = 0; i < n; i++) {
                int ri = i * n;
                double cy = 0;
                for (int j = 0; j < n; j++) {
                    cy += c[ri + j] * y[j];
                }
                g[i] = cy - b[i] / y[i];
            }
            factorizations++;
            if (!factorShifted(c, n, b, y, h)) {
                return new Outcome(y, SolveStatus.NUMERICAL_BREAKDOWN, it, damped, factorizations, lambda,
                        "Cholesky of the Newton Hessian failed at iteration " + it);
            }
            System.arraycopy(g, 0, d, 0, n);
            BlockCholesky.solve(h, n, d);
            double lam2 = 0;
            double delta = 0;
            for (int i = 0; i < n; i++) {
                lam2 += g[i] * d[i];
                delta = Math.max(delta, Math.abs(d[i]) / y[i]);
            }
            if (!Double.isFinite(lam2) || !Double.isFinite(delta)) {
                return new Outcome(y, SolveStatus.NUMERICAL_BREAKDOWN, it, damped, factorizations, lambda,
                        "non-finite Newton step at iteration " + it);
            }
            lambda = Math.sqrt(Math.max(lam2, 0));
            it++;
            if (DampedNewton.damped(lambda, delta, switchAt)) {
                DampedNewton.dampedStep(y, d, delta);
                damped++;
                slow = 0;
                prev = Double.POSITIVE_INFINITY;
                continue;
            }
            double t = 1;
            while (!inside(y, d, t)) {
                t *= 0.5;
            }
            for (int i = 0; i < n; i++) {
                y[i] -= t * d[i];
            }
            if (lambda <= tolLambda) {
                return new Outcome(y, SolveStatus.CONVERGED, it, damped, factorizations, lambda,
                        "Newton decrement below 1e-10*sqrt(S)");
            }
            slow = lambda > prev / 4 ? slow + 1 : 0;
            if (slow >= 2) {
                return new Outcome(y, SolveStatus.STAGNATED, it, damped, factorizations, lambda,
                        "Newton decrement stagnated at the double-precision noise floor");
            }
            prev = lambda;
        }
    }

    static boolean inside(double[] y, double[] d, double t) {
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] - t * d[i] > 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Forms {@code H = C + diag(b ⊘ y²)} (upper triangle) and factors it; if rounding makes a pivot non-positive
     * (possible only when {@code b/y²} spans more than 1e16, ALGORITHMS.md §6.2 (iii)), retries with the diagonal
     * scaled by {@code 1 + 1e-14·10^k}, k = 0, 1, 2.
     */
    static boolean factorShifted(double[] c, int n, double[] b, double[] y, double[][] h) {
        for (int attempt = 0; attempt < 4; attempt++) {
            double shift = attempt == 0 ? 0 : 1e-14 * Math.pow(10, attempt - 1);
            for (int i = 0; i < n; i++) {
                double[] hi = h[i];
                System.arraycopy(c, i * n + i, hi, i, n - i);
                hi[i] = (hi[i] + b[i] / (y[i] * y[i])) * (1 + shift);
            }
            if (BlockCholesky.factor(h, n) < 0) {
                return true;
            }
        }
        return false;
    }
}

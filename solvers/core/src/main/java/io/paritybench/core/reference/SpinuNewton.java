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
    static final double LAMBDA_STAR = DampedNewton.LAMBDA_STAR;

    /** Outcome of the double-precision phase. */
    record Outcome(double[] y, SolveStatus status, int iterations, int damped, int factorizations, double lambda,
                   String message) {
    }

    private SpinuNewton() {
    }

    /** The Newton system at one iterate, dense ({@link #run}) or through the factor operator ({@link FactorReference}). */
    interface NewtonSystem {
        /**
         * Sets {@code g = Cy − b ⊘ y} and {@code d = H⁻¹g}, {@code H = C + diag(b ⊘ y²)}.
         *
         * @return null, or why the Hessian could not be factorised (NUMERICAL_BREAKDOWN)
         */
        String direction(double[] y, double[] g, double[] d, int iteration);
    }

    /**
     * @param c        correlation matrix, row-major n×n
     * @param b        budgets scaled to {@code min b = 1}
     * @param y0       starting point, positive (overwritten by nothing; copied)
     * @param cap      iteration cap
     * @param deadline the solve's deadline
     * @param observed options whose iteration observer sees each iterate {@code y} (weights {@code y_i/vol_i})
     * @param workers  tasks sharing each factorisation's trailing update ({@link BlockCholesky#factor(double[][],
     *                 int, int)}; the same factor bit for bit)
     */
    static Outcome run(double[] c, int n, double[] b, double[] y0, int cap, Deadline deadline, SolverOptions observed,
                       double[] vol, int workers) {
        double[][] h = new double[n][n];
        NewtonSystem dense = (y, g, d, it) -> {
            for (int i = 0; i < n; i++) {
                int ri = i * n;
                double cy = 0;
                for (int j = 0; j < n; j++) {
                    cy += c[ri + j] * y[j];
                }
                g[i] = cy - b[i] / y[i];
            }
            if (!factorShifted(c, n, b, y, h, workers)) {
                return "Cholesky of the Newton Hessian failed at iteration " + it;
            }
            System.arraycopy(g, 0, d, 0, n);
            BlockCholesky.solve(h, n, d);
            return null;
        };
        return run(dense, n, b, y0, cap, deadline, observed, vol);
    }

    /** The iteration of the class comment, with the Newton systems solved by {@code system}. */
    static Outcome run(NewtonSystem system, int n, double[] b, double[] y0, int cap, Deadline deadline,
                       SolverOptions observed, double[] vol) {
        double[] y = y0.clone();
        double[] g = new double[n];
        double[] d = new double[n];
        double s = 0;
        for (double v : b) {
            s += v;
        }
        double tolLambda = 1e-10 * Math.sqrt(s);
        double switchAt = DampedNewton.switchThreshold(s);
        DampedNewton.QuarterRule floor = new DampedNewton.QuarterRule();
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
            factorizations++;
            String failure = system.direction(y, g, d, it);
            if (failure != null) {
                return new Outcome(y, SolveStatus.NUMERICAL_BREAKDOWN, it, damped, factorizations, lambda, failure);
            }
            DampedNewton.Decrement dec = DampedNewton.Decrement.of(g, d, y);
            double lam2 = dec.lambda2();
            double delta = dec.delta();
            if (!Double.isFinite(lam2) || !Double.isFinite(delta)) {
                return new Outcome(y, SolveStatus.NUMERICAL_BREAKDOWN, it, damped, factorizations, lambda,
                        "non-finite Newton step at iteration " + it);
            }
            lambda = Math.sqrt(Math.max(lam2, 0));
            it++;
            if (DampedNewton.damped(lambda, delta, switchAt)) {
                DampedNewton.dampedStep(y, d, delta);
                damped++;
                floor.reset();
                continue;
            }
            double t = 1;
            while (!DampedNewton.staysPositive(y, d, t)) {
                t *= 0.5;
            }
            for (int i = 0; i < n; i++) {
                y[i] -= t * d[i];
            }
            if (lambda <= tolLambda) {
                return new Outcome(y, SolveStatus.CONVERGED, it, damped, factorizations, lambda,
                        "Newton decrement below 1e-10*sqrt(S)");
            }
            if (floor.stagnated(lambda)) {
                return new Outcome(y, SolveStatus.STAGNATED, it, damped, factorizations, lambda,
                        "Newton decrement stagnated at the double-precision noise floor");
            }
        }
    }

    /**
     * Forms {@code H = C + diag(b ⊘ y²)} (upper triangle) and factors it; if rounding makes a pivot non-positive
     * (possible only when {@code b/y²} spans more than 1e16, ALGORITHMS.md §6.2 (iii)), retries with the diagonal
     * scaled by {@code 1 + 1e-14·10^k}, k = 0, 1, 2.
     */
    static boolean factorShifted(double[] c, int n, double[] b, double[] y, double[][] h, int workers) {
        for (int attempt = 0; attempt < 4; attempt++) {
            double shift = attempt == 0 ? 0 : 1e-14 * Math.pow(10, attempt - 1);
            for (int i = 0; i < n; i++) {
                double[] hi = h[i];
                System.arraycopy(c, i * n + i, hi, i, n - i);
                hi[i] = (hi[i] + b[i] / (y[i] * y[i])) * (1 + shift);
            }
            if (BlockCholesky.factor(h, n, workers) < 0) {
                return true;
            }
        }
        return false;
    }
}

package io.paritybench.core.generate;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.linalg.BlockCholesky;
import io.paritybench.core.linalg.RowKernels;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * How hard a problem is for double precision (ALGORITHMS.md §2.4, §8), computed from Σ, b and the (correctly
 * rounded) reference weights. The same quantities are stored in every shared case's {@code meta.json}.
 *
 * @param kappaSigma       κ(Σ) = λ_max/λ_min, 2-norm ({@code condition_number})
 * @param kappaCorrelation κ(C) of the correlation matrix ({@code kappa_corr})
 * @param kappaJacobian    κ(J) of the correlation-space Newton Jacobian {@code J = C + diag(b ⊘ y²)}
 *                         ({@code kappa_newton_jacobian})
 * @param kappaWeights     componentwise (Skeel) condition number of the weights,
 *                         {@code κ_w = max_i (|J⁻¹| (|C| |y|))_i / y_i} with y the correlation-space solution
 *                         scaled so that {@code y'Cy = 1} ({@code kappa_weights_componentwise}); achievable relative
 *                         weight error ≈ κ_w·u
 * @param cancellation     {@code canc = max_i (|Σ||w|)_i / (Σw)_i} ({@code cancellation_factor_Sw}); error of
 *                         evaluating RRC in double ≈ canc·u·b_i
 * @param rrcFloorNaive    {@code max_i |RRC_i − b_i|} of the reference weights evaluated in plain double with
 *                         {@link RiskMetrics} (the double floor of the exact answer;
 *                         {@code floors.max_abs_rrc_err_naive_double_eval})
 */
public record Conditioning(double kappaSigma, double kappaCorrelation, double kappaJacobian, double kappaWeights,
                           double cancellation, double rrcFloorNaive) {

    /**
     * Largest order computed exactly (eigenvalue decompositions, explicit inverse); above it {@link #of} estimates
     * ({@link #estimated}). Every problem of the sweep, the JMH grid, the trace grid and the published cases is at
     * most this size, so their figures do not depend on the estimates.
     */
    public static final int EXACT_MAX_N = 2000;
    /** How {@link #estimated} works, for metadata. */
    public static final String ESTIMATE_METHOD = "dense n > " + EXACT_MAX_N + ": kappa by 60 Lanczos steps on A "
            + "and on A^-1 (Cholesky), kappa_w by the Hager-Higham 1-norm estimator (lower estimates); cancellation "
            + "and floor exact";
    /** Lanczos steps per extreme eigenvalue of the estimates (fewer when n is smaller). */
    static final int LANCZOS_STEPS = 60;

    /**
     * Computes the condition numbers: exactly up to {@value #EXACT_MAX_N} assets (three symmetric eigenvalue
     * decompositions and one inverse of order n, O(n³) with large constants), as {@link #estimated estimates} above.
     *
     * @param problem the problem
     * @param weights the reference (exact, rounded) weights; positive
     */
    public static Conditioning of(RiskBudgetProblem problem, double[] weights) {
        return of(problem, weights, problem.n() <= EXACT_MAX_N);
    }

    /**
     * Estimates of the condition numbers for large n, in three Cholesky factorisations (n³/3 each, {@link
     * BlockCholesky}) and O(n²) work per step:
     * <ul>
     *   <li>κ(Σ), κ(C), κ(J): the largest Ritz values of {@value #LANCZOS_STEPS} Lanczos steps (full
     *       reorthogonalisation, seeded start) on A for λ_max and on A⁻¹ (solves with A's Cholesky factor) for
     *       1/λ_min. Ritz values lie inside the spectrum, so each κ is a lower estimate, accurate to several digits
     *       unless the extreme eigenvalues are clustered. +∞ when the Cholesky factorisation fails.</li>
     *   <li>κ_w {@code = ‖Y⁻¹ J⁻¹ V‖_∞} with {@code V = diag(|C||y|)}, {@code Y = diag(y)} (the definition above,
     *       as a matrix norm since v, y &gt; 0): Hager's 1-norm estimator on its transpose (Higham 1988, "FORTRAN
     *       codes for estimating the one-norm of a real or complex matrix", ACM TOMS 14, Algorithm 4.1, with
     *       Higham's extra test vector), at most five iterations of two solves with J's factor. A lower estimate,
     *       exact in most cases and rarely off by more than a factor of 3.</li>
     *   <li>cancellation factor and the naive double floor: exact, as in {@link #of}.</li>
     * </ul>
     */
    public static Conditioning estimated(RiskBudgetProblem problem, double[] weights) {
        return of(problem, weights, false);
    }

    private static Conditioning of(RiskBudgetProblem problem, double[] weights, boolean exact) {
        int n = problem.n();
        if (weights == null || weights.length != n) {
            throw new IllegalArgumentException("reference weights must have length " + n);
        }
        if (!RiskMetrics.allPositive(weights)) {
            throw new IllegalArgumentException("reference weights must be positive and finite");
        }
        double[][] sigma = problem.covariance();
        double[][] c = problem.correlation();
        double[] vol = problem.volatilities();
        double[] b = problem.budgets();
        double bsum = 0;
        for (double v : b) {
            bsum += v;
        }
        double[] sw = new double[n];
        double[] absSw = new double[n];
        for (int i = 0; i < n; i++) {
            sw[i] = dot2(sigma[i], weights);
            double a = 0;
            for (int j = 0; j < n; j++) {
                a += Math.abs(sigma[i][j]) * weights[j];
            }
            absSw[i] = a;
        }
        double variance = dot2(weights, sw);
        double canc = 0;
        for (int i = 0; i < n; i++) {
            canc = Math.max(canc, sw[i] > 0 ? absSw[i] / sw[i] : Double.POSITIVE_INFINITY);
        }
        double[] y = new double[n];
        double root = Math.sqrt(variance);
        for (int i = 0; i < n; i++) {
            y[i] = vol[i] * weights[i] / root;
        }
        double[][] j = new double[n][];
        for (int i = 0; i < n; i++) {
            j[i] = c[i].clone();
            j[i][i] += b[i] / bsum / (y[i] * y[i]);
        }
        if (!exact) {
            double[][] uj = factorOrNull(j);
            double[][] us = factorOrNull(sigma);
            return new Conditioning(estimatedConditionNumber(sigma, us),
                    estimatedConditionNumber(c, correlationFactor(us, vol)), estimatedConditionNumber(j, uj),
                    uj == null ? Double.POSITIVE_INFINITY : componentwiseEstimate(uj, absTimes(c, y), y), canc,
                    RiskMetrics.maxAbsBudgetError(problem, weights));
        }
        double kappaW = componentwise(c, j, y);
        return new Conditioning(conditionNumber(sigma), conditionNumber(c), conditionNumber(j), kappaW, canc,
                RiskMetrics.maxAbsBudgetError(problem, weights));
    }

    /** @return {@code |C| |y|} */
    private static double[] absTimes(double[][] c, double[] y) {
        int n = y.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += Math.abs(c[i][k]) * y[k];
            }
            v[i] = s;
        }
        return v;
    }

    /** @return the Cholesky factor of a (mirrored for {@link BlockCholesky#solveMirrored}), or null */
    private static double[][] factorOrNull(double[][] a) {
        int n = a.length;
        double[][] u = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], i, u[i], i, n - i);
        }
        if (BlockCholesky.factor(u, n, BlockCholesky.workersFor(n)) >= 0) {
            return null;
        }
        BlockCholesky.mirror(u, n);
        return u;
    }

    /**
     * @return the mirrored Cholesky factor of {@code C = D⁻¹ΣD⁻¹}, {@code D = diag(vol)}, from Σ's ({@code us}):
     *         {@code U_C = U_Σ D⁻¹} is upper triangular with a positive diagonal, so it is C's factor; O(n²) instead
     *         of a second factorisation. Null when {@code us} is.
     */
    private static double[][] correlationFactor(double[][] us, double[] vol) {
        if (us == null) {
            return null;
        }
        int n = vol.length;
        double[][] u = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] ui = u[i];
            double[] si = us[i];
            for (int k = i; k < n; k++) {
                ui[k] = si[k] / vol[k];
            }
        }
        BlockCholesky.mirror(u, n);
        return u;
    }

    /** @return λ_max(A)·(1/λ_min(A)) from Lanczos Ritz values (see {@link #estimated}); +∞ without a factor */
    private static double estimatedConditionNumber(double[][] a, double[][] u) {
        if (u == null) {
            return Double.POSITIVE_INFINITY;
        }
        int n = a.length;
        double max = largestRitzValue(n, (x, out) -> RowKernels.symmetricProduct(a, x, out, n));
        double invMin = largestRitzValue(n, (x, out) -> {
            System.arraycopy(x, 0, out, 0, n);
            BlockCholesky.solveMirrored(u, n, out);
        });
        return max * invMin;
    }

    /** A symmetric linear operator {@code out = A x}. */
    private interface Operator {
        void apply(double[] x, double[] out);
    }

    /**
     * @return the largest Ritz value of {@code min(n, LANCZOS_STEPS)} Lanczos steps on a symmetric positive
     *         definite operator, with full reorthogonalisation (Golub and Van Loan, Matrix Computations, 4th ed.,
     *         §10.1), from a seeded start vector: a lower bound on λ_max. O(m·(apply + m·n)).
     */
    private static double largestRitzValue(int n, Operator op) {
        int m = Math.min(n, LANCZOS_STEPS);
        double[][] basis = new double[m][];
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[] q = new double[n];
        SplittableRandom rnd = new SplittableRandom(20240601L);
        for (int i = 0; i < n; i++) {
            q[i] = 0.5 + rnd.nextDouble();
        }
        scale(q, 1 / norm(q));
        double[] w = new double[n];
        int steps = 0;
        for (int s = 0; s < m; s++) {
            basis[s] = q.clone();
            op.apply(q, w);
            double a = dot(q, w);
            alpha[s] = a;
            steps = s + 1;
            for (int pass = 0; pass < 2; pass++) {
                for (int r = 0; r <= s; r++) {
                    RowKernels.axpy(w, basis[r], -dot(basis[r], w), 0, n);
                }
            }
            double b = norm(w);
            if (s + 1 == m || !(b > 1e-14 * Math.abs(a))) {
                break;
            }
            beta[s] = b;
            for (int i = 0; i < n; i++) {
                q[i] = w[i] / b;
            }
        }
        DMatrixRMaj t = new DMatrixRMaj(steps, steps);
        for (int s = 0; s < steps; s++) {
            t.unsafe_set(s, s, alpha[s]);
            if (s + 1 < steps) {
                t.unsafe_set(s, s + 1, beta[s]);
                t.unsafe_set(s + 1, s, beta[s]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(steps, false, true);
        if (!eig.decompose(t)) {
            return Double.NaN;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < steps; i++) {
            max = Math.max(max, eig.getEigenvalue(i).getReal());
        }
        return max;
    }

    /**
     * Hager–Higham estimate of {@code ‖Y⁻¹ J⁻¹ V‖_∞ = ‖V J⁻¹ Y⁻¹‖_1} ({@code V = diag(v)}, {@code Y = diag(y)}),
     * with J's mirrored Cholesky factor u; see {@link #estimated}.
     */
    private static double componentwiseEstimate(double[][] u, double[] v, double[] y) {
        int n = y.length;
        // A = V J^-1 Y^-1 (whose 1-norm is wanted) and its transpose A' = Y^-1 J^-1 V
        Operator a = (x, out) -> {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] / y[i];
            }
            BlockCholesky.solveMirrored(u, n, out);
            for (int i = 0; i < n; i++) {
                out[i] *= v[i];
            }
        };
        Operator at = (x, out) -> {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] * v[i];
            }
            BlockCholesky.solveMirrored(u, n, out);
            for (int i = 0; i < n; i++) {
                out[i] /= y[i];
            }
        };
        double[] x = new double[n];
        double[] ax = new double[n];
        double[] z = new double[n];
        java.util.Arrays.fill(x, 1.0 / n);
        double est = 0;
        for (int iter = 0; iter < 5; iter++) {
            a.apply(x, ax);
            double e = norm1(ax);
            if (iter > 0 && e <= est) {
                break;
            }
            est = e;
            for (int i = 0; i < n; i++) {
                ax[i] = ax[i] >= 0 ? 1.0 : -1.0;
            }
            at.apply(ax, z);
            int jmax = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(z[i]) > Math.abs(z[jmax])) {
                    jmax = i;
                }
            }
            if (iter > 0 && Math.abs(z[jmax]) <= dot(z, x)) {
                break;
            }
            java.util.Arrays.fill(x, 0.0);
            x[jmax] = 1.0;
        }
        for (int i = 0; i < n; i++) {
            x[i] = (i % 2 == 0 ? 1 : -1) * (1 + (double) i / Math.max(1, n - 1));
        }
        a.apply(x, ax);
        return Math.max(est, 2 * norm1(ax) / (3.0 * n));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double norm1(double[] a) {
        double s = 0;
        for (double v : a) {
            s += Math.abs(v);
        }
        return s;
    }

    private static void scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
    }


    /** @return {@code max_i (|J⁻¹| (|C| |y|))_i / y_i}; +∞ if J is not numerically positive definite */
    private static double componentwise(double[][] c, double[][] j, double[] y) {
        int n = y.length;
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
        if (!solver.setA(new DMatrixRMaj(j))) {
            return Double.POSITIVE_INFINITY;
        }
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        solver.invert(inv);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += Math.abs(c[i][k]) * y[k];
            }
            v[i] = s;
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += Math.abs(inv.unsafe_get(i, k)) * v[k];
            }
            worst = Math.max(worst, s / y[i]);
        }
        return worst;
    }

    /** @return λ_max/λ_min of a symmetric matrix; +∞ if λ_min ≤ 0 (numerically) */
    public static double conditionNumber(double[][] a) {
        int n = a.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(new DMatrixRMaj(a))) {
            return Double.NaN;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = eig.getEigenvalue(i).getReal();
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return min > 0 ? max / min : Double.POSITIVE_INFINITY;
    }

    /** Compensated dot product (Ogita, Rump and Oishi 2005, Dot2): as if computed in twice the working precision. */
    private static double dot2(double[] a, double[] b) {
        double hi = 0;
        double lo = 0;
        for (int i = 0; i < a.length; i++) {
            double p = a[i] * b[i];
            double pe = Math.fma(a[i], b[i], -p);
            double s = hi + p;
            double bb = s - hi;
            lo += ((hi - (s - bb)) + (p - bb)) + pe;
            hi = s;
        }
        return hi + lo;
    }
}

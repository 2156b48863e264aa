package io.paritybench.core.generate;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
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
     * Computes the condition numbers. Cost: three symmetric eigenvalue decompositions and one inverse of order n
     * (O(n³)).
     *
     * @param problem the problem
     * @param weights the reference (exact, rounded) weights; positive
     */
    public static Conditioning of(RiskBudgetProblem problem, double[] weights) {
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
        double kappaW = componentwise(c, j, y);
        return new Conditioning(conditionNumber(sigma), conditionNumber(c), conditionNumber(j), kappaW, canc,
                RiskMetrics.maxAbsBudgetError(problem, weights));
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

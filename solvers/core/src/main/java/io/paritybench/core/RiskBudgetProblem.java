package io.paritybench.core;

import io.paritybench.core.linalg.RowKernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A risk-budgeting problem: covariance Σ (n×n, symmetric positive definite), budgets b ({@code b_i > 0},
 * {@code Σ b_i = 1}), optional asset names and the risk measure (volatility unless stated).
 *
 * <p>Σ comes in one of two forms: <b>dense</b> ({@link #covariance()}, n×n arrays; {@link #factor()} is null) or
 * <b>factor</b> ({@link #factor()}, {@code Σ = BFB' + D}, never materialised; {@link #covariance()} is then
 * unavailable). Form-independent operations: {@link #multiply} (Σx: O(n²) dense, O(nk) factor),
 * {@link #volatilities()}, {@link #covariance(int, int)} (O(1) dense, O(k²) factor). Solvers that only handle the
 * dense form say so through {@link RiskBudgetSolver#supports(RiskBudgetProblem)}.
 *
 * <p>Validated once, in the factories; a rejected input raises {@link InvalidProblemException} with a message
 * naming the problem (the entry, the asset, the budget or the failing Cholesky pivot). The stored covariance is
 * exactly symmetric (the mean of Σ_ij and Σ_ji when they differ within the tolerance). Accessors return copies;
 * solvers read Σ without copying it through {@link #covariance(int, int)}, {@link #multiplyCovariance},
 * {@link #addCovarianceRow}, {@link #dotCovarianceRow} and {@link #copyCovarianceRow} (one call per row or product,
 * never per entry).
 *
 * <p><b>Validated once.</b> The matrix check costs O(n³) (a {@link io.paritybench.core.linalg.BlockCholesky} of the
 * correlation matrix, about 0.15 s at n = 2000). The copies made by {@link #withAssetNames}, {@link #withMeasure}
 * and {@link #withBudgets} share the validated matrix and do not check it again (the stored matrix is never handed
 * out, so it cannot have changed); {@link #ofValidated} rebuilds a problem from a matrix that a problem validated
 * before (e.g. sent to a worker process) with the O(n²) checks only.
 */
public record RiskBudgetProblem(double[][] covariance, FactorCovariance factor, double[] budgets,
                                List<String> assetNames, RiskMeasure measure) {

    /** Relative asymmetry tolerated: {@code |Σ_ij − Σ_ji| ≤ 1e-10 · sqrt(Σ_ii Σ_jj)}. */
    public static final double SYMMETRY_TOLERANCE = 1e-10;
    /**
     * Budgets must sum to 1 within this, unless normalised explicitly; within it they are divided by their
     * (compensated) sum, so the stored budgets sum to 1 up to rounding of the division.
     */
    public static final double BUDGET_SUM_TOLERANCE = 1e-9;

    /** The stored (validated, never handed out) matrices of live problems, by identity. */
    private static final Set<double[][]> VALIDATED =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    public RiskBudgetProblem {
        if (factor != null && covariance != null) {
            throw new InvalidProblemException("give either a dense covariance matrix or a factor model, not both");
        }
        if (factor == null && !VALIDATED.contains(covariance)) {
            covariance = Validation.covariance(covariance, assetNames);
            VALIDATED.add(covariance);
        }
        int n = factor == null ? covariance.length : factor.n();
        assetNames = assetNames == null ? defaultNames(n) : List.copyOf(assetNames);
        if (assetNames.size() != n) {
            throw new InvalidProblemException("got " + assetNames.size() + " asset names for " + n + " assets");
        }
        Validation.distinctNames(assetNames);
        budgets = Validation.budgets(budgets, n, false);
        measure = measure == null ? RiskMeasure.volatility() : measure;
        if (measure.mu() != null && measure.mu().length != n) {
            throw new InvalidProblemException("expected returns have length " + measure.mu().length
                    + " but the covariance is " + n + "x" + n);
        }
    }

    /** A dense problem (validated), as before the factor form existed. */
    public RiskBudgetProblem(double[][] covariance, double[] budgets, List<String> assetNames, RiskMeasure measure) {
        this(covariance, null, budgets, assetNames, measure);
    }

    /** Factor-form problem; budgets null means ERC. */
    public static RiskBudgetProblem of(FactorCovariance factor, double[] budgets) {
        return new RiskBudgetProblem(null, java.util.Objects.requireNonNull(factor, "factor"), budgets, null, null);
    }

    /** Factor-form problem; budgets (positive, finite) are divided by their sum first. */
    public static RiskBudgetProblem normalising(FactorCovariance factor, double[] budgets) {
        return new RiskBudgetProblem(null, java.util.Objects.requireNonNull(factor, "factor"),
                Validation.budgets(budgets, factor.n(), true), null, null);
    }

    /** ERC problem: {@code b_i = 1/n}. */
    public static RiskBudgetProblem erc(double[][] covariance) {
        return of(covariance, null);
    }

    /** @param budgets budgets summing to 1 within {@value #BUDGET_SUM_TOLERANCE}; null means ERC */
    public static RiskBudgetProblem of(double[][] covariance, double[] budgets) {
        return new RiskBudgetProblem(covariance, budgets, null, null);
    }

    /** Like {@link #of} but budgets (positive, finite) are divided by their sum first. */
    public static RiskBudgetProblem normalising(double[][] covariance, double[] budgets) {
        double[][] cov = Validation.covariance(covariance, null);
        VALIDATED.add(cov);
        return new RiskBudgetProblem(cov, Validation.budgets(budgets, cov.length, true), null, null);
    }

    /**
     * A problem from a covariance matrix that a {@code RiskBudgetProblem} validated before and that was copied bit
     * for bit (e.g. sent to a worker process): the O(n²) checks (square, finite, positive variances, exactly
     * symmetric) are run, the O(n³) positive-definiteness test is not. Budgets are validated as in {@link #of}.
     */
    public static RiskBudgetProblem ofValidated(double[][] covariance, double[] budgets) {
        double[][] cov = Validation.validatedCovariance(covariance);
        VALIDATED.add(cov);
        return new RiskBudgetProblem(cov, budgets, null, null);
    }

    /** @return a copy with these asset names */
    public RiskBudgetProblem withAssetNames(List<String> names) {
        return new RiskBudgetProblem(covariance, factor, budgets, names, measure);
    }

    /** @return a copy with this risk measure */
    public RiskBudgetProblem withMeasure(RiskMeasure m) {
        return new RiskBudgetProblem(covariance, factor, budgets, assetNames, m);
    }

    /** @return a copy with these budgets (validated) */
    public RiskBudgetProblem withBudgets(double[] b) {
        return new RiskBudgetProblem(covariance, factor, b, assetNames, measure);
    }

    /** @return the number of assets */
    public int n() {
        return budgets.length;
    }

    /** @return whether Σ is given in factor form ({@link #factor()} non-null) */
    public boolean isFactor() {
        return factor != null;
    }

    /** @return the same problem with Σ materialised as a dense matrix (O(n²k) for the factor form; small n only) */
    public RiskBudgetProblem toDense() {
        return factor == null ? this : new RiskBudgetProblem(factor.toDense(), null, budgets, assetNames, measure);
    }

    /** @return {@code Σx} (O(n²) dense, O(nk) factor) */
    public double[] multiply(double[] x) {
        int n = n();
        if (x.length != n) {
            throw new IllegalArgumentException("vector has length " + x.length + ", expected " + n);
        }
        double[] out = new double[n];
        if (factor != null) {
            factor.multiply(x, out);
            return out;
        }
        for (int i = 0; i < n; i++) {
            double[] row = covariance[i];
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += row[j] * x[j];
            }
            out[i] = s;
        }
        return out;
    }

    /**
     * @return a deep copy of Σ
     * @throws IllegalStateException for a factor-form problem (Σ is never materialised; see {@link #toDense()})
     */
    @Override
    public double[][] covariance() {
        requireDense("covariance()");
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return c;
    }

    /** @return Σ's row i itself, not a copy (dense form only); for the package's O(n²) kernels, never modified */
    double[] denseRow(int i) {
        return covariance[i];
    }

    /** @return Σ_ij without copying the matrix (O(k²) in factor form) */
    public double covariance(int i, int j) {
        return factor == null ? covariance[i][j] : factor.entry(i, j);
    }

    /**
     * {@code out = Σ x} without allocating: dense, one pass over Σ by rows ({@link RowKernels#symmetricProduct},
     * {@code 2n²} flops, vectorised); factor form, O(nk).
     */
    public void multiplyCovariance(double[] x, double[] out) {
        if (factor != null) {
            factor.multiply(x, out);
            return;
        }
        RowKernels.symmetricProduct(covariance, x, out, covariance.length);
    }

    /**
     * {@code out[j] += a Σ_ij} for j in [from, to): part of row i of Σ (= column i), O(to − from), vectorised.
     * Dense form only.
     */
    public void addCovarianceRow(int i, double a, double[] out, int from, int to) {
        requireDense("addCovarianceRow");
        RowKernels.axpy(out, covariance[i], a, from, to);
    }

    /** @return {@code Σ_{from ≤ j < to} Σ_ij x_j}, part of row i of Σ times x, O(to − from). Dense form only. */
    public double dotCovarianceRow(int i, double[] x, int from, int to) {
        requireDense("dotCovarianceRow");
        return RowKernels.dot(covariance[i], x, from, to);
    }

    /** Copies {@code Σ_ij} for j in [from, n) into {@code dst[from..n)}. Dense form only. */
    public void copyCovarianceRow(int i, int from, double[] dst) {
        requireDense("copyCovarianceRow");
        System.arraycopy(covariance[i], from, dst, from, covariance.length - from);
    }

    /** @return a copy of the budgets */
    @Override
    public double[] budgets() {
        return budgets.clone();
    }

    /** @return b_i */
    public double budget(int i) {
        return budgets[i];
    }

    /** @return σ_i = sqrt(Σ_ii) */
    public double[] volatilities() {
        double[] s = new double[n()];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(factor == null ? covariance[i][i] : factor.variance(i));
        }
        return s;
    }

    /** @return the correlation matrix {@code C = D^{-1/2} Σ D^{-1/2}} with an exact unit diagonal */
    public double[][] correlation() {
        requireDense("correlation()");
        int n = n();
        double[] s = volatilities();
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = i == j ? 1.0 : covariance[i][j] / s[i] / s[j];
            }
        }
        return c;
    }

    /** @return whether all budgets are equal (ERC) */
    public boolean isErc() {
        for (double b : budgets) {
            if (b != budgets[0]) {
                return false;
            }
        }
        return true;
    }

    private void requireDense(String what) {
        if (factor != null) {
            throw new IllegalStateException(what + " is not available for a factor-form problem (n = " + n()
                    + ", k = " + factor.k() + "): Sigma is not materialised; use multiply(), factor() or toDense()");
        }
    }

    private static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add("asset" + i);
        }
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskBudgetProblem p && Arrays.deepEquals(p.covariance, covariance)
                && Objects.equals(p.factor, factor)
                && Arrays.equals(p.budgets, budgets) && p.assetNames.equals(assetNames) && p.measure.equals(measure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(covariance), factor, Arrays.hashCode(budgets), assetNames, measure);
    }

    @Override
    public String toString() {
        return "RiskBudgetProblem[n=" + n() + (factor == null ? "" : ", factor k=" + factor.k()) + ", measure=" + measure + (isErc() ? ", ERC" : ", budgets") + "]";
    }
}

package io.paritybench.core;

import io.paritybench.core.linalg.BlockCholesky;
import java.util.List;

/** Input checks for {@link RiskBudgetProblem}; every message names what is wrong and where. */
final class Validation {

    private Validation() {
    }

    /** @return an exactly symmetric deep copy of a valid covariance matrix */
    static double[][] covariance(double[][] cov, List<String> names) {
        if (cov == null) {
            throw new InvalidProblemException("covariance matrix is missing");
        }
        int n = cov.length;
        if (n < 2) {
            int cols = n == 0 || cov[0] == null ? 0 : cov[0].length;
            throw new InvalidProblemException("need at least 2 assets, the covariance matrix is " + n + "x" + cols);
        }
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) {
            if (cov[i] == null || cov[i].length != n) {
                throw new InvalidProblemException("covariance matrix is not square: row " + (i + 1) + " has "
                        + (cov[i] == null ? 0 : cov[i].length) + " entries, expected " + n);
            }
            c[i] = cov[i].clone();
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(c[i][j])) {
                    throw new InvalidProblemException("covariance entry (" + (i + 1) + ", " + (j + 1) + ") is " + c[i][j]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!(c[i][i] > 0)) {
                throw new InvalidProblemException("variance of asset " + (i + 1) + name(names, i) + " is " + c[i][i]
                        + " (must be positive)");
            }
        }
        symmetrise(c, names);
        positiveDefinite(c, names);
        return c;
    }

    /** Tile edge of the symmetry pass: two 64×64 tiles of doubles stay in the L1/L2 cache. */
    private static final int TILE = 64;

    /**
     * Checks {@code |Σ_ij − Σ_ji| ≤ tol · sqrt(Σ_ii Σ_jj)} (reporting the worst pair) and replaces both entries by
     * their mean where they differ. Tiled, so that reading the column {@code Σ_ji} does not miss the cache at every
     * entry; O(n²).
     */
    private static void symmetrise(double[][] c, List<String> names) {
        int n = c.length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.sqrt(c[i][i]);
        }
        double worst = 0;
        int wi = -1;
        int wj = -1;
        for (int ib = 0; ib < n; ib += TILE) {
            int ie = Math.min(ib + TILE, n);
            for (int jb = ib; jb < n; jb += TILE) {
                int je = Math.min(jb + TILE, n);
                for (int i = ib; i < ie; i++) {
                    double[] ci = c[i];
                    for (int j = Math.max(jb, i + 1); j < je; j++) {
                        double a = ci[j];
                        double b = c[j][i];
                        if (a != b) {
                            double rel = Math.abs(a - b) / (s[i] * s[j]);
                            if (rel > worst || (rel == worst && wi < 0)) {
                                worst = rel;
                                wi = i;
                                wj = j;
                            }
                        }
                    }
                }
            }
        }
        if (worst > RiskBudgetProblem.SYMMETRY_TOLERANCE || Double.isNaN(worst)) {
            throw new InvalidProblemException(String.format(
                    "covariance matrix is not symmetric: worst at (%d, %d): %s vs %s (relative difference %.3g > %.0e)",
                    wi + 1, wj + 1, c[wi][wj], c[wj][wi], worst, RiskBudgetProblem.SYMMETRY_TOLERANCE));
        }
        if (wi < 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (c[i][j] != c[j][i]) {
                    double m = 0.5 * (c[i][j] + c[j][i]);
                    c[i][j] = m;
                    c[j][i] = m;
                }
            }
        }
    }

    /**
     * {@link BlockCholesky} of the correlation matrix (scale free; upper triangle of a work copy); a non-positive
     * pivot means Σ is not positive definite. {@code n³/3} flops.
     */
    private static void positiveDefinite(double[][] c, List<String> names) {
        int n = c.length;
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) {
            inv[i] = 1.0 / Math.sqrt(c[i][i]);
        }
        double[][] u = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            double[] ui = u[i];
            double si = inv[i];
            for (int j = i + 1; j < n; j++) {
                ui[j] = ci[j] * si * inv[j];
            }
            ui[i] = 1.0;
        }
        int pivot = BlockCholesky.factor(u, n, BlockCholesky.workersFor(n));
        if (pivot >= 0) {
            throw new InvalidProblemException(String.format(
                    "covariance matrix is not positive definite: Cholesky pivot %d (asset %d%s) is %.3g",
                    pivot + 1, pivot + 1, name(names, pivot), u[pivot][pivot]));
        }
    }

    /**
     * The O(n²) checks of {@link #covariance} without the O(n³) positive-definiteness test, for a matrix that a
     * {@link RiskBudgetProblem} has already validated (and therefore made exactly symmetric): square, finite,
     * positive variances, exactly symmetric.
     *
     * @return a deep copy
     */
    static double[][] validatedCovariance(double[][] cov) {
        if (cov == null || cov.length < 2) {
            throw new InvalidProblemException("covariance matrix is missing or smaller than 2x2");
        }
        int n = cov.length;
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) {
            if (cov[i] == null || cov[i].length != n) {
                throw new InvalidProblemException("covariance matrix is not square at row " + (i + 1));
            }
            c[i] = cov[i].clone();
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(c[i][j])) {
                    throw new InvalidProblemException("covariance entry (" + (i + 1) + ", " + (j + 1) + ") is "
                            + c[i][j]);
                }
            }
            if (!(c[i][i] > 0)) {
                throw new InvalidProblemException("variance of asset " + (i + 1) + " is " + c[i][i]);
            }
        }
        for (int ib = 0; ib < n; ib += TILE) {
            int ie = Math.min(ib + TILE, n);
            for (int jb = ib; jb < n; jb += TILE) {
                int je = Math.min(jb + TILE, n);
                for (int i = ib; i < ie; i++) {
                    for (int j = Math.max(jb, i + 1); j < je; j++) {
                        if (Double.compare(c[i][j], c[j][i]) != 0) {
                            throw new InvalidProblemException("covariance matrix is not exactly symmetric at ("
                                    + (i + 1) + ", " + (j + 1) + ")");
                        }
                    }
                }
            }
        }
        return c;
    }

    /** @return validated budgets; null means ERC */
    static double[] budgets(double[] b, int n, boolean normalise) {
        if (b == null) {
            double[] erc = new double[n];
            java.util.Arrays.fill(erc, 1.0 / n);
            return erc;
        }
        if (b.length != n) {
            throw new InvalidProblemException("budgets have length " + b.length + " but the covariance is " + n + "x" + n);
        }
        double sum = 0;
        double comp = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(b[i])) {
                throw new InvalidProblemException("budget " + (i + 1) + " is " + b[i]);
            }
            if (!(b[i] > 0)) {
                throw new InvalidProblemException("budget " + (i + 1) + " is " + b[i] + " (budgets must be positive)");
            }
            double t = sum + b[i]; // Neumaier's compensated sum
            comp += Math.abs(sum) >= Math.abs(b[i]) ? (sum - t) + b[i] : (b[i] - t) + sum;
            sum = t;
        }
        double total = sum + comp;
        if (!normalise && Math.abs(total - 1.0) > RiskBudgetProblem.BUDGET_SUM_TOLERANCE) {
            throw new InvalidProblemException(String.format(
                    "budgets sum to %.17g, not 1 (tolerance %.0e); normalise them explicitly if that is intended",
                    total, RiskBudgetProblem.BUDGET_SUM_TOLERANCE));
        }
        double[] out = b.clone();
        if (total != 1.0) {
            for (int i = 0; i < n; i++) {
                out[i] /= total;
            }
        }
        return out;
    }

    /** @throws InvalidProblemException naming the first asset name that occurs twice */
    static void distinctNames(List<String> names) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer prev = seen.put(names.get(i), i);
            if (prev != null) {
                throw new InvalidProblemException("duplicate asset name '" + names.get(i) + "' (assets " + (prev + 1)
                        + " and " + (i + 1) + ")");
            }
        }
    }

    private static String name(List<String> names, int i) {
        return names == null || i >= names.size() ? "" : " '" + names.get(i) + "'";
    }
}

package io.paritybench.core;

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
        double worst = 0;
        int wi = -1;
        int wj = -1;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double rel = Math.abs(c[i][j] - c[j][i]) / Math.sqrt(c[i][i] * c[j][j]);
                if (rel > worst) {
                    worst = rel;
                    wi = i;
                    wj = j;
                }
            }
        }
        if (worst > RiskBudgetProblem.SYMMETRY_TOLERANCE) {
            throw new InvalidProblemException(String.format(
                    "covariance matrix is not symmetric: worst at (%d, %d): %s vs %s (relative difference %.3g > %.0e)",
                    wi + 1, wj + 1, c[wi][wj], c[wj][wi], worst, RiskBudgetProblem.SYMMETRY_TOLERANCE));
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
        positiveDefinite(c, names);
        return c;
    }

    /** Cholesky of the correlation matrix (scale free); a non-positive pivot means Σ is not positive definite. */
    private static void positiveDefinite(double[][] c, List<String> names) {
        int n = c.length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.sqrt(c[i][i]);
        }
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = 1.0;
            double[] lj = l[j];
            for (int k = 0; k < j; k++) {
                d -= lj[k] * lj[k];
            }
            if (!(d > 0)) {
                throw new InvalidProblemException(String.format(
                        "covariance matrix is not positive definite: Cholesky pivot %d (asset %d%s) is %.3g",
                        j + 1, j + 1, name(names, j), d));
            }
            double ljj = Math.sqrt(d);
            lj[j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double[] li = l[i];
                double v = c[i][j] / s[i] / s[j];
                for (int k = 0; k < j; k++) {
                    v -= li[k] * lj[k];
                }
                li[j] = v / ljj;
            }
        }
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

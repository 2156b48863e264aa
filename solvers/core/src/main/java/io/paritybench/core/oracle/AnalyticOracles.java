package io.paritybench.core.oracle;

import io.paritybench.core.RiskBudgetProblem;

/**
 * Closed-form solutions usable as test oracles (ALGORITHMS.md §4.2, §4.3).
 */
public final class AnalyticOracles {

    private AnalyticOracles() {
    }

    /** Diagonal Σ: {@code x_i (Σx)_i = σ_i² x_i² = b_i}, so {@code w_i ∝ sqrt(b_i)/σ_i} (§4.2); normalised. */
    public static double[] diagonal(RiskBudgetProblem p) {
        int n = p.n();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && p.covariance(i, j) != 0.0) {
                    throw new IllegalArgumentException("the diagonal oracle needs a diagonal covariance, but entry ("
                            + (i + 1) + ", " + (j + 1) + ") is " + p.covariance(i, j));
                }
            }
            w[i] = Math.sqrt(p.budget(i)) / Math.sqrt(p.covariance(i, i));
        }
        return normalise(w);
    }

    /**
     * Inverse volatility {@code w_i ∝ 1/σ_i}: the exact ERC solution when all correlations are equal (§4.3), an
     * approximation otherwise; normalised.
     */
    public static double[] inverseVolatility(RiskBudgetProblem p) {
        int n = p.n();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1.0 / Math.sqrt(p.covariance(i, i));
        }
        return normalise(w);
    }

    /**
     * Constant correlation with equal budgets: {@code y = 1} solves the correlation-space problem, so
     * {@code w_i ∝ 1/σ_i} (§4.3).
     *
     * @throws IllegalArgumentException if the budgets are not equal or the correlations differ by more than
     *                                  {@code relTol}
     */
    public static double[] constantCorrelationErc(RiskBudgetProblem p, double relTol) {
        if (!p.isErc()) {
            throw new IllegalArgumentException("the constant-correlation oracle needs equal budgets (ERC)");
        }
        double[][] c = p.correlation();
        double rho = c[0][1];
        for (int i = 0; i < p.n(); i++) {
            for (int j = i + 1; j < p.n(); j++) {
                if (Math.abs(c[i][j] - rho) > relTol * Math.max(1.0, Math.abs(rho))) {
                    throw new IllegalArgumentException("the constant-correlation oracle needs equal correlations, but "
                            + "corr(" + (i + 1) + ", " + (j + 1) + ") = " + c[i][j] + " differs from " + rho);
                }
            }
        }
        return inverseVolatility(p);
    }

    static double[] normalise(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= s;
        }
        return w;
    }
}

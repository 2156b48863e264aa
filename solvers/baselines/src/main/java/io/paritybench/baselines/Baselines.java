package io.paritybench.baselines;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolverOptions;

/** Checks and starting points shared by the baselines. */
final class Baselines {

    private Baselines() {
    }

    /**
     * @return the options' initial point, or else the diagonal solution {@code w_i ∝ sqrt(b_i)/σ_i}
     *         (ALGORITHMS.md §4.2, the same cold start as {@code sqp-ls}); normalised to sum to one
     */
    static double[] start(RiskBudgetProblem problem, SolverOptions options) {
        int n = problem.n();
        double[] w = options.hasInitialPoint() ? options.initialPoint() : new double[n];
        if (!options.hasInitialPoint()) {
            for (int i = 0; i < n; i++) {
                w[i] = Math.sqrt(problem.budget(i) / problem.covariance(i, i));
            }
        }
        double s = 0;
        for (double v : w) {
            s += v;
        }
        for (int i = 0; i < n; i++) {
            w[i] /= s;
        }
        return w;
    }

    /**
     * @return Σ divided by its mean variance, row-major: the solution is unchanged (ALGORITHMS.md §2.2 item 1) and
     *         objectives in absolute units become O(1), so that the optimiser's absolute stopping tests mean
     *         something (seed 003's "rescale Σ by 1e6")
     */
    static double[] scaledCovariance(RiskBudgetProblem problem) {
        int n = problem.n();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += problem.covariance(i, i);
        }
        mean /= n;
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i * n + j] = problem.covariance(i, j) / mean;
            }
        }
        return s;
    }

    /** @return Σx for Σ stored row-major in {@code cov} (n = x.length) */
    static double[] marginal(double[] cov, double[] x) {
        int n = x.length;
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += cov[i * n + j] * x[j];
            }
            m[i] = s;
        }
        return m;
    }

    /** @return a'c */
    static double dot(double[] a, double[] c) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * c[i];
        }
        return s;
    }
}

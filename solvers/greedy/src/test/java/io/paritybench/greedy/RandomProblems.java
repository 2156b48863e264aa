package io.paritybench.greedy;

import io.paritybench.core.RiskBudgetProblem;

import java.util.SplittableRandom;

/** Seeded random risk-budgeting problems for the property tests of this module. */
final class RandomProblems {

    private RandomProblems() {
    }

    /**
     * {@code Σ = V Q diag(logspace(0, −log10 κ, n)) Q' V} with Q orthogonal from Gram–Schmidt on a Gaussian matrix
     * (so the risk-budgeting portfolio hedges) and volatilities V log-uniform in [0.01, 1].
     */
    static double[][] randomSpectrum(int n, double kappa, SplittableRandom rnd) {
        double[][] q = orthogonal(n, rnd);
        double[] lambda = new double[n];
        for (int k = 0; k < n; k++) {
            lambda[k] = n == 1 ? 1 : Math.pow(kappa, -(double) k / (n - 1));
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i][k] * lambda[k] * q[j][k];
                }
                c[i][j] = s;
                c[j][i] = s;
            }
        }
        return withVolatilities(c, rnd);
    }

    /**
     * A k-factor model {@code Σ = V (L L' + diag(ψ)) V} with loadings of both signs in [−1, 1] and idiosyncratic
     * variances ψ log-uniform in [1e-2, 1].
     */
    static double[][] factorModel(int n, int factors, SplittableRandom rnd) {
        double[][] l = new double[n][factors];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < factors; f++) {
                l[i][f] = rnd.nextDouble(-1, 1);
            }
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int f = 0; f < factors; f++) {
                    s += l[i][f] * l[j][f];
                }
                if (i == j) {
                    s += Math.pow(10, rnd.nextDouble(-2, 0));
                }
                c[i][j] = s;
                c[j][i] = s;
            }
        }
        return withVolatilities(c, rnd);
    }

    /** @return budgets proportional to exponential draws, or ERC when {@code erc} */
    static double[] budgets(int n, boolean erc, SplittableRandom rnd) {
        double[] b = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            b[i] = erc ? 1.0 : -Math.log(1 - rnd.nextDouble()) + 0.05;
            sum += b[i];
        }
        for (int i = 0; i < n; i++) {
            b[i] /= sum;
        }
        return b;
    }

    /**
     * A problem from one seed: n in [2, 16], random spectrum with κ in {1e1, 1e2, 1e3, 1e5} or a mixed-sign
     * factor model, ERC or random budgets.
     */
    static RiskBudgetProblem problem(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 2 + rnd.nextInt(15);
        int family = rnd.nextInt(5);
        double[][] cov = family < 4
                ? randomSpectrum(n, new double[] {1e1, 1e2, 1e3, 1e5}[family], rnd)
                : factorModel(n, 1 + rnd.nextInt(3), rnd);
        return RiskBudgetProblem.normalising(cov, budgets(n, rnd.nextBoolean(), rnd));
    }

    /** @return a random positive weight vector (log-uniform entries over two decades) */
    static double[] positiveWeights(int n, SplittableRandom rnd) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(10, rnd.nextDouble(-1, 1));
        }
        return w;
    }

    private static double[][] withVolatilities(double[][] c, SplittableRandom rnd) {
        int n = c.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.pow(10, rnd.nextDouble(-2, 0)) / Math.sqrt(c[i][i]);
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = v[i] * c[i][j] * v[j];
            }
        }
        return s;
    }

    private static double[][] orthogonal(int n, SplittableRandom rnd) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = rnd.nextGaussian();
            }
        }
        // Modified Gram–Schmidt on the columns, twice for orthogonality to working precision.
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < k; j++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += a[i][j] * a[i][k];
                    }
                    for (int i = 0; i < n; i++) {
                        a[i][k] -= dot * a[i][j];
                    }
                }
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += a[i][k] * a[i][k];
                }
                norm = Math.sqrt(norm);
                for (int i = 0; i < n; i++) {
                    a[i][k] /= norm;
                }
            }
        }
        return a;
    }
}

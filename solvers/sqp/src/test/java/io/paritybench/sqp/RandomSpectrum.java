package io.paritybench.sqp;

import io.paritybench.core.RiskBudgetProblem;
import java.util.SplittableRandom;

/**
 * The random-spectrum family of ALGORITHMS.md §8.3: {@code Σ = Q diag(logspace(0, −log10 κ, n)) Q'} with a
 * Haar-distributed orthogonal Q (QR of a seeded Gaussian matrix by modified Gram–Schmidt, applied twice, which
 * makes R's diagonal positive, the normalisation that gives the Haar measure — Mezzadri 2007), equal budgets.
 */
final class RandomSpectrum {

    private RandomSpectrum() {
    }

    static RiskBudgetProblem erc(int n, double kappa, long seed) {
        double[][] q = haar(n, new SplittableRandom(seed));
        double[] lambda = new double[n];
        for (int k = 0; k < n; k++) {
            lambda[k] = n == 1 ? 1.0 : Math.pow(10.0, -Math.log10(kappa) * k / (n - 1));
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i][k] * lambda[k] * q[j][k];
                }
                cov[i][j] = s;
                cov[j][i] = s;
            }
        }
        return RiskBudgetProblem.erc(cov);
    }

    /** @return an n×n orthogonal matrix, columns orthonormal, Haar distributed */
    static double[][] haar(int n, SplittableRandom rng) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = gaussian(rng);
            }
        }
        for (int j = 0; j < n; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += a[i][k] * a[i][j];
                    }
                    for (int i = 0; i < n; i++) {
                        a[i][j] -= dot * a[i][k];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += a[i][j] * a[i][j];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                a[i][j] /= norm;
            }
        }
        return a;
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }
}

package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;

/**
 * The problems of the benchmarks: one fixed, seeded ERC problem per (family, n, κ(Σ)), the same for every solver and
 * tolerance.
 *
 * <ul>
 *   <li>{@code random-spectrum}: {@code Σ = Q diag(logspace(0, −log10 κ, n)) Q'}, Q Haar (ALGORITHMS.md §8.3);</li>
 *   <li>{@code factor}: a 3-factor model {@code Σ = B diag(f²) B' + δ I} whose idiosyncratic variance δ is chosen so
 *       that {@code κ(Σ) = (λ_max(B diag(f²) B') + δ)/δ} equals the requested κ (n > 3, so {@code λ_min = δ}).</li>
 * </ul>
 *
 * <p>Interim construction until the generators of {@code io.paritybench.core.generate} are available.
 */
final class ProblemSource {

    /** Seed of every benchmark problem. */
    static final long SEED = 1L;
    static final String RANDOM_SPECTRUM = "random-spectrum";
    static final String FACTOR = "factor";
    private static final int FACTORS = 3;

    private ProblemSource() {
    }

    /** @return the benchmark problem of this family, size and κ(Σ) */
    static BenchProblem build(String family, int n, double kappa) {
        if (!(kappa >= 1) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be a finite number >= 1, got " + kappa);
        }
        return switch (family) {
            case RANDOM_SPECTRUM -> new BenchProblem(RiskBudgetProblem.erc(randomSpectrum(n, kappa)),
                    "random-spectrum:n=" + n + ",kappa=" + kappa + ",budgets=equal,seed=" + SEED, kappa,
                    Double.NaN, Double.NaN);
            case FACTOR -> new BenchProblem(RiskBudgetProblem.erc(factor(n, kappa)),
                    "factor:n=" + n + ",k=" + FACTORS + ",kappa=" + kappa + ",budgets=equal,seed=" + SEED, kappa,
                    Double.NaN, Double.NaN);
            default -> throw new IllegalArgumentException(
                    "unknown family '" + family + "'; known: " + RANDOM_SPECTRUM + ", " + FACTOR);
        };
    }

    private static double[][] randomSpectrum(int n, double kappa) {
        SplittableRandom rng = new SplittableRandom(SEED);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            g.data[i] = gaussian(rng);
        }
        QRDecompositionHouseholderColumn_DDRM qr = new QRDecompositionHouseholderColumn_DDRM();
        if (!qr.decompose(g)) {
            throw new IllegalStateException("QR of a Gaussian matrix failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        double e = Math.log10(kappa);
        double[] lambda = new double[n];
        for (int k = 0; k < n; k++) {
            lambda[k] = Math.pow(10.0, -e * k / (n - 1));
        }
        double[][] s = new double[n][n];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                row[k] = q.data[i * n + k] * lambda[k];
            }
            for (int j = i; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += row[k] * q.data[j * n + k];
                }
                s[i][j] = sum;
                s[j][i] = sum;
            }
        }
        return s;
    }

    private static double[][] factor(int n, double kappa) {
        if (n <= FACTORS) {
            throw new IllegalArgumentException("the factor family needs n > " + FACTORS + ", got " + n);
        }
        SplittableRandom rng = new SplittableRandom(SEED);
        double[][] b = new double[n][FACTORS];
        double[] f = {0.2, 0.1, 0.05};
        for (int i = 0; i < n; i++) {
            b[i][0] = (0.5 + rng.nextDouble()) * f[0];
            for (int k = 1; k < FACTORS; k++) {
                b[i][k] = gaussian(rng) * f[k];
            }
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < FACTORS; k++) {
                    sum += b[i][k] * b[j][k];
                }
                s[i][j] = sum;
                s[j][i] = sum;
            }
        }
        double delta = Spectra.largestEigenvalue(s) / (kappa - 1);
        for (int i = 0; i < n; i++) {
            s[i][i] += delta;
        }
        return s;
    }

    private static double gaussian(SplittableRandom rng) {
        double u;
        double v;
        double r;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            r = u * u + v * v;
        } while (r >= 1 || r == 0);
        return u * Math.sqrt(-2 * Math.log(r) / r);
    }
}

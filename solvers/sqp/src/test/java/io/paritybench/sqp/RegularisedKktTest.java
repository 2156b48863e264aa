package io.paritybench.sqp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The KKT solve against Gaussian elimination with partial pivoting on the full bordered system. */
class RegularisedKktTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void matchesTheBorderedSystem(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int m = 2 + rng.nextInt(12);
        double[] jac = new double[m * m];
        for (int i = 0; i < jac.length; i++) {
            jac[i] = rng.nextDouble() - 0.5;
        }
        double[] h = new double[m * m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += jac[i * m + j] * jac[i * m + k];
                }
                h[j * m + k] = s;
            }
        }
        double tau = 1e-3;
        double[] g = new double[m];
        double[] a = new double[m];
        for (int i = 0; i < m; i++) {
            g[i] = rng.nextDouble() - 0.5;
            a[i] = i < m - 1 ? 1.0 : 0.0;
        }
        double[] d = new double[m];
        assertThat(new RegularisedKkt(m).solve(h, tau, g, a, d)).isTrue();

        int k = m + 1;
        double[][] kkt = new double[k][k + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                kkt[i][j] = h[i * m + j] + (i == j ? tau : 0);
            }
            kkt[i][m] = a[i];
            kkt[m][i] = a[i];
            kkt[i][k] = -g[i];
        }
        double[] expected = gauss(kkt);
        double scale = 0;
        for (int i = 0; i < m; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        for (int i = 0; i < m; i++) {
            assertThat(Math.abs(d[i] - expected[i])).as("d[%d]", i).isLessThanOrEqualTo(1e-9 * scale);
        }
        double ad = 0;
        for (int i = 0; i < m; i++) {
            ad += a[i] * d[i];
        }
        assertThat(Math.abs(ad)).as("a'd = 0").isLessThanOrEqualTo(1e-12 * scale * m);
    }

    private static double[] gauss(double[][] aug) {
        int k = aug.length;
        for (int c = 0; c < k; c++) {
            int p = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(aug[r][c]) > Math.abs(aug[p][c])) {
                    p = r;
                }
            }
            double[] t = aug[c];
            aug[c] = aug[p];
            aug[p] = t;
            for (int r = c + 1; r < k; r++) {
                double f = aug[r][c] / aug[c][c];
                for (int j = c; j <= k; j++) {
                    aug[r][j] -= f * aug[c][j];
                }
            }
        }
        double[] x = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = aug[r][k];
            for (int j = r + 1; j < k; j++) {
                s -= aug[r][j] * x[j];
            }
            x[r] = s / aug[r][r];
        }
        return x;
    }
}

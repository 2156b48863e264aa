package io.paritybench.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockCholeskyTest {

    private static final double U = 0x1.0p-53;

    /** A = G G'/n + I: SPD with entries of order 1 and a condition number of order 10. */
    private static double[][] spd(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] g = new double[n][n];
        for (double[] row : g) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextDouble() - 0.5;
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += g[i][k] * g[j][k];
                }
                s = s / n + (i == j ? 1 : 0);
                a[i][j] = s;
                a[j][i] = s;
            }
        }
        return a;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Sizes around the panel (16) and tile (1024) boundaries and the 4-row unrolling. */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 2, 3, 5, 15, 16, 17, 31, 33, 64, 101, 1030})
    void factorReproducesTheMatrixAndSolvesToBackwardStability(int n) {
        double[][] a = spd(n, 1000 + n);
        double[][] u = copy(a);
        assertThat(BlockCholesky.factor(u, n)).isEqualTo(-1);
        SplittableRandom r = new SplittableRandom(n);
        // (U'U)_ij on sampled entries: a backward-stable Cholesky has |A − U'U| ≤ c n u |U'||U| with |U'||U| ≤ ~2
        double worst = 0;
        for (int t = 0; t < 400; t++) {
            int i = r.nextInt(n);
            int j = r.nextInt(n);
            double s = 0;
            for (int k = 0; k <= Math.min(i, j); k++) {
                s += u[k][i] * u[k][j];
            }
            worst = Math.max(worst, Math.abs(s - a[i][j]));
        }
        assertThat(worst).as("max |A − U'U| on sampled entries").isLessThanOrEqualTo(4 * n * U * 2);

        double[] x = new double[n];
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = r.nextDouble() - 0.5;
        }
        System.arraycopy(rhs, 0, x, 0, n);
        BlockCholesky.solve(u, n, x);
        double resid = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j] * x[j];
                scale = Math.max(scale, Math.abs(a[i][j] * x[j]));
            }
            resid = Math.max(resid, Math.abs(s - rhs[i]));
        }
        assertThat(resid).as("max |Ax − b| relative to max |A_ij x_j|").isLessThanOrEqualTo(8 * n * U * scale);

        // the mirrored factor solves the same system to the same backward accuracy
        BlockCholesky.mirror(u, n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                assertThat(u[j][i]).isEqualTo(u[i][j]);
            }
        }
        double[] xm = rhs.clone();
        BlockCholesky.solveMirrored(u, n, xm);
        double residM = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j] * xm[j];
            }
            residM = Math.max(residM, Math.abs(s - rhs[i]));
        }
        assertThat(residM).as("mirrored solve: max |Ax − b|").isLessThanOrEqualTo(8 * n * U * scale);
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {3, 20, 40})
    void reportsTheFirstNonPositivePivotOfAnIndefiniteMatrix(int n) {
        double[][] a = spd(n, 7);
        int bad = n / 2;
        // make the leading (bad+1)×(bad+1) block indefinite, keeping the leading bad×bad block positive definite
        a[bad][bad] = -1.0;
        assertThat(BlockCholesky.factor(copy(a), n)).isEqualTo(bad);
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 20})
    void rejectsANonFiniteMatrix(int n) {
        double[][] a = spd(n, 11);
        a[0][n - 1] = Double.NaN;
        a[n - 1][0] = Double.NaN;
        assertThat(BlockCholesky.factor(copy(a), n)).isGreaterThanOrEqualTo(0);
    }

    /**
     * Two workers share each panel's trailing update; every element gets the same operations in the same order, so the
     * factor is the same bit for bit. Sizes across the row item (32), the tile (1024) and the wide panel (from 1500).
     */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 65, 130, 1030, 1540})
    void twoWorkersGiveTheSameFactorBitForBit(int n) {
        SplittableRandom r = new SplittableRandom(7 + n);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                a[i][j] = r.nextDouble() - 0.5;
                a[j][i] = a[i][j];
            }
            a[i][i] = 0.3 * n + r.nextDouble();
        }
        double[][] one = copy(a);
        double[][] two = copy(a);
        assertThat(BlockCholesky.factor(one, n, 1)).isEqualTo(-1);
        assertThat(BlockCholesky.factor(two, n, 2)).isEqualTo(-1);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                if (Double.doubleToRawLongBits(one[i][j]) != Double.doubleToRawLongBits(two[i][j])) {
                    assertThat(two[i][j]).as("U(%d, %d)", i, j).isEqualTo(one[i][j]);
                }
            }
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {40, 300})
    void twoWorkersReportTheSameFirstNonPositivePivot(int n) {
        double[][] a = spd(n, 31 + n);
        a[n / 2][n / 2] = -1;
        assertThat(BlockCholesky.factor(copy(a), n, 2)).isEqualTo(BlockCholesky.factor(copy(a), n, 1))
                .isGreaterThanOrEqualTo(0);
    }
}

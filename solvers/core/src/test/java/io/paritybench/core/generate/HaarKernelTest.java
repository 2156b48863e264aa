package io.paritybench.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cache-blocked Householder kernels of {@link Matrices} reproduce, bit for bit, the straightforward computation
 * they replaced: EJML's column Householder QR with its backward Q accumulation, and a row-by-row dot product for
 * {@code Q diag(λ) Q'}. Sizes straddle the tile width and the block sizes.
 */
class HaarKernelTest {

    /** The former implementation: EJML 0.43.1 QR of the Gaussian matrix, signs from R's diagonal. */
    private static double[][] ejmlHaar(int n, Draws draws) {
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g.unsafe_set(i, j, draws.gaussian());
            }
        }
        QRDecompositionHouseholderColumn_DDRM qr = new QRDecompositionHouseholderColumn_DDRM();
        assertThat(qr.decompose(g)).isTrue();
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        double[][] out = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = r.unsafe_get(j, j) < 0 ? -1.0 : 1.0;
            for (int i = 0; i < n; i++) {
                out[i][j] = s * q.unsafe_get(i, j);
            }
        }
        return out;
    }

    /** The former {@code Q diag(λ) Q'}: one dot product per upper-triangle entry, ascending k, mirrored. */
    private static double[][] dotSpectrum(double[][] q, double[] lambda) {
        int n = lambda.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += q[i][k] * lambda[k] * q[j][k];
                }
                s[i][j] = sum;
                s[j][i] = sum;
            }
        }
        return s;
    }

    private static Draws draws(long seed) {
        return new Draws(new SplittableRandom(seed).split());
    }

    private static void assertBitIdentical(double[][] actual, double[][] expected) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertThat(Double.doubleToRawLongBits(actual[i][j])).as("(%d, %d)", i, j)
                        .isEqualTo(Double.doubleToRawLongBits(expected[i][j]));
            }
        }
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 3, 5, 31, 32, 33, 64, 67, 130})
    void theHaarMatrixIsEjmlsBitForBit(int n) {
        assertBitIdentical(Matrices.haar(n, draws(n)), ejmlHaar(n, draws(n)));
    }

    /** Two workers sharing the tiles (the path from n = 1024) give the same bits as EJML, however they interleave. */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 33, 130, 300})
    void twoWorkersGiveTheSameMatrixBitForBit(int n) {
        double[][] qt = Matrices.haarColumns(n, draws(n), 2);
        double[][] q = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                q[i][j] = qt[j][i];
            }
        }
        assertBitIdentical(q, ejmlHaar(n, draws(n)));
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 7, 63, 64, 65, 257, 300})
    void theSpectrumProductSumsEachEntryInTheSameOrder(int n) {
        double[][] q = Matrices.haar(n, draws(100 + n));
        double[] lambda = Matrices.logspace(n, 1e8);
        assertBitIdentical(Matrices.withSpectrum(q, lambda), dotSpectrum(q, lambda));
        assertBitIdentical(Matrices.randomSpectrum(n, 1e8, draws(100 + n)), dotSpectrum(q, lambda));
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 63, 65, 130, 300})
    void theSpectrumProductOnTwoWorkersIsTheSameMatrixBitForBit(int n) {
        double[][] qt = Matrices.haarColumns(n, draws(200 + n), 1);
        double[] lambda = Matrices.logspace(n, 1e6);
        double[][] two = Matrices.withSpectrumColumns(qt, lambda, 2);
        assertBitIdentical(two, Matrices.withSpectrumColumns(qt, lambda, 1));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertThat(Double.doubleToRawLongBits(two[i][j])).as("mirror (%d, %d)", i, j)
                        .isEqualTo(Double.doubleToRawLongBits(two[j][i]));
            }
        }
    }
}

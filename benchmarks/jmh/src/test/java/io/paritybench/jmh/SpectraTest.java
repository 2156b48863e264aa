package io.paritybench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpectraTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void largestEigenvalueAgreesWithADenseEigensolver(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 30;
        int k = 4;
        double[][] b = new double[n][k];
        for (double[] row : b) {
            for (int j = 0; j < k; j++) {
                row[j] = rng.nextDouble() - 0.3;
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int f = 0; f < k; f++) {
                    a[i][j] += b[i][f] * b[j][f];
                }
            }
        }
        double[] lambda = ProblemSourceTest.eigenvalues(a);
        double expected = lambda[n - 1];
        assertThat(Spectra.largestEigenvalue(a)).isCloseTo(expected, within(1e-12 * expected));
    }
}

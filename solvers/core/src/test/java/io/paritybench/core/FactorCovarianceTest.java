package io.paritybench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.paritybench.core.testing.FactorProblems;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactorCovarianceTest {

    private static final double[][] B = {{1.0, 0.2}, {0.8, -0.1}, {1.2, 0.4}};
    private static final double[][] F = {{0.04, 0.001}, {0.001, 0.01}};
    private static final double[] D = {0.02, 0.03, 0.05};

    @ParameterizedTest
    @CsvSource({"1, 50, 1", "2, 120, 5", "3, 200, 12"})
    void operationsAgreeWithTheMaterialisedMatrix(long seed, int n, int k) {
        FactorCovariance m = FactorProblems.model(seed, n, k);
        double[][] dense = m.toDense();
        double[] x = new SplittableRandom(seed).doubles(n, -1, 1).toArray();
        double[] sx = new double[n];
        m.multiply(x, sx);
        double[] row = new double[n];
        m.row(n / 2, row);
        for (int i = 0; i < n; i++) {
            double s = 0;
            double scale = 0;
            for (int j = 0; j < n; j++) {
                s += dense[i][j] * x[j];
                scale += Math.abs(dense[i][j] * x[j]);
                assertThat(dense[i][j]).isEqualTo(dense[j][i]);
            }
            assertThat(sx[i]).isCloseTo(s, within(1e-14 * scale));
            assertThat(m.variance(i)).isCloseTo(dense[i][i], within(1e-15 * dense[i][i]));
            assertThat(m.entry(n / 2, i)).isCloseTo(dense[n / 2][i], within(1e-15 * dense[i][i]));
            assertThat(row[i]).isCloseTo(dense[n / 2][i], within(1e-15 * dense[i][i]));
        }
    }

    @Test
    void problemInFactorFormHasNoDenseMatrixButTheSameMetrics() {
        RiskBudgetProblem p = FactorProblems.problem(7, 60, 4, false);
        RiskBudgetProblem dense = p.toDense();
        assertThat(p.isFactor()).isTrue();
        assertThat(dense.isFactor()).isFalse();
        assertThatThrownBy(p::covariance).isInstanceOf(IllegalStateException.class).hasMessageContaining("factor");
        double[] w = new SplittableRandom(3).doubles(60, 0.5, 1.5).toArray();
        assertThat(RiskMetrics.maxAbsBudgetError(p, w))
                .isCloseTo(RiskMetrics.maxAbsBudgetError(dense, w), within(1e-14));
        assertThat(p.volatilities()).containsExactly(dense.volatilities(), within(1e-16));
    }

    @Test
    void factorCovarianceThatIsNotPositiveDefiniteIsRejected() {
        double[][] f = {{0.04, 0.03}, {0.03, 0.01}};
        assertThatThrownBy(() -> FactorCovariance.of(B, f, D)).isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining("factor covariance is not positive definite").hasMessageContaining("pivot 2");
        double[][] negative = {{0.04, 0}, {0, -0.01}};
        assertThatThrownBy(() -> FactorCovariance.of(B, negative, D)).isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining("factor 2");
        double[][] asymmetric = {{0.04, 0.002}, {0.001, 0.01}};
        assertThatThrownBy(() -> FactorCovariance.of(B, asymmetric, D)).isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining("not symmetric");
    }

    @Test
    void nonPositiveOrNonFiniteIdiosyncraticVarianceIsRejected() {
        assertThatThrownBy(() -> FactorCovariance.of(B, F, new double[] {0.02, 0.0, 0.05}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("asset 2").hasMessageContaining("0.0");
        assertThatThrownBy(() -> FactorCovariance.of(B, F, new double[] {0.02, 0.03, -1}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("asset 3");
        assertThatThrownBy(() -> FactorCovariance.of(B, F, new double[] {Double.NaN, 0.03, 0.05}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("asset 1");
        double[][] bad = {{1.0, 0.2}, {0.8, Double.POSITIVE_INFINITY}, {1.2, 0.4}};
        assertThatThrownBy(() -> FactorCovariance.of(bad, F, D)).isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining("loading (2, 2)");
    }

    @Test
    void mismatchedSizesAreRejected() {
        assertThatThrownBy(() -> FactorCovariance.of(B, F, new double[] {0.1, 0.1}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("length 2");
        assertThatThrownBy(() -> FactorCovariance.of(B, new double[][] {{0.04}}, D))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("expected 2x2");
        assertThatThrownBy(() -> FactorCovariance.of(new double[][] {{1, 2}, {1}, {1, 2}}, F, D))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("row 2");
        assertThatThrownBy(() -> RiskBudgetProblem.of(FactorCovariance.of(B, F, D), new double[] {0.5, 0.5}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("length 2");
    }

    @Test
    void woodburySolvesTheShiftedSystem() {
        FactorCovariance m = FactorProblems.model(11, 80, 6);
        double[] e = new SplittableRandom(5).doubles(80, 0.01, 2).toArray();
        double[] r = new SplittableRandom(6).doubles(80, -1, 1).toArray();
        WoodburySolver w = new WoodburySolver(m);
        assertThat(w.factor(e)).isTrue();
        double[] z = new double[80];
        w.solve(r, z);
        double[] hz = new double[80];
        m.multiply(z, hz);
        double[] d = m.idiosyncraticVariances();
        for (int i = 0; i < 80; i++) {
            assertThat(hz[i] - d[i] * z[i] + e[i] * z[i]).isCloseTo(r[i], within(1e-12));
        }
        e[3] = 0;
        assertThat(w.factor(e)).isFalse();
    }
}

package io.paritybench.core.reference;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CholeskyTest {

    @Test
    void solvesAWellConditionedSystemToRoundoff() {
        int n = 37;
        SplittableRandom rng = new SplittableRandom(3);
        double[] g = new double[n * n];
        for (int i = 0; i < g.length; i++) {
            g[i] = rng.nextDouble() - 0.5;
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? n : 0;
                for (int k = 0; k < n; k++) {
                    s += g[i * n + k] * g[j * n + k];
                }
                a[i * n + j] = s;
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble() + 0.5;
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i] += a[i * n + j] * x[j];
            }
        }
        double[] u = a.clone();
        assertThat(Cholesky.factor(u, n)).isTrue();
        Cholesky.solve(u, n, r);
        for (int i = 0; i < n; i++) {
            // κ(A) is below 10 by construction (A = GG' + nI, ‖GG'‖ ≲ n·…/4): 1e-13 is a hundred times roundoff
            assertThat(Math.abs(r[i] - x[i])).isLessThanOrEqualTo(1e-13);
        }
    }

    @Test
    void reportsAnIndefiniteMatrix() {
        double[] a = {1, 2, 2, 1};
        assertThat(Cholesky.factor(a, 2)).isFalse();
        double[] nan = {Double.NaN, 0, 0, 1};
        assertThat(Cholesky.factor(nan, 2)).isFalse();
    }
}

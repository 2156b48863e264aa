package io.paritybench.sqp;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.generate.ProblemGenerator;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The θ model's gradient {@code J'r} and normal matrix {@code J'J} against central differences of r and f. */
class ThetaResidualModelTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void gradientAndNormalMatrixMatchFiniteDifferences(long seed) {
        int n = 6;
        RiskBudgetProblem p = RiskBudgetProblem.erc(ProblemGenerator.randomSpectrum(n, 100, seed));
        double[][] corr = p.correlation();
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = corr[i][j];
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] b = new double[n];
        double[] y = new double[n];
        double sb = 0;
        for (int i = 0; i < n; i++) {
            b[i] = 0.1 + rng.nextDouble();
            sb += b[i];
            y[i] = 0.1 + rng.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            b[i] /= sb;
        }
        double theta = 0.7;
        ThetaResidualModel model = new ThetaResidualModel(c, b);
        double[] m = new double[n];
        double[] r = new double[n];
        model.evaluate(y, theta, m, r);
        int n1 = n + 1;
        double[] h = new double[n1 * n1];
        double[] g = new double[n1];
        model.linearise(y, m, r, h, g);

        double step = 1e-6;
        double[][] jac = new double[n][n1];
        double[] rp = new double[n];
        double[] rm = new double[n];
        for (int k = 0; k < n1; k++) {
            double[] yp = y.clone();
            double[] ym = y.clone();
            double tp = theta;
            double tm = theta;
            if (k < n) {
                yp[k] += step;
                ym[k] -= step;
            } else {
                tp += step;
                tm -= step;
            }
            double fp = model.evaluate(yp, tp, m, rp);
            double fm = model.evaluate(ym, tm, m, rm);
            assertThat(g[k]).as("df/dz_%d", k).isCloseTo((fp - fm) / (2 * step),
                    org.assertj.core.data.Offset.offset(1e-7 * (1 + Math.abs(g[k]))));
            for (int i = 0; i < n; i++) {
                jac[i][k] = (rp[i] - rm[i]) / (2 * step);
            }
        }
        for (int j = 0; j < n1; j++) {
            for (int k = 0; k < n1; k++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += jac[i][j] * jac[i][k];
                }
                assertThat(h[j * n1 + k]).as("(J'J)_%d%d", j, k)
                        .isCloseTo(s, org.assertj.core.data.Offset.offset(1e-7 * (1 + Math.abs(s))));
            }
        }
    }
}

package io.paritybench.core.testing;

import io.paritybench.core.FactorCovariance;
import io.paritybench.core.RiskBudgetProblem;
import java.util.SplittableRandom;

/** Seeded factor-form test problems: market loadings U[0.5, 1.5], style loadings N(0, 0.3²), idio vols 10–40 %. */
public final class FactorProblems {

    private FactorProblems() {
    }

    /** @return the factor model (F diagonal with volatilities 0.2, 0.1, 0.08…, plus a small off-diagonal part) */
    public static FactorCovariance model(long seed, int n, int k) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] b = new double[n][k];
        for (int i = 0; i < n; i++) {
            b[i][0] = rnd.nextDouble(0.5, 1.5);
            for (int a = 1; a < k; a++) {
                b[i][a] = 0.3 * rnd.nextGaussian();
            }
        }
        double[][] f = new double[k][k];
        for (int a = 0; a < k; a++) {
            double va = a == 0 ? 0.2 : 0.1 / Math.sqrt(a);
            f[a][a] = va * va;
        }
        for (int a = 1; a + 1 < k; a += 2) {
            double c = 0.3 * Math.sqrt(f[a][a] * f[a + 1][a + 1]);
            f[a][a + 1] = c;
            f[a + 1][a] = c;
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double v = rnd.nextDouble(0.10, 0.40);
            d[i] = v * v;
        }
        return FactorCovariance.of(b, f, d);
    }

    /** @return a factor-form problem with random budgets in [0.5, 2] (normalised), or ERC */
    public static RiskBudgetProblem problem(long seed, int n, int k, boolean erc) {
        FactorCovariance m = model(seed, n, k);
        if (erc) {
            return RiskBudgetProblem.of(m, null);
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] budgets = new double[n];
        for (int i = 0; i < n; i++) {
            budgets[i] = rnd.nextDouble(0.5, 2);
        }
        return RiskBudgetProblem.normalising(m, budgets);
    }
}

package io.paritybench.baselines;

import io.paritybench.core.RiskBudgetProblem;

/**
 * Whether a problem is ERC with all correlations equal: then {@code w ∝ 1/σ} is the exact solution (ALGORITHMS.md
 * §4.3) and it is also the diagonal start {@code w ∝ sqrt(b)/σ} of the generic baselines. These are the only cases
 * on which the baselines are expected to be accurate.
 */
final class EqualCorrelationErc {

    private EqualCorrelationErc() {
    }

    static boolean test(RiskBudgetProblem p) {
        if (!p.isErc()) {
            return false;
        }
        double[][] c = p.correlation();
        int n = p.n();
        if (n < 2) {
            return true;
        }
        double rho = c[0][1];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(c[i][j] - rho) > 1e-12) {
                    return false;
                }
            }
        }
        return true;
    }
}

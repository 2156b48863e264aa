package io.paritybench.core.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.SharedCases;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalyticOraclesTest {

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void diagonalSolutionHasTheBudgetedContributions(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 7;
        double[][] cov = new double[n][n];
        double[] b = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            cov[i][i] = Math.exp(rnd.nextDouble(-8, 2));
            b[i] = rnd.nextDouble(0.01, 1);
            sum += b[i];
        }
        for (int i = 0; i < n; i++) {
            b[i] /= sum;
        }
        RiskBudgetProblem p = RiskBudgetProblem.normalising(cov, b);
        assertThat(RiskMetrics.maxRelBudgetError(p, AnalyticOracles.diagonal(p))).isLessThan(1e-14);
    }

    @Test
    void constantCorrelationErcMatchesTheReferenceCase() {
        CaseData c = SharedCases.byName("cc_n8_rho0.3_erc");
        double[] w = AnalyticOracles.constantCorrelationErc(c.problem(), 1e-12);
        assertThat(RiskMetrics.maxRelWeightError(w, c.referenceWeights())).isLessThan(1e-14);
    }

    @Test
    void oraclesRefuseProblemsOutsideTheirDomain() {
        RiskBudgetProblem p = SharedCases.byName("roncalli_n4_erc").problem();
        assertThatThrownBy(() -> AnalyticOracles.diagonal(p)).hasMessageContaining("diagonal");
        assertThatThrownBy(() -> AnalyticOracles.constantCorrelationErc(p, 1e-12)).hasMessageContaining("corr(");
        RiskBudgetProblem budgets = SharedCases.byName("fm_n30_k2_idio1e-4_budgets").problem();
        assertThatThrownBy(() -> AnalyticOracles.constantCorrelationErc(budgets, 1e-12)).hasMessageContaining("equal budgets");
    }
}

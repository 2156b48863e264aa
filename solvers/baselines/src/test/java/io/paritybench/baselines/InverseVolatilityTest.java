package io.paritybench.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.SharedCases;
import org.junit.jupiter.api.Test;

class InverseVolatilityTest {

    @Test
    void isExactForEqualCorrelationsAndEqualBudgets() {
        CaseData c = SharedCases.byName("cc_n8_rho0.3_erc");
        SolveResult r = new InverseVolatility().solve(c.problem(),
                SolverOptions.defaults().withTolerance(c.tolerance().maxAbsRrcError()));
        assertThat(r.status()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(RiskMetrics.maxRelWeightError(r.weights(), c.referenceWeights()))
                .isLessThanOrEqualTo(c.tolerance().maxRelWeightError());
    }

    @Test
    void reportsItsErrorElsewhere() {
        CaseData c = SharedCases.byName("roncalli_n4_erc");
        SolveResult r = new InverseVolatility().solve(c.problem(), SolverOptions.defaults());
        assertThat(r.status()).isEqualTo(SolveStatus.TOLERANCE_NOT_MET);
        assertThat(r.residual()).isEqualTo(ConvergenceTest.residual(c.problem(), r.weights()))
                .isGreaterThan(1e-3);
        assertThat(r.iterations()).isZero();
    }

    @Test
    void theProviderListsTheThreeBaselines() {
        assertThat(new BaselineSolverProvider().solvers()).extracting(s -> s.id())
                .containsExactly("inverse-vol", "ls-generic", "logbarrier-generic");
    }
}

package io.paritybench.newton;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.testing.FactorProblems;
import org.junit.jupiter.api.Test;

/**
 * n = 10⁵ in factor form (k = 10): Newton's Woodbury path converges in a few iterations without an n×n array (which
 * would need 80 GB), and agrees with newton-cg. Correctness at scale, not timing (timing is JMH's job).
 */
class FactorScaleTest {

    @Test
    void newtonAndNewtonCgSolveAHundredThousandAssetsAndAgree() {
        RiskBudgetProblem p = FactorProblems.problem(2026, 100_000, 10, false);
        SolverOptions o = SolverOptions.defaults().withTolerance(1e-15);
        SolveResult newton = new LogBarrierNewton().solve(p, o);
        SolveResult cg = new TruncatedNewtonCg().solve(p, o);
        assertThat(newton.status()).as(newton.toString()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(cg.status()).as(cg.toString()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(newton.iterations()).isLessThan(20);
        assertThat(RiskMetrics.maxAbsBudgetError(p, newton.weights())).isLessThanOrEqualTo(1e-15);
        // relative budget errors below 1e-15 / min b ≈ 2e-10 on both sides
        assertThat(RiskMetrics.maxRelWeightError(cg.weights(), newton.weights())).isLessThan(1e-8);
    }
}

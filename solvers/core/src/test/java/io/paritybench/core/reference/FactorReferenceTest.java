package io.paritybench.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.testing.FactorProblems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactorReferenceTest {

    @ParameterizedTest
    @CsvSource({"1, 50, 1, true", "2, 150, 5, false", "3, 200, 12, false"})
    void factorFormIsCertifiedAndAgreesWithTheDenseReferenceToTheLastBit(long seed, int n, int k, boolean erc) {
        RiskBudgetProblem factor = FactorProblems.problem(seed, n, k, erc);
        SolverOptions o = SolverOptions.defaults().withTolerance(1e-14);
        SolveResult viaFactor = new ReferenceSolver().solve(factor, o);
        SolveResult viaDense = new ReferenceSolver().solve(factor.toDense(), o);
        assertThat(viaFactor.counter("certified")).as(viaFactor.message()).isEqualTo(1L);
        assertThat(viaDense.counter("certified")).isEqualTo(1L);
        assertThat(viaFactor.status()).isEqualTo(SolveStatus.CONVERGED);
        // both correctly rounded for the same exact Σ up to the rounding of the materialised entries: a few ulps
        assertThat(RiskMetrics.maxRelWeightError(viaFactor.weights(), viaDense.weights())).isLessThan(1e-14);
    }
}

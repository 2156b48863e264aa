package io.paritybench.core.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.RiskBudgetSolverContractTest;
import io.paritybench.core.testing.SharedCases;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClosedFormTwoAssetsTest extends RiskBudgetSolverContractTest {

    @Override
    protected RiskBudgetSolver solver() {
        return new ClosedFormTwoAssets();
    }

    @Override
    protected boolean handles(RiskBudgetProblem p) {
        return p.n() == 2;
    }

    static Stream<CaseData> twoAssetCases() {
        return SharedCases.all().stream().filter(c -> c.problem().n() == 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoAssetCases")
    void agreesWithTheReferenceToFourUlps(CaseData c) {
        double[] w = solver().solve(c.problem(), SolverOptions.defaults()).weights();
        double[] ref = c.referenceWeights();
        for (int i = 0; i < 2; i++) {
            assertThat(Math.abs(w[i] - ref[i])).as("w[%d] on %s", i, c.name()).isLessThanOrEqualTo(4 * Math.ulp(ref[i]));
        }
    }

    /** §4.1: A = 0 makes the printed formula 0/0; here w_1 = bσ_2²/(2bσ_2² − (2b−1)ρσ_1σ_2) = 16/41. */
    @Test
    void isExactWhereTheTextbookFormulaDividesByZero() {
        double[] w = ClosedFormTwoAssets.weights(0.625, 1.0, 0.3, 0.2, 0.8);
        assertThat(Math.abs(w[0] - 16.0 / 41.0)).isLessThanOrEqualTo(Math.ulp(16.0 / 41.0));
        assertThat(Math.abs(w[1] - 25.0 / 41.0)).isLessThanOrEqualTo(Math.ulp(25.0 / 41.0));
        double[] half = ClosedFormTwoAssets.weights(0.2, 0.2, -0.3, 0.5, 0.5);
        assertThat(half[0]).isEqualTo(0.5);
        assertThat(half[1]).isEqualTo(0.5);
    }

    /** Special cases of §4.1: b = ½ gives σ_2/(σ_1+σ_2) for every ρ; ρ = 0 gives w ∝ sqrt(b)/σ. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void matchesTheSpecialCasesOnRandomDraws(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double s1 = Math.exp(rnd.nextDouble(-4, 4));
        double s2 = Math.exp(rnd.nextDouble(-4, 4));
        double rho = rnd.nextDouble(-0.999, 0.999);
        double b = rnd.nextDouble(1e-4, 1 - 1e-4);
        double[] half = ClosedFormTwoAssets.weights(s1, s2, rho, 0.5, 0.5);
        assertThat(half[0]).isCloseTo(s2 / (s1 + s2), org.assertj.core.data.Offset.offset(4e-16));
        double[] diag = ClosedFormTwoAssets.weights(s1, s2, 0.0, b, 1 - b);
        double r = (Math.sqrt(b) / s1) / (Math.sqrt(1 - b) / s2);
        assertThat(diag[0]).isCloseTo(r / (1 + r), org.assertj.core.data.Offset.offset(1e-15));
        double[][] cov = {{s1 * s1, rho * s1 * s2}, {rho * s1 * s2, s2 * s2}};
        RiskBudgetProblem p = RiskBudgetProblem.of(cov, new double[] {b, 1 - b});
        double[] w = ClosedFormTwoAssets.weights(s1, s2, rho, b, 1 - b);
        assertThat(RiskMetrics.maxRelBudgetError(p, w)).isLessThan(1e-12 / (1 + rho));
    }

    @Test
    void refusesMoreThanTwoAssets() {
        RiskBudgetProblem p = SharedCases.byName("roncalli_n4_erc").problem();
        assertThat(solver().supports(p)).as("declared before the solve").isFalse();
        assertThatThrownBy(() -> solver().solve(p, SolverOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closed-form-n2")
                .hasMessageContaining("n = 4");
    }

    @Test
    void reportsSuccessOnlyWhenTheToleranceIsMet() {
        CaseData c = SharedCases.byName("n2_rho-0.95_volratio50_b0.02");
        SolveResult tight = solver().solve(c.problem(), SolverOptions.defaults().withTolerance(1e-30));
        assertThat(tight.isSuccess()).isFalse();
        SolveResult loose = solver().solve(c.problem(), SolverOptions.defaults().withTolerance(1e-12));
        assertThat(loose.isSuccess()).isTrue();
    }
}

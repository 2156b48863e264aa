package io.paritybench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwoAssetGridTest {

    @Test
    void coversTheWholeProductGridIncludingItsExtremes() {
        List<TwoAssetGrid.Case> cases = TwoAssetGrid.cases();
        assertThat(cases).hasSize(TwoAssetGrid.RHOS.length * TwoAssetGrid.VOL_RATIOS.length
                * TwoAssetGrid.BUDGETS.length);
        assertThat(cases).anySatisfy(c -> assertThat(c.rho()).isEqualTo(-0.999))
                .anySatisfy(c -> assertThat(c.rho()).isEqualTo(0.999))
                .anySatisfy(c -> assertThat(c.b1()).isEqualTo(1e-4))
                .anySatisfy(c -> assertThat(c.b1()).isEqualTo(1 - 1e-4))
                .anySatisfy(c -> assertThat(c.volRatio()).isEqualTo(1e3));
    }

    @Test
    void isTheSameForTheSameSeed() {
        List<TwoAssetGrid.Case> a = TwoAssetGrid.cases();
        List<TwoAssetGrid.Case> b = TwoAssetGrid.cases();
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).problem().covariance()).isDeepEqualTo(a.get(i).problem().covariance());
            assertThat(b.get(i).reference()).containsExactly(a.get(i).reference());
        }
    }

    @Test
    void referenceIsTheRiskBudgetingPortfolioOfTheStoredMatrix() {
        for (TwoAssetGrid.Case c : TwoAssetGrid.cases()) {
            double[] w = c.reference();
            assertThat(w[0] + w[1]).as(c.describe()).isCloseTo(1.0, within(1e-15));
            assertThat(w[0]).as(c.describe()).isPositive();
            assertThat(w[1]).as(c.describe()).isPositive();
            // the RRC residual of the exact answer evaluated in double: cancellation ≤ 1/(1+ρ) ≈ 1e3 here
            assertThat(c.floorNaive()).as(c.describe()).isLessThan(1e-11);
        }
    }

    @Test
    void kappaWeightsOfUncorrelatedAssetsIsOneHalf() {
        // ρ = 0: J = I + diag(b/y²) with y_i² = b_i (y'y = 1), so (J⁻¹ y)_i / y_i = 1/(1 + 1) for every i
        double[] b = {0.3, 0.7};
        assertThat(TwoAssetGrid.kappaWeights(0, b, Math.sqrt(0.3), Math.sqrt(0.7))).isCloseTo(0.5, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.999, -0.99, -0.9, -0.5})
    void kappaWeightsOfAnEqualVolatilityHedgeGrowsLikeOneOverOnePlusRho(double rho) {
        // b = ½, equal vols: y_1 = y_2, b/y² = 1 + ρ, J = [[2+ρ, ρ], [ρ, 2+ρ]], det = 4(1+ρ), so for ρ < 0
        // κ_w = (1 − ρ)/(2(1 + ρ))
        double expected = (1 - rho) / (2 * (1 + rho));
        assertThat(TwoAssetGrid.kappaWeights(rho, new double[] {0.5, 0.5}, 1, 1))
                .isCloseTo(expected, within(1e-12 * expected));
    }
}

package io.paritybench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.paritybench.core.testing.SharedCases;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RiskMeasureTest {

    @Test
    void gaussianMultipliersAreTheStandardOnes() {
        double[] mu = {0.01, 0.02};
        assertThat(RiskMeasure.gaussianVaR(0.99, mu).multiplier()).isCloseTo(2.3263478740, offset(1e-9));
        assertThat(RiskMeasure.gaussianExpectedShortfall(0.99, mu).multiplier()).isCloseTo(2.6652142203, offset(1e-9));
        assertThat(RiskMeasure.parse("es:0.99", mu).label()).isEqualTo("es:0.99");
        assertThat(RiskMeasure.parse("volatility", null).isVolatility()).isTrue();
    }

    @Test
    void parseNamesWhatIsWrong() {
        assertThatThrownBy(() -> RiskMeasure.parse("cvar:0.9", new double[2])).hasMessageContaining("unknown risk measure");
        assertThatThrownBy(() -> RiskMeasure.parse("var:x", new double[2])).hasMessageContaining("not a number");
        assertThatThrownBy(() -> RiskMeasure.parse("var:0.99", null)).hasMessageContaining("expected returns");
        assertThatThrownBy(() -> RiskMeasure.parse("var:1.5", new double[2])).hasMessageContaining("(0.5, 1)");
    }

    /** Euler: the contributions of a degree-one homogeneous measure sum to the measure (§7). */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void contributionsSumToTheRisk(long seed) {
        RiskBudgetProblem base = SharedCases.byName("rs_n10_kappa1e2").problem();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] mu = new double[base.n()];
        double[] w = new double[base.n()];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = rnd.nextDouble(-0.02, 0.05);
            w[i] = rnd.nextDouble(0.01, 1);
        }
        RiskBudgetProblem p = base.withMeasure(RiskMeasure.gaussianExpectedShortfall(0.99, mu));
        double sum = 0;
        for (double rc : RiskMetrics.riskContributions(p, w)) {
            sum += rc;
        }
        double r = RiskMetrics.risk(p, w);
        assertThat(sum).isCloseTo(r, offset(1e-14 * Math.abs(r) * base.n()));
        double rrcSum = 0;
        for (double v : RiskMetrics.relativeRiskContributions(p, w)) {
            rrcSum += v;
        }
        assertThat(rrcSum).isCloseTo(1.0, offset(1e-13));
    }
}

package io.paritybench.core.newton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class DampedNewtonTest {

    @Test
    void theDampedStepKeepsACoordinateThatMustShrinkBy1e20Positive() {
        double[] y = {1.0, 2.0, 3.0};
        double[] d = {1e20, 0.5, -3.0};
        double delta = Math.max(Math.abs(d[0]) / y[0], Math.max(Math.abs(d[1]) / y[1], Math.abs(d[2]) / y[2]));
        double naive = y[0] - d[0] / (1 + delta);
        assertThat(naive).as("the difference form rounds to zero").isEqualTo(0.0);
        DampedNewton.dampedStep(y, d, delta);
        assertThat(y[0]).isCloseTo(1.0 / (1 + 1e20), Percentage.withPercentage(1e-12));
        assertThat(y[1]).isCloseTo(2.0 - 0.5 / (1 + 1e20), within(1e-15));
        assertThat(y[2]).isCloseTo(3.0 + 3.0 / (1 + 1e20), within(1e-15));
    }

    @Test
    void theDampedStepIsTheTextbookStepOnOrdinaryData() {
        double[] y = {0.7, 1.3, 0.2, 5.0};
        double[] d = {0.3, -0.9, 0.15, 1.0};
        double delta = 0;
        for (int i = 0; i < y.length; i++) {
            delta = Math.max(delta, Math.abs(d[i]) / y[i]);
        }
        double[] expected = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            expected[i] = y[i] - d[i] / (1 + delta);
        }
        DampedNewton.dampedStep(y, d, delta);
        for (int i = 0; i < y.length; i++) {
            assertThat(y[i]).isCloseTo(expected[i], within(4 * Math.ulp(expected[i])));
        }
    }

    @Test
    void theSwitchIsSpinusUnlessTheDecrementsRoundingFloorExceedsIt() {
        assertThat(DampedNewton.switchThreshold(1e6)).isEqualTo(DampedNewton.LAMBDA_STAR);
        assertThat(DampedNewton.switchThreshold(1e24)).isEqualTo(DampedNewton.LAMBDA_STAR);
        assertThat(DampedNewton.switchThreshold(1e300)).isGreaterThan(1e130);
        double ordinary = DampedNewton.switchThreshold(100);
        assertThat(DampedNewton.damped(0.5, 1e-9, ordinary)).isTrue();
        assertThat(DampedNewton.damped(0.3, 5.0, ordinary)).isFalse();
        double huge = DampedNewton.switchThreshold(1e300);
        assertThat(DampedNewton.damped(1e149, 2.0, huge)).isTrue();
        assertThat(DampedNewton.damped(1e149, 1e-12, huge)).as("the iterate no longer moves").isFalse();
        assertThat(DampedNewton.damped(1e100, 2.0, huge)).as("below the rounding floor").isFalse();
    }
}

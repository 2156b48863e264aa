package io.paritybench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SolverOptionsTest {

    private static final double[] START = {0.1, 0.25, 3.0, 7.5};

    @ParameterizedTest(name = "scale {0}")
    @ValueSource(doubles = {1.0, 1e300, 1e-300, 0x1p1000, 0x1p-1000, 4.9e-324})
    void theInitialPointIsStoredSummingToOneWhateverItsScale(double scale) {
        double[] scaled = new double[START.length];
        for (int i = 0; i < START.length; i++) {
            scaled[i] = Math.max(START[i] * scale, Double.MIN_VALUE);
        }
        double[] w = SolverOptions.defaults().withInitialPoint(scaled).initialPoint();
        double sum = 0;
        for (double v : w) {
            assertThat(v).isPositive().isFinite();
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-15));
        if (scale >= 1e-300) {
            for (int i = 0; i < START.length; i++) {
                assertThat(w[i] / w[START.length - 1]).isCloseTo(START[i] / START[START.length - 1], within(1e-15));
            }
        }
    }

    @Test
    void aPowerOfTwoScaleGivesExactlyTheSameStart() {
        double[] big = new double[START.length];
        double[] small = new double[START.length];
        for (int i = 0; i < START.length; i++) {
            big[i] = START[i] * 0x1p1000;
            small[i] = START[i] * 0x1p-1000;
        }
        double[] plain = SolverOptions.defaults().withInitialPoint(START).initialPoint();
        assertThat(SolverOptions.defaults().withInitialPoint(big).initialPoint()).isEqualTo(plain);
        assertThat(SolverOptions.defaults().withInitialPoint(small).initialPoint()).isEqualTo(plain);
    }

    @Test
    void aStartSpanningMoreThanTheDoubleRangeIsRejectedWithOneLine() {
        assertThatThrownBy(() -> SolverOptions.defaults().withInitialPoint(new double[] {1e300, 1e-300, 1.0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight 2");
    }

    @Test
    void theCallersArrayIsNotChanged() {
        double[] given = START.clone();
        SolverOptions.defaults().withInitialPoint(given);
        assertThat(given).isEqualTo(START);
    }
}

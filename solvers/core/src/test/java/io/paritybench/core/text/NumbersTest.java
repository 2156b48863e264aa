package io.paritybench.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({"3.2e-15, 3.2e-15", "100, 1.0e2", "1.5e10, 1.5e10", "-0.00042, -4.2e-4", "0, 0"})
    void sciHasTwoSignificantDigitsAndNoPlusSign(double v, String text) {
        assertThat(Numbers.sci(v)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"4, 4.00, 4", "4.5, 4.50, 4.5", "123.4, 123, 123", "12345, 12345, 12345", "0.0005, 5.0e-4, 5.0e-4",
            "2e6, 2.0e6, 2.0e6"})
    void sigKeepsTrailingZerosAndCompactDropsThem(double v, String sig, String compact) {
        assertThat(Numbers.sig(v)).isEqualTo(sig);
        assertThat(Numbers.compact(v)).isEqualTo(compact);
    }

    @Test
    void unitsAndPlaceholders() {
        assertThat(Numbers.time(1.23e-5)).isEqualTo("12.3 µs");
        assertThat(Numbers.time(0.5)).isEqualTo("500 ms");
        assertThat(Numbers.bytes(16.2e6)).isEqualTo("16.2 MB");
        assertThat(Numbers.percent(0.025)).isEqualTo("2.5%");
        assertThat(Numbers.percent(1)).isEqualTo("100%");
        assertThat(Numbers.sci(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.sig(Double.NaN)).isEmpty();
        assertThat(Numbers.sci(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    }

    @Test
    void orderStatisticsIgnoreNonFiniteValues() {
        double[] v = {3, Double.NaN, 1, 2, Double.POSITIVE_INFINITY, 4};
        assertThat(Numbers.median(v)).isEqualTo(2.5);
        assertThat(Numbers.quantile(v, 0.25)).isEqualTo(1);
        assertThat(Numbers.max(v)).isEqualTo(4);
        assertThat(Numbers.median(new double[] {Double.NaN})).isNaN();
    }
}

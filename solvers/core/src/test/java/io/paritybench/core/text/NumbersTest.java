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

    @ParameterizedTest
    @CsvSource({"3.14159e-5, 4, 3.142e-5", "100, 2, 1.0e2", "9.9996, 4, 1.000e1", "-0.000420, 3, -4.20e-4",
            "1e-8, 2, 1.0e-8", "0, 3, 0", "1e300, 3, 1.00e300", "999.5, 1, 1e3"})
    void sciWithDigitsNeedsNoFormatter(double v, int digits, String text) {
        assertThat(Numbers.sci(v, digits)).isEqualTo(text);
    }

    @Test
    void sciWithDigitsIsWithinHalfAUnitOfItsLastDigit() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(21);
        for (int i = 0; i < 2000; i++) {
            double v = (random.nextBoolean() ? 1 : -1) * random.nextDouble(1, 10) * Math.pow(10, random.nextInt(-30, 31));
            int digits = random.nextInt(1, 8);
            String text = Numbers.sci(v, digits);
            String mantissa = text.substring(v < 0 ? 1 : 0, text.indexOf('e'));
            assertThat(mantissa.replace(".", "")).as(text).hasSize(digits);
            assertThat(Math.abs(Double.parseDouble(mantissa))).as(text).isBetween(1.0, 9.99999999);
            // the value rounded to the last digit shown (a halfway case may go either way)
            double last = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - (digits - 1));
            assertThat(Math.abs(Double.parseDouble(text) - v)).as(text).isLessThanOrEqualTo(0.5 * last * (1 + 1e-9));
        }
    }

    @ParameterizedTest
    @CsvSource({"0.59613, 3, 0.596", "28.7, 0, 29", "-0.0004, 3, 0.000", "-1.25, 1, -1.3", "0.05, 3, 0.050",
            "3e9, 1, 3.000e9"})
    void fixedNeedsNoFormatter(double v, int decimals, String text) {
        assertThat(Numbers.fixed(v, decimals)).isEqualTo(text);
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

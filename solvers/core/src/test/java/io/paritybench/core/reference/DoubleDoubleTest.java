package io.paritybench.core.reference;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Double-double arithmetic against BigDecimal: relative errors of a few 2^-104 (Joldes, Muller, Popescu 2017). */
class DoubleDoubleTest {

    private static final MathContext MC = new MathContext(60);
    /** Tolerance: 16·2^-106 ≈ 2e-31, above the proven bounds (≤ 5u² for +, ×; a few u² for ÷). */
    private static final double TOL = 16 * 0x1p-106;

    @Test
    void arithmeticIsAccurateToAboutThirtyOneDigits() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int k = 0; k < 2000; k++) {
            DoubleDouble a = random(rng);
            DoubleDouble b = random(rng);
            BigDecimal ea = exact(a);
            BigDecimal eb = exact(b);
            assertThat(relErr(a.add(b), ea.add(eb))).isLessThanOrEqualTo(TOL);
            assertThat(relErr(a.subtract(b), ea.subtract(eb))).isLessThanOrEqualTo(TOL);
            assertThat(relErr(a.multiply(b), ea.multiply(eb))).isLessThanOrEqualTo(TOL);
            assertThat(relErr(a.divide(b), ea.divide(eb, MC))).isLessThanOrEqualTo(TOL);
            assertThat(relErr(a.multiply(b.hi), ea.multiply(new BigDecimal(b.hi)))).isLessThanOrEqualTo(TOL);
        }
    }

    @Test
    void errorFreeTransformationsAreExactAndResultsNormalised() {
        DoubleDouble s = DoubleDouble.sum(1.0, 0x1p-80);
        assertThat(s.hi).isEqualTo(1.0);
        assertThat(s.lo).isEqualTo(0x1p-80);
        DoubleDouble p = DoubleDouble.product(1 + 0x1p-30, 1 - 0x1p-30);
        assertThat(exact(p)).isEqualByComparingTo(new BigDecimal(1 + 0x1p-30).multiply(new BigDecimal(1 - 0x1p-30)));
        DoubleDouble third = DoubleDouble.ONE.divide(DoubleDouble.of(3));
        // hi is the double nearest to 1/3, lo the next 53 bits
        assertThat(third.hi).isEqualTo(1.0 / 3.0);
        assertThat(Math.abs(third.lo)).isLessThanOrEqualTo(Math.ulp(third.hi) / 2);
        assertThat(relErr(third.multiply(DoubleDouble.of(3)), BigDecimal.ONE)).isLessThanOrEqualTo(TOL);
    }

    private static DoubleDouble random(SplittableRandom rng) {
        double hi = (rng.nextDouble() + 0.1) * Math.scalb(1.0, rng.nextInt(-20, 20)) * (rng.nextBoolean() ? 1 : -1);
        double lo = Math.ulp(hi) * (rng.nextDouble() - 0.5);
        return DoubleDouble.fast(hi, lo);
    }

    private static BigDecimal exact(DoubleDouble a) {
        return new BigDecimal(a.hi).add(new BigDecimal(a.lo));
    }

    private static double relErr(DoubleDouble got, BigDecimal expected) {
        return exact(got).subtract(expected).abs().divide(expected.abs(), MC).doubleValue();
    }
}

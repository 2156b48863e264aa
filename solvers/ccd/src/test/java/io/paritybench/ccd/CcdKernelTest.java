package io.paritybench.ccd;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CcdKernelTest {

    private static final double U = 0x1p-53;

    static Stream<Arguments> kernels() {
        return Stream.of(1L, 2L, 3L).flatMap(seed -> Stream.of(Arguments.of(seed, true), Arguments.of(seed, false)));
    }

    /**
     * After many sweeps (no refresh), the product Cy the kernel maintains must still equal a product computed
     * independently from the current y, to 1e-12 relative to (|C||y|)_i. The kernel sums it afresh in every sweep
     * from partial sums over the lower triangle, so rounding does not accumulate from sweep to sweep; a wrong row,
     * sign, scale or stale partial sum would give errors of order 1.
     */
    @ParameterizedTest(name = "seed {0}, volatility form {1}")
    @MethodSource("kernels")
    void incrementalProductMatchesAFreshProductAfterManySweeps(long seed, boolean volatilityForm) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(60, 1e3, seed));
        int n = p.n();
        CcdKernel k = new CcdKernel(p, p.volatilities(), p.budgets(), sqrt(p.budgets()));
        int sweeps = 1000;
        for (int s = 0; s < sweeps; s++) {
            if (volatilityForm) {
                k.sweepVolatility();
            } else {
                k.sweepSpinu();
            }
        }
        double[][] corr = p.correlation();
        double yCy = 0;
        double absYCy = 0;
        for (int i = 0; i < n; i++) {
            double fresh = 0;
            double scale = 0;
            for (int j = 0; j < n; j++) {
                fresh += corr[i][j] * k.y[j];
                scale += Math.abs(corr[i][j]) * k.y[j];
            }
            assertThat(Math.abs(k.cy[i] - fresh)).as("drift of (Cy)_%d relative to (|C||y|)_i = %.3g", i, scale)
                    .isLessThanOrEqualTo(1e-12 * scale);
            yCy += k.y[i] * fresh;
            absYCy += k.y[i] * scale;
        }
        assertThat(Math.abs(k.variance - yCy)).as("drift of y'Cy").isLessThanOrEqualTo(1e-12 * absYCy);
    }

    /** Each coordinate step minimises F exactly, so F = ½y'Cy − Σ b ln y never increases along the sweeps. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void spinuSweepsNeverIncreaseTheBarrier(long seed) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(25, 1e4, seed));
        double[] b = p.budgets();
        CcdKernel k = new CcdKernel(p, p.volatilities(), b, sqrt(b));
        double f = barrier(k, b);
        for (int s = 0; s < 50; s++) {
            k.sweepSpinu();
            k.refresh();
            double next = barrier(k, b);
            // F is O(1) here; allow the rounding of evaluating F itself (a few u times the sizes of its terms)
            assertThat(next).as("F after sweep %d", s + 1).isLessThanOrEqualTo(f + 1e-13);
            f = next;
        }
    }

    /** The root is compared with a 50-digit evaluation; the textbook form (−q + sqrt(q² + 4β))/2 loses all digits. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void positiveRootIsAccurateToAFewUlpsWithoutCancellation(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        MathContext mc = new MathContext(50);
        for (int t = 0; t < 2000; t++) {
            double q = (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, rnd.nextDouble(-8, 8));
            double beta = Math.pow(10, rnd.nextDouble(-10, 2));
            double root = CcdKernel.positiveRoot(q, beta);
            BigDecimal bq = new BigDecimal(q);
            BigDecimal bb = new BigDecimal(beta);
            BigDecimal disc = bq.multiply(bq, mc).add(bb.multiply(BigDecimal.valueOf(4)), mc).sqrt(mc);
            BigDecimal exact = bq.signum() > 0
                    ? bb.multiply(BigDecimal.valueOf(2)).divide(bq.add(disc, mc), mc)
                    : disc.subtract(bq, mc).divide(BigDecimal.valueOf(2), mc);
            double rel = new BigDecimal(root).subtract(exact, mc).abs().divide(exact, mc).doubleValue();
            assertThat(root).isPositive();
            assertThat(rel).as("q = %s, beta = %s", q, beta).isLessThanOrEqualTo(4 * U);
        }
    }

    /**
     * The product after {@link CcdKernel#refresh()} and after sweeps with a rescaling in between (as ccd-choi does)
     * equals (Cy)_i computed by dot products with C.
     */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 7, 64})
    void productMatchesRowByRowDotProducts(int n) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(n, 1e2, n));
        SplittableRandom rnd = new SplittableRandom(n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble(0.1, 1);
        }
        CcdKernel k = new CcdKernel(p, p.volatilities(), p.budgets(), y);
        assertMatchesDotProducts(p, k);
        for (int s = 0; s < 3; s++) {
            k.sweepSpinu();
            k.scale(0.75);
            assertMatchesDotProducts(p, k);
        }
        k.sweepMeasure(new double[n], 2.0);
        assertMatchesDotProducts(p, k);
    }

    private static void assertMatchesDotProducts(RiskBudgetProblem p, CcdKernel k) {
        int n = p.n();
        double[][] c = p.correlation();
        double yCy = 0;
        for (int i = 0; i < n; i++) {
            double dot = 0;
            double scale = 0;
            for (int j = 0; j < n; j++) {
                dot += c[i][j] * k.y[j];
                scale += Math.abs(c[i][j] * k.y[j]);
            }
            assertThat(Math.abs(k.cy[i] - dot)).isLessThanOrEqualTo(4 * n * U * scale);
            yCy += k.y[i] * dot;
        }
        assertThat(k.variance).isCloseTo(yCy, org.assertj.core.data.Offset.offset(64 * n * U * yCy));
    }

    private static double barrier(CcdKernel k, double[] b) {
        double f = 0.5 * k.variance;
        for (int i = 0; i < b.length; i++) {
            f -= b[i] * Math.log(k.y[i]);
        }
        return f;
    }

    private static double[] sqrt(double[] b) {
        double[] y = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            y[i] = Math.sqrt(b[i]);
        }
        return y;
    }
}

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
     * After many sweeps of rank-one updates (no refresh), Cy must still equal a product computed independently from
     * the current y. Rounding drift of the updates grows like sqrt(updates)·u relative to (|C||y|)_i, about 1e-14
     * here; a wrong row, sign or scale in the update would give errors of order 1.
     */
    @ParameterizedTest(name = "seed {0}, volatility form {1}")
    @MethodSource("kernels")
    void incrementalProductMatchesAFreshProductAfterManySweeps(long seed, boolean volatilityForm) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(60, 1e3, seed));
        int n = p.n();
        double[] c = CyclicalCoordinateDescent.correlation(p, p.volatilities());
        CcdKernel k = new CcdKernel(c, p.budgets(), sqrt(p.budgets()));
        int sweeps = 300;
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
        CcdKernel k = new CcdKernel(CyclicalCoordinateDescent.correlation(p, p.volatilities()), b, sqrt(b));
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

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 7, 64})
    void productMatchesRowByRowDotProducts(int n) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(n, 1e2, n));
        double[] c = CyclicalCoordinateDescent.correlation(p, p.volatilities());
        SplittableRandom rnd = new SplittableRandom(n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble(0.1, 1);
        }
        double[] out = new double[n];
        CcdKernel.product(c, x, out, n);
        for (int i = 0; i < n; i++) {
            double dot = 0;
            double scale = 0;
            for (int j = 0; j < n; j++) {
                dot += c[i * n + j] * x[j];
                scale += Math.abs(c[i * n + j] * x[j]);
                assertThat(c[i * n + j]).as("symmetry").isEqualTo(c[j * n + i]);
            }
            assertThat(Math.abs(out[i] - dot)).isLessThanOrEqualTo(2 * n * U * scale);
        }
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

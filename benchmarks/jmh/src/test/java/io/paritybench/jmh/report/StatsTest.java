package io.paritybench.jmh.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The statistics of the report on seeded, hand-made iteration medians. No timing. */
class StatsTest {

    @Test
    void theIntervalIsNaBelowSixIterations() {
        assertThat(Stats.medianInterval(new double[] {1, 2, 3, 4, 5})).containsOnly(Double.NaN);
        assertThat(Stats.medianInterval(new double[] {1, 2, 3, 4, 5, 6})[0]).isFinite();
    }

    @Test
    void theIntervalResamplesIterationsSoIdenticalIterationsGiveAPointAndSpreadIterationsAWideInterval() {
        double[] same = {5, 5, 5, 5, 5, 5, 5, 5, 5};
        assertThat(Stats.medianInterval(same)).containsExactly(5.0, 5.0);
        // iteration medians that disagree: the interval covers the middle of them, not a point
        double[] spread = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] ci = Stats.medianInterval(spread);
        assertThat(ci[0]).isLessThan(5).isGreaterThanOrEqualTo(1);
        assertThat(ci[1]).isGreaterThan(5).isLessThanOrEqualTo(9);
        // and it is reproducible (seeded)
        assertThat(Stats.medianInterval(spread)).containsExactly(ci);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theIntervalCoversTheTrueMedianMostOfTheTime(long seed) {
        // 15 iterations from a lognormal with median 1: the 95% interval should contain 1 in most of 200 draws
        SplittableRandom rng = new SplittableRandom(seed);
        int covered = 0;
        for (int rep = 0; rep < 200; rep++) {
            double[] it = new double[15];
            for (int i = 0; i < it.length; i++) {
                it[i] = Math.exp(0.1 * gaussian(rng));
            }
            double[] ci = Stats.medianInterval(it);
            if (ci[0] <= 1 && 1 <= ci[1]) {
                covered++;
            }
        }
        assertThat(covered).isBetween(170, 200);
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void driftIsTheLargestChangeFromFirstToLastIterationOfAFork() {
        assertThat(Stats.drift(List.of(new double[] {10, 9, 10.5}, new double[] {10, 12, 8}))).isCloseTo(0.2,
                within(1e-12));
        assertThat(Stats.drift(List.of(new double[] {3}))).isNaN();
        TimeSummary steady = new TimeSummary(1, 1, 1, 1, Double.NaN, 10, 0, 0.099);
        TimeSummary drifting = new TimeSummary(1, 1, 1, 1, Double.NaN, 10, 0, 0.101);
        assertThat(steady.steady()).isTrue();
        assertThat(drifting.steady()).isFalse();
    }

    @Test
    void ratioOfIdenticalRunsIsOneAndOfAScaledRunIsTheScale() {
        double[] a = {1, 1.1, 0.9, 1.05, 0.95, 1, 1.02};
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = 1.5 * a[i];
        }
        assertThat(Stats.ratioInterval(a, a)[0]).isEqualTo(1.0);
        double[] r = Stats.ratioInterval(a, b);
        assertThat(r[0]).isCloseTo(1.5, within(1e-12));
        assertThat(r[1]).isLessThanOrEqualTo(1.5);
        assertThat(r[2]).isGreaterThanOrEqualTo(1.5);
    }

    @Test
    void theFitRecoversAPowerLawAndItsIntervalCoversTheExponent() {
        // t = 2e-9 n^2.5 with ±2% multiplicative noise, seeds as repeated points
        SplittableRandom rng = new SplittableRandom(3);
        int[] ns = {10, 10, 10, 100, 100, 100, 1000};
        double[] x = new double[ns.length];
        double[] y = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            x[i] = Math.log(ns[i]);
            y[i] = Math.log(2e-9 * Math.pow(ns[i], 2.5) * (1 + 0.04 * (rng.nextDouble() - 0.5)));
        }
        double[] f = ScalingFit.fit(x, y);
        assertThat(f[0]).isCloseTo(2.5, within(0.02));
        assertThat(f[0] - f[2]).isLessThan(2.5);
        assertThat(f[0] + f[2]).isGreaterThan(2.5);
        assertThat(ScalingFit.fit(new double[] {0, 1}, new double[] {0, 2})[2]).isNaN();
    }

    @Test
    void studentQuantilesApproachTheNormalOne() {
        assertThat(Stats.t975(1)).isEqualTo(12.706);
        assertThat(Stats.t975(5)).isEqualTo(2.571);
        assertThat(Stats.t975(1000)).isEqualTo(1.96);
        assertThat(Stats.t975(0)).isNaN();
    }
}

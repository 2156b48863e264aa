package io.paritybench.jmh.report;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The statistics of the timing report, over the <em>iterations</em> of a configuration (forks × measured
 * iterations), never over the single solves: solves within an iteration share a JIT state, a heap state and the
 * machine's state at that moment, so they are not independent, and an interval that treats them as independent is
 * too narrow (e.g. "7.49 µs – 7.49 µs" while the iteration medians disagree).
 *
 * <ul>
 *   <li>time of a configuration: the median of its iteration medians;</li>
 *   <li>95% interval: percentile bootstrap of that median, resampling whole iterations with replacement
 *       ({@value #RESAMPLES} resamples, seeded, so a report is reproducible); none below {@value #MIN_ITERATIONS}
 *       iterations;</li>
 *   <li>steady state: in every fork the first and the last measured iteration medians agree within
 *       {@value #STEADY_TOLERANCE} (relative to the first);</li>
 *   <li>ratio of two runs ({@link Compare}): the ratio of their medians, with a bootstrap interval resampling the
 *       iterations of each run independently.</li>
 * </ul>
 */
public final class Stats {

    /** Bootstrap resamples. */
    static final int RESAMPLES = 2000;
    /** Fewest iterations for which an interval is given. */
    public static final int MIN_ITERATIONS = 6;
    /** Largest relative change between the first and the last iteration of a fork of a steady configuration. */
    public static final double STEADY_TOLERANCE = 0.10;
    private static final long SEED = 20L;

    private Stats() {
    }

    /** @return the median of the finite values (NaN if none) */
    public static double median(double[] values) {
        return io.paritybench.core.text.Numbers.median(values);
    }

    /** @return the median of a sorted histogram of (value, count) bins, NaN if it is empty */
    static double median(List<double[]> bins) {
        long n = 0;
        for (double[] b : bins) {
            n += (long) b[1];
        }
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? valueAt(bins, (n + 1) / 2) : 0.5 * (valueAt(bins, n / 2) + valueAt(bins, n / 2 + 1));
    }

    private static double valueAt(List<double[]> bins, long k) {
        long seen = 0;
        for (double[] b : bins) {
            seen += (long) b[1];
            if (seen >= k) {
                return b[0];
            }
        }
        return bins.get(bins.size() - 1)[0];
    }

    /**
     * @return {low, high} of the 95% percentile-bootstrap interval of the median of the iteration medians, NaN for
     *         fewer than {@value #MIN_ITERATIONS} iterations
     */
    public static double[] medianInterval(double[] iterations) {
        if (iterations.length < MIN_ITERATIONS) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom rng = new SplittableRandom(SEED);
        double[] stat = new double[RESAMPLES];
        double[] resample = new double[iterations.length];
        for (int r = 0; r < RESAMPLES; r++) {
            draw(iterations, resample, rng);
            stat[r] = median(resample);
        }
        return percentiles(stat);
    }

    /**
     * @return {ratio, low, high}: NEW/BASE of the medians of the iteration medians and its 95% bootstrap interval
     *         (each run's iterations resampled on their own); the interval is NaN when either run has fewer than
     *         {@value #MIN_ITERATIONS} iterations
     */
    public static double[] ratioInterval(double[] base, double[] neu) {
        double ratio = median(neu) / median(base);
        if (base.length < MIN_ITERATIONS || neu.length < MIN_ITERATIONS) {
            return new double[] {ratio, Double.NaN, Double.NaN};
        }
        SplittableRandom rng = new SplittableRandom(SEED);
        double[] stat = new double[RESAMPLES];
        double[] rb = new double[base.length];
        double[] rn = new double[neu.length];
        for (int r = 0; r < RESAMPLES; r++) {
            draw(base, rb, rng);
            draw(neu, rn, rng);
            stat[r] = median(rn) / median(rb);
        }
        double[] p = percentiles(stat);
        return new double[] {ratio, p[0], p[1]};
    }

    private static void draw(double[] from, double[] into, SplittableRandom rng) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[rng.nextInt(from.length)];
        }
    }

    private static double[] percentiles(double[] stat) {
        Arrays.sort(stat);
        int lo = (int) Math.floor(0.025 * (stat.length - 1));
        int hi = (int) Math.ceil(0.975 * (stat.length - 1));
        return new double[] {stat[lo], stat[hi]};
    }

    /**
     * @return the largest |last/first − 1| of the iteration medians over the forks (NaN if no fork has two
     *         iterations)
     */
    public static double drift(List<double[]> forks) {
        double worst = Double.NaN;
        for (double[] f : forks) {
            if (f.length >= 2 && f[0] > 0) {
                double d = Math.abs(f[f.length - 1] / f[0] - 1);
                worst = Double.isNaN(worst) ? d : Math.max(worst, d);
            }
        }
        return worst;
    }

    /** @return the two-sided 95% quantile of Student's t with {@code df} degrees of freedom */
    static double t975(int df) {
        double[] table = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
            2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
            2.045, 2.042};
        if (df < 1) {
            return Double.NaN;
        }
        return df <= table.length ? table[df - 1] : df <= 60 ? 2.000 + 0.042 * (60 - df) / 30 : 1.960;
    }
}

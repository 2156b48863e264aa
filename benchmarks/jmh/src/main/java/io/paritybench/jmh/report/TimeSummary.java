package io.paritybench.jmh.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The time of one configuration, in seconds per operation.
 *
 * <p>In sample mode (every solve timed on its own) the median is that of all measured solves, and its 95% confidence
 * interval is distribution-free, from order statistics: ranks {@code N/2 ∓ 1.96·√N/2} of the N sorted samples
 * (treating the solves as independent). In the other modes the "samples" are the per-iteration means, so the median
 * is the median of those and the interval comes from the same ranks (with few iterations it is their range).
 *
 * @param median    median time per operation
 * @param low       lower end of the 95% interval of the median
 * @param high      upper end of the 95% interval of the median
 * @param mean      JMH's score (the mean)
 * @param meanError JMH's 99.9% half-width of the mean (NaN if none)
 * @param count     number of samples the median is taken over
 */
public record TimeSummary(double median, double low, double high, double mean, double meanError, long count) {

    /** z for a two-sided 95% interval. */
    private static final double Z95 = 1.959963984540054;

    /** @return the summary of a result */
    public static TimeSummary of(JmhResult r) {
        List<double[]> bins = r.samples();
        if (bins.isEmpty()) {
            List<double[]> fromIterations = new ArrayList<>();
            List<Double> sorted = new ArrayList<>(r.iterationScores());
            Collections.sort(sorted);
            for (double v : sorted) {
                fromIterations.add(new double[] {v, 1});
            }
            bins = fromIterations;
        }
        long n = 0;
        for (double[] b : bins) {
            n += (long) b[1];
        }
        if (n == 0) {
            return new TimeSummary(r.score(), Double.NaN, Double.NaN, r.score(), r.scoreError(), 0);
        }
        double median = n % 2 == 1 ? valueAt(bins, (n + 1) / 2) : 0.5 * (valueAt(bins, n / 2) + valueAt(bins, n / 2 + 1));
        double half = Z95 * Math.sqrt(n) / 2;
        long lo = Math.max(1, (long) Math.floor(n / 2.0 - half));
        long hi = Math.min(n, (long) Math.ceil(n / 2.0 + 1 + half));
        return new TimeSummary(median, valueAt(bins, lo), valueAt(bins, hi), r.score(), r.scoreError(), n);
    }

    /** @return the value of rank {@code k} (1-based) of the sorted samples given as (value, count) bins */
    static double valueAt(List<double[]> bins, long k) {
        long seen = 0;
        for (double[] b : bins) {
            seen += (long) b[1];
            if (seen >= k) {
                return b[0];
            }
        }
        return bins.get(bins.size() - 1)[0];
    }
}

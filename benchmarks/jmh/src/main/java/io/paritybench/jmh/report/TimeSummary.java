package io.paritybench.jmh.report;

/**
 * The time of one configuration, in seconds per operation, from its iterations ({@link Stats}).
 *
 * @param median     median of the iteration medians (forks × measured iterations)
 * @param low        lower end of the 95% bootstrap interval of that median, NaN below {@value Stats#MIN_ITERATIONS}
 *                   iterations
 * @param high       upper end, NaN likewise
 * @param mean       JMH's score (the mean over all operations)
 * @param meanError  JMH's 99.9% half-width of the mean (NaN if none; not shown in the tables)
 * @param iterations measured iterations (all forks)
 * @param samples    single-operation samples in sample mode (JMH times a subset of the solves), else 0
 * @param drift      largest |last/first − 1| of the iteration medians over the forks, NaN if unknown
 */
public record TimeSummary(double median, double low, double high, double mean, double meanError, int iterations,
                          long samples, double drift) {

    /** @return the summary of a result */
    public static TimeSummary of(JmhResult r) {
        double[] it = r.iterations();
        long samples = 0;
        for (double[] b : r.samples()) {
            samples += (long) b[1];
        }
        if (it.length == 0) {
            return new TimeSummary(r.score(), Double.NaN, Double.NaN, r.score(), r.scoreError(), 0, samples,
                    Double.NaN);
        }
        double[] ci = Stats.medianInterval(it);
        return new TimeSummary(Stats.median(it), ci[0], ci[1], r.score(), r.scoreError(), it.length, samples,
                Stats.drift(r.forks()));
    }

    /** @return the summary of kernel batches (time per operation of each batch), no drift */
    static TimeSummary ofBatches(double[] perOp) {
        if (perOp.length == 0) {
            return null;
        }
        double[] ci = Stats.medianInterval(perOp);
        double mean = java.util.Arrays.stream(perOp).average().orElse(Double.NaN);
        return new TimeSummary(Stats.median(perOp), ci[0], ci[1], mean, Double.NaN, perOp.length, 0, Double.NaN);
    }

    /** @return whether the first and last iteration of every fork agree within {@value Stats#STEADY_TOLERANCE} */
    public boolean steady() {
        return !(drift > Stats.STEADY_TOLERANCE);
    }

    /** @return whether there are enough iterations for an interval */
    public boolean hasInterval() {
        return !Double.isNaN(low);
    }
}

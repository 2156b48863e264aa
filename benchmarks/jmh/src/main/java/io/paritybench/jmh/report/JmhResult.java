package io.paritybench.jmh.report;

import java.util.List;
import java.util.Map;

/**
 * One entry of a JMH JSON result file ({@code -rf json}), times converted to seconds.
 *
 * @param benchmark   class and method, e.g. {@code SolverBenchmark.solve}
 * @param mode        JMH mode ({@code sample}, {@code avgt}, ...)
 * @param params      the {@code @Param} values as given to JMH
 * @param score       the primary score in seconds per operation (the mean)
 * @param scoreError  JMH's 99.9% confidence half-width of the mean, seconds (NaN if JMH gives none)
 * @param samples     in sample mode, the pooled histogram of single-operation times in seconds (value, count) in
 *                    increasing order of value; empty otherwise
 * @param iterationScores in the other modes, the score of every measurement iteration (all forks), seconds
 * @param forks       per fork, the median time per operation of each measured iteration in order, seconds (in
 *                    sample mode the median of the iteration's solves, otherwise the iteration's score)
 * @param counters    the event counters ({@code @AuxCounters}), summed over the measurement iterations
 * @param gc          allocation and collections from JMH's GC profiler ({@code -prof gc}); NaN fields without it
 * @param settings    how JMH ran it
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double scoreError,
                        List<double[]> samples, List<Double> iterationScores, List<double[]> forks,
                        Map<String, Double> counters, Gc gc, RunSettings settings) {

    /**
     * What JMH's GC profiler reported for the measured iterations.
     *
     * @param bytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm})
     * @param count      collections ({@code gc.count})
     * @param timeMs     time in collections, ms ({@code gc.time})
     */
    public record Gc(double bytesPerOp, double count, double timeMs) {
        static final Gc NONE = new Gc(Double.NaN, Double.NaN, Double.NaN);
    }

    public JmhResult {
        params = Map.copyOf(params);
        samples = List.copyOf(samples);
        iterationScores = List.copyOf(iterationScores);
        forks = List.copyOf(forks);
        counters = Map.copyOf(counters);
        gc = gc == null ? Gc.NONE : gc;
    }

    /** @return the iteration medians of every fork, concatenated */
    public double[] iterations() {
        return forks.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    /** @return the configuration key: the benchmark and its parameters */
    public String key() {
        return benchmark + new java.util.TreeMap<>(params);
    }

    /** @return a parameter value, or null */
    public String param(String name) {
        return params.get(name);
    }

    /** @return an event counter, or NaN if the result does not have it */
    public double counter(String name) {
        Double v = counters.get(name);
        return v == null ? Double.NaN : v;
    }

    /** @return the simple benchmark class name, e.g. {@code SolverBenchmark} */
    public String benchmarkClass() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(0, dot);
    }

    /** @return the method name, e.g. {@code solve} */
    public String method() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(dot + 1);
    }
}

package io.paritybench.core.trace;

import io.paritybench.core.IterationObserver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An {@link IterationObserver} that copies every reported iterate (O(n) per report, no other work) and its time
 * since {@link #start()}. The time it spends inside {@link #onIteration} is subtracted from the later timestamps, so a
 * traced solve's times are those of the untraced solve up to the clock's resolution.
 *
 * <p>Memory is bounded: beyond {@code maxPoints} reports, every second kept point is dropped and only every
 * {@code 2^k}-th report is kept from then on (the same iterations in every repeat of a deterministic solve); the
 * latest report is always kept, so the trace ends with the solver's last iterate. One recorder observes one solve at
 * a time; {@link #start()} resets it.
 */
public final class IterationRecorder implements IterationObserver {

    /** Default bound on the kept points. */
    public static final int DEFAULT_MAX_POINTS = 2048;

    /**
     * One reported iterate.
     *
     * @param iteration    the solver's iteration number
     * @param elapsedNanos nanoseconds since {@link #start()}, less the recorder's own time before this report
     * @param iterate      a copy of the iterate
     * @param divisor      a copy of the divisor (weights {@code w_i ∝ iterate_i / divisor_i}), or null; shared between
     *                     points while it does not change
     */
    public record Point(int iteration, long elapsedNanos, double[] iterate, double[] divisor) {

        /**
         * @return the weights {@code x_i = iterate_i / divisor_i} normalised by their sum, computed exactly as
         *         {@code SolveResult.conclude} normalises a solver's final iterate (so the residual of a solver's
         *         last reported iterate equals the residual of its result bit for bit)
         */
        public double[] weights() {
            int n = iterate.length;
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = divisor == null ? iterate[i] : iterate[i] / divisor[i];
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[i];
            }
            double f = 1.0 / sum;
            for (int i = 0; i < n; i++) {
                x[i] *= f;
            }
            return x;
        }
    }

    private final int maxPoints;
    private final List<Point> points = new ArrayList<>();
    private long origin;
    private long overhead;
    private int stride = 1;
    private int reports;
    private int lastIteration;
    private Point latest;
    private double[] lastDivisor;
    private boolean ordered = true;

    /** A recorder keeping at most {@value #DEFAULT_MAX_POINTS} points. */
    public IterationRecorder() {
        this(DEFAULT_MAX_POINTS);
    }

    /** @param maxPoints bound on the kept points, at least 4 */
    public IterationRecorder(int maxPoints) {
        if (maxPoints < 4) {
            throw new IllegalArgumentException("maxPoints must be at least 4, got " + maxPoints);
        }
        this.maxPoints = maxPoints;
    }

    /** Clears the recorder and starts its clock; call it just before {@code solve}. */
    public synchronized void start() {
        points.clear();
        latest = null;
        lastDivisor = null;
        stride = 1;
        reports = 0;
        lastIteration = Integer.MIN_VALUE;
        ordered = true;
        overhead = 0;
        origin = System.nanoTime();
    }

    @Override
    public synchronized void onIteration(int iteration, long nanoTime, double[] iterate, double[] divisor) {
        if (iteration <= lastIteration) {
            ordered = false; // a solver's bug: recorded, never thrown into the solver
        }
        lastIteration = iteration;
        long elapsed = nanoTime - origin - overhead;
        double[] d = null;
        if (divisor != null) {
            if (lastDivisor == null || !Arrays.equals(lastDivisor, divisor)) {
                lastDivisor = divisor.clone();
            }
            d = lastDivisor;
        }
        boolean keep = reports % stride == 0;
        reports++;
        if (keep) {
            points.add(new Point(iteration, elapsed, iterate.clone(), d));
            latest = null;
            if (points.size() >= maxPoints) {
                thin();
            }
        } else {
            double[] copy;
            if (latest != null && latest.iterate.length == iterate.length) {
                copy = latest.iterate; // the pending latest is superseded: reuse its buffer
                System.arraycopy(iterate, 0, copy, 0, iterate.length);
            } else {
                copy = iterate.clone();
            }
            latest = new Point(iteration, elapsed, copy, d);
        }
        overhead += System.nanoTime() - nanoTime;
    }

    /** Drops every second kept point (the newest one is kept aside as the pending latest) and doubles the stride. */
    private void thin() {
        Point newest = points.get(points.size() - 1);
        List<Point> kept = new ArrayList<>(points.size() / 2 + 1);
        for (int i = 0; i < points.size(); i += 2) {
            kept.add(points.get(i));
        }
        points.clear();
        points.addAll(kept);
        latest = points.get(points.size() - 1) == newest ? null : newest;
        stride *= 2;
        reports = 1;
    }

    /** @return the kept points in order, ending with the last report */
    public synchronized List<Point> points() {
        List<Point> out = new ArrayList<>(points);
        if (latest != null) {
            out.add(latest);
        }
        return List.copyOf(out);
    }

    /** @return true if every report since {@link #start()} had a larger iteration number than the one before */
    public synchronized boolean ordered() {
        return ordered;
    }

    /** @return the nanoseconds spent inside {@link #onIteration} since {@link #start()} */
    public synchronized long overheadNanos() {
        return overhead;
    }

    /** @return the nanoseconds since {@link #start()} less {@link #overheadNanos()} */
    public synchronized long elapsedNanos() {
        return System.nanoTime() - origin - overhead;
    }

    /** @return true if nothing was reported since {@link #start()} */
    public synchronized boolean isEmpty() {
        return points.isEmpty() && latest == null;
    }
}

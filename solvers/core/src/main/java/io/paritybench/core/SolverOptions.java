package io.paritybench.core;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Immutable solver options; change one with the {@code withX} methods, which return a copy.
 *
 * @param tolerance     convergence tolerance on {@code max_i |RRC_i(w) - b_i|} (the common test, {@link ConvergenceTest})
 * @param maxIterations iteration cap in the solver's own unit (Newton iterations, CCD sweeps, greedy steps);
 *                      {@code 0} means the solver's documented default for the problem size
 * @param initialPoint  optional positive starting weights (warm start), length n, any positive scale (stored scaled to
 *                      sum to one); may be null
 * @param timeLimit     wall-clock limit checked between iterations; {@link Duration#ZERO} means none
 * @param observer      optional listener called at every iteration boundary ({@link IterationObserver}); may be null
 */
public record SolverOptions(double tolerance, int maxIterations, double[] initialPoint, Duration timeLimit,
                            IterationObserver observer) {

    /** Default tolerance on max |RRC_i - b_i|. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    public SolverOptions {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a positive finite number, got " + tolerance);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be >= 0 (0 = solver default), got " + maxIterations);
        }
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative()) {
            throw new IllegalArgumentException("timeLimit must not be negative, got " + timeLimit);
        }
        if (initialPoint != null) {
            initialPoint = initialPoint.clone();
            for (int i = 0; i < initialPoint.length; i++) {
                if (!(initialPoint[i] > 0) || !Double.isFinite(initialPoint[i])) {
                    throw new IllegalArgumentException(
                            "initial point must be positive and finite, but weight " + (i + 1) + " is " + initialPoint[i]);
                }
            }
            initialPoint = normalised(initialPoint);
        }
    }

    /**
     * The initial point scaled to sum to one, so that every solver's start is free of overflow and underflow whatever
     * the scale given (every weight 1e300, or 1e-300): divided first by its largest entry (exact for a power of two,
     * never overflows), then by the sum of the result (in [1, n]). O(n).
     *
     * @throws IllegalArgumentException if the entries span more than the double range (some ratio to the largest
     *                                  underflows to zero), so that no normalised start represents them
     */
    private static double[] normalised(double[] w) {
        double max = 0;
        for (double v : w) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] /= max;
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
            if (!(w[i] > 0)) {
                throw new IllegalArgumentException("initial point spans more than the range of double: weight "
                        + (i + 1) + " is below the largest times 2^-1074");
            }
        }
        return w;
    }

    /** Options without an observer. */
    public SolverOptions(double tolerance, int maxIterations, double[] initialPoint, Duration timeLimit) {
        this(tolerance, maxIterations, initialPoint, timeLimit, null);
    }

    /** Tolerance 1e-10, solver-default iteration cap, no initial point, no time limit, no observer. */
    public static SolverOptions defaults() {
        return new SolverOptions(DEFAULT_TOLERANCE, 0, null, Duration.ZERO, null);
    }

    public SolverOptions withTolerance(double tol) {
        return new SolverOptions(tol, maxIterations, initialPoint, timeLimit, observer);
    }

    public SolverOptions withMaxIterations(int max) {
        return new SolverOptions(tolerance, max, initialPoint, timeLimit, observer);
    }

    public SolverOptions withInitialPoint(double[] w) {
        return new SolverOptions(tolerance, maxIterations, w, timeLimit, observer);
    }

    public SolverOptions withTimeLimit(Duration limit) {
        return new SolverOptions(tolerance, maxIterations, initialPoint, limit, observer);
    }

    /** @param o the iteration observer, or null for none */
    public SolverOptions withObserver(IterationObserver o) {
        return new SolverOptions(tolerance, maxIterations, initialPoint, timeLimit, o);
    }

    /**
     * Reports an iteration boundary to the observer, if there is one, with the current {@link System#nanoTime()}:
     * a single null check when there is none.
     *
     * @param iterate the current iterate; weights are {@code w_i ∝ iterate_i / divisor_i}
     * @param divisor per-coordinate divisor (e.g. σ for a correlation-space iterate), or null for {@code w ∝ iterate}
     * @see IterationObserver#onIteration
     */
    public void observe(int iteration, double[] iterate, double[] divisor) {
        if (observer != null) {
            observer.onIteration(iteration, System.nanoTime(), iterate, divisor);
        }
    }

    /** @return a copy of the initial point, or null */
    @Override
    public double[] initialPoint() {
        return initialPoint == null ? null : initialPoint.clone();
    }

    public boolean hasInitialPoint() {
        return initialPoint != null;
    }

    /** @return {@code maxIterations} if set, else {@code solverDefault} */
    public int maxIterationsOr(int solverDefault) {
        return maxIterations > 0 ? maxIterations : solverDefault;
    }

    /** @return a {@link Deadline} of {@link #timeLimit()} for a solve starting now ({@link Deadline#none()} if zero) */
    public Deadline deadlineFromNow() {
        return Deadline.after(timeLimit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SolverOptions s
                && Double.compare(s.tolerance, tolerance) == 0
                && s.maxIterations == maxIterations
                && Arrays.equals(s.initialPoint, initialPoint)
                && s.timeLimit.equals(timeLimit)
                && s.observer == observer;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tolerance, maxIterations, Arrays.hashCode(initialPoint), timeLimit,
                System.identityHashCode(observer));
    }

    @Override
    public String toString() {
        return "SolverOptions[tolerance=" + tolerance + ", maxIterations=" + maxIterations
                + ", initialPoint=" + (initialPoint == null ? "none" : "n=" + initialPoint.length)
                + ", timeLimit=" + timeLimit + (observer == null ? "" : ", observer") + "]";
    }
}

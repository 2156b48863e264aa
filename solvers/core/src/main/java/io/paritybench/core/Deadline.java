package io.paritybench.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A wall-clock deadline on the monotonic clock ({@link System#nanoTime()}): the one type every solver and the harness
 * use to ask "is the time up?". A deadline remembers when it started and how long it allows, and compares the
 * elapsed time with the allowance ({@code nanoTime() − start ≥ limit}), which is overflow-free for any limit a
 * {@link Duration} can hold; there is no sentinel such as {@code Long.MAX_VALUE} and no {@code start + limit}
 * addition that could wrap. {@link #none()} never passes.
 *
 * <p>Immutable and thread-safe; {@link #passed()} costs one {@code nanoTime} call.
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(0L, 0L, false);

    private final long startNanos;
    private final long limitNanos;
    private final boolean bounded;

    private Deadline(long startNanos, long limitNanos, boolean bounded) {
        this.startNanos = startNanos;
        this.limitNanos = limitNanos;
        this.bounded = bounded;
    }

    /** @return a deadline that never passes */
    public static Deadline none() {
        return NONE;
    }

    /**
     * @param limit the allowance from now; {@link Duration#ZERO} means no limit (the convention of
     *              {@link SolverOptions#timeLimit()})
     * @return a deadline {@code limit} from now
     * @throws IllegalArgumentException for a negative limit
     */
    public static Deadline after(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative()) {
            throw new IllegalArgumentException("a time limit must not be negative, got " + limit);
        }
        if (limit.isZero()) {
            return NONE;
        }
        long nanos;
        try {
            nanos = limit.toNanos();
        } catch (ArithmeticException e) {
            return NONE; // more than 292 years: no limit in practice
        }
        return new Deadline(System.nanoTime(), nanos, true);
    }

    /** @return whether there is a limit at all */
    public boolean isBounded() {
        return bounded;
    }

    /** @return whether the time is up (never for {@link #none()}) */
    public boolean passed() {
        return bounded && System.nanoTime() - startNanos >= limitNanos;
    }

    /** @return the allowance this deadline was made with; {@link Duration#ZERO} for {@link #none()} */
    public Duration limit() {
        return Duration.ofNanos(limitNanos);
    }

    /** @return the time since the deadline was made (zero for {@link #none()}) */
    public Duration elapsed() {
        return bounded ? Duration.ofNanos(System.nanoTime() - startNanos) : Duration.ZERO;
    }

    /**
     * @return the time left, at least one nanosecond while bounded (so that it can be handed on as a limit that
     *         still means "a limit"), or {@link Duration#ZERO} (no limit) for {@link #none()}
     */
    public Duration remaining() {
        if (!bounded) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(1L, limitNanos - (System.nanoTime() - startNanos)));
    }

    @Override
    public String toString() {
        return bounded ? "Deadline[" + limit() + " from start, " + elapsed() + " elapsed]" : "Deadline[none]";
    }
}

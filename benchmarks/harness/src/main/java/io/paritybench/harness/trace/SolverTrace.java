package io.paritybench.harness.trace;

import io.paritybench.core.SolveStatus;
import java.util.List;
import java.util.Objects;

/**
 * The trace of one solver on one problem.
 *
 * @param solver           the solver id
 * @param status           the final status of the traced solve, null when it did not run or threw
 * @param message          the solver's message, why it does not apply, or what it threw
 * @param iterations       the result's iteration count
 * @param seconds          median wall time of the traced solves, the recorder's own time subtracted
 * @param points           the judged points, in order (empty when the solver cannot run)
 * @param matchesUntraced  the traced result equals the untraced one bit for bit (weights, status, iterations)
 * @param repeats          the number of traced solves behind the median times (0 when it did not run)
 * @param note             what the report says besides the status (an external command's clock, a rejected
 *                         trace), or empty
 */
public record SolverTrace(String solver, SolveStatus status, String message, int iterations, double seconds,
                          List<TracePoint> points, boolean matchesUntraced, int repeats, String note) {

    public SolverTrace {
        Objects.requireNonNull(solver, "solver");
        points = List.copyOf(points);
        message = message == null ? "" : message;
        note = note == null ? "" : note;
    }

    /** A trace without a note. */
    public SolverTrace(String solver, SolveStatus status, String message, int iterations, double seconds,
                       List<TracePoint> points, boolean matchesUntraced, int repeats) {
        this(solver, status, message, iterations, seconds, points, matchesUntraced, repeats, "");
    }

    /** Shown for a solver whose {@code supports(problem)} declines the problem. */
    public static final String NOT_APPLICABLE = "not applicable";
    /** Shown for a solver that threw. */
    public static final String EXCEPTION = "EXCEPTION";

    /** @return the trace of a solver that declines the problem, with the reason */
    public static SolverTrace cannot(String solver, String reason) {
        return new SolverTrace(solver, null, NOT_APPLICABLE + ": " + reason, 0, Double.NaN, List.of(), true, 0);
    }

    /** @return the trace of a solver that threw (a bug in the solver: nothing is traced) */
    public static SolverTrace threw(String solver, Throwable t) {
        return new SolverTrace(solver, null, EXCEPTION + ": " + t.getClass().getName() + ": " + t.getMessage(), 0,
                Double.NaN, List.of(), true, 0);
    }

    /** @return the number of points that are reported iterates (0 when the solver reports no iterations) */
    public long reportedIterates() {
        return points.stream().filter(p -> p.kind() == TracePoint.Kind.ITERATE).count();
    }

    /** @return whether the solver ran */
    public boolean ran() {
        return status != null;
    }

    /** @return the status as shown at the end of a line and in the tables */
    public String statusLabel() {
        return status != null ? status.name() : message.startsWith(EXCEPTION) ? EXCEPTION : NOT_APPLICABLE;
    }
}

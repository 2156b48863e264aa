package io.paritybench.harness.trace;

/**
 * One point of a residual-against-time trace, judged by the harness on a copy of the solver's iterate after the
 * solve (outside the timed region).
 *
 * @param iteration         the solver's iteration number (its own unit); for a {@link Kind#RESULT} point, the
 *                          result's iteration count
 * @param seconds           median over the traced repeats of the time since the solve call, the recorder's own
 *                          time subtracted
 * @param maxAbsRrcError    {@code max_i |RRC_i − b_i|} of the normalised iterate (the common convergence test)
 * @param maxRelRrcError    {@code max_i |RRC_i/b_i − 1|}
 * @param maxRelWeightError {@code max_i |w_i − ref_i|/ref_i} against the certified reference, NaN when none is known
 * @param kind              a reported iterate, or the returned result when it differs from the last iterate
 */
public record TracePoint(int iteration, double seconds, double maxAbsRrcError, double maxRelRrcError,
                         double maxRelWeightError, Kind kind) {

    /** Where a point comes from. */
    public enum Kind {
        /** An iterate the solver reported to its observer. */
        ITERATE,
        /**
         * The returned weights, added when they differ from the last reported iterate (the reference's correct
         * rounding, a library's final point).
         */
        RESULT;

        /** @return the name used in trace.csv */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

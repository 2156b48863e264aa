package io.paritybench.harness.external;

/**
 * How one run of an external command ended. The harness's wall time of the command ({@link #wallNanos}) is always
 * measured; the implementation's own timing is only in {@link Answered#seconds}, and the two are never mixed.
 */
public sealed interface ExternalRun {

    /** @return wall time of the command (start to exit, or to the kill), in nanoseconds */
    long wallNanos();

    /**
     * The command exited with 0 and wrote a well-formed answer.
     *
     * @param weights       the returned weights (as written; non-finite entries kept)
     * @param claimsSuccess whether it claims success (no status or {@code "CONVERGED"})
     * @param status        the status string as written (empty when absent)
     * @param iterations    its iteration count, or -1
     * @param message       its message, or the reported status string
     * @param seconds       its self-reported in-process time, or NaN
     * @param repeats       its number of timed repeats, or -1
     * @param wallNanos     the command's wall time
     * @param trace         its optional trace of iterates, checked ({@link ExternalTrace#ABSENT} when none)
     */
    record Answered(double[] weights, boolean claimsSuccess, String status, int iterations, String message,
                    double seconds, int repeats, long wallNanos, ExternalTrace trace) implements ExternalRun {
        public Answered {
            weights = weights.clone();
            trace = trace == null ? ExternalTrace.ABSENT : trace;
        }

        /** An answer without a trace. */
        public Answered(double[] weights, boolean claimsSuccess, String status, int iterations, String message,
                        double seconds, int repeats, long wallNanos) {
            this(weights, claimsSuccess, status, iterations, message, seconds, repeats, wallNanos,
                    ExternalTrace.ABSENT);
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }
    }

    /**
     * The command failed: a non-zero exit, no output file, malformed JSON or no weights (classified EXCEPTION).
     *
     * @param reason     what went wrong, e.g. {@code exit code 1}
     * @param stderrTail the last lines of its standard error
     */
    record Failed(String reason, String stderrTail, long wallNanos) implements ExternalRun {
        /** @return reason and stderr tail on one line */
        public String describe() {
            return stderrTail.isBlank() ? reason : reason + "; stderr: " + stderrTail;
        }
    }

    /**
     * The command ran past the watchdog; its whole process group was killed (classified TIMEOUT).
     *
     * @param watchdogNanos the watchdog
     * @param stderrTail    the last lines of its standard error
     */
    record TimedOut(long watchdogNanos, String stderrTail, long wallNanos) implements ExternalRun {
    }
}

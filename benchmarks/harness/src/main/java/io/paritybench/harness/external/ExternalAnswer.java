package io.paritybench.harness.external;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON object an external command writes to {@code {out}}.
 *
 * @param weights    the weights (required); {@code null} entries and the tokens {@code NaN}/{@code Infinity} are
 *                   read as non-finite values, so the harness classifies them instead of refusing the answer
 * @param status     absent or {@code "CONVERGED"}: the implementation claims success; any other string: it reported
 *                   a failure, and the string is kept as the message
 * @param iterations its iteration count (optional)
 * @param message    its message (optional)
 * @param seconds    its own in-process solve time, e.g. the median of warm repeats (optional; never mixed with the
 *                   wall time the harness measures)
 * @param repeats    how many timed repeats {@code seconds} summarises (optional)
 * @param trace      its iterates, {@code [{"iteration": k, "seconds": t, "weights": [...]}, ...]} (optional; kept as
 *                   a tree here and read by {@link ExternalTrace#parse}, so that a bad trace is reported as such
 *                   and never makes the answer itself malformed)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExternalAnswer(Double[] weights, String status, Integer iterations, String message, Double seconds,
                             Integer repeats, JsonNode trace) {

    /** The status string that means a claim of success. */
    public static final String CONVERGED = "CONVERGED";

    /** @return whether the implementation claims success (no status, or {@code "CONVERGED"}) */
    public boolean claimsSuccess() {
        return status == null || status.isBlank() || status.strip().equals(CONVERGED);
    }

    /** @return the weights as doubles, {@code null} entries as NaN */
    public double[] weightArray() {
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[i] == null ? Double.NaN : weights[i];
        }
        return w;
    }
}

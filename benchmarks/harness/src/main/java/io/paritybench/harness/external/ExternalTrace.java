package io.paritybench.harness.external;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The optional {@code trace} array of an external answer: the command's own iterates,
 * {@code [{"iteration": k, "seconds": t, "weights": [...]}, ...]}, read with Jackson into {@link Entry} records and
 * checked here. A trace is either absent, valid (its {@link #steps}), or rejected with the reason
 * ({@link #error}): iteration numbers are integers ≥ 0 and strictly increasing, times are finite, ≥ 0 and
 * non-decreasing, and every weights array has n finite entries. A rejected trace never makes the answer itself
 * fail: the weights are judged as without a trace, and the rejection is reported.
 *
 * <p>Nothing in the trace is believed except the iterates and their times: the harness judges the iterates itself
 * ({@code paritybench trace}), as it judges the copies of a built-in solver's iterates.
 *
 * @param present whether the answer had a {@code trace} field (not null)
 * @param steps   the checked steps, in order (empty when absent or rejected)
 * @param error   why the trace was rejected, or null
 */
public record ExternalTrace(boolean present, List<Step> steps, String error) {

    /** An answer without a trace. */
    public static final ExternalTrace ABSENT = new ExternalTrace(false, List.of(), null);

    /** Jackson for the entries: no float read as an integer, unknown fields ignored. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    public ExternalTrace {
        steps = List.copyOf(steps);
    }

    /**
     * One entry as written by the command.
     *
     * @param iteration its iteration number, in its own unit
     * @param seconds   its own time since the solve started
     * @param weights   the iterate's weights ({@code null} entries are non-finite)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(Integer iteration, Double seconds, Double[] weights) {
    }

    /**
     * One checked step.
     *
     * @param iteration the iteration number
     * @param seconds   the command's own time, finite and ≥ 0
     * @param weights   the iterate, n finite numbers, as written (the judge's residual does not depend on their scale)
     */
    public record Step(int iteration, double seconds, double[] weights) {
        public Step {
            weights = weights.clone();
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }
    }

    /** @return whether there is a trace and it passed the checks */
    public boolean valid() {
        return present && error == null;
    }

    /** @return a rejected trace */
    public static ExternalTrace rejected(String error) {
        return new ExternalTrace(true, List.of(), error);
    }

    /**
     * Reads and checks the {@code trace} field of an answer.
     *
     * @param node the field ({@code null} or JSON null: absent)
     * @param n    the problem's number of assets
     */
    public static ExternalTrace parse(JsonNode node, int n) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return ABSENT;
        }
        if (!node.isArray()) {
            return rejected("'trace' is not an array (got " + node.getNodeType().name().toLowerCase(Locale.ROOT) + ")");
        }
        List<Entry> entries = new ArrayList<>(node.size());
        for (int k = 0; k < node.size(); k++) {
            JsonNode e = node.get(k);
            if (!e.isObject()) {
                return rejected("trace[" + k + "] is not an object");
            }
            try {
                entries.add(JSON.treeToValue(e, Entry.class));
            } catch (JsonProcessingException ex) {
                return rejected("trace[" + k + "]: " + firstLine(ex.getOriginalMessage()));
            } catch (IllegalArgumentException ex) {
                return rejected("trace[" + k + "]: " + firstLine(ex.getMessage()));
            }
        }
        return check(entries, n);
    }

    /** @return the checked trace of these entries (see the class comment for the rules) */
    public static ExternalTrace check(List<Entry> entries, int n) {
        List<Step> steps = new ArrayList<>(entries.size());
        Step previous = null;
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            String at = "trace[" + k + "]: ";
            if (e.iteration() == null || e.seconds() == null || e.weights() == null) {
                return rejected(at + "needs 'iteration', 'seconds' and 'weights'");
            }
            int it = e.iteration();
            double t = e.seconds();
            if (it < 0) {
                return rejected(at + "iteration " + it + " is negative");
            }
            if (!Double.isFinite(t) || t < 0) {
                return rejected(at + "seconds " + t + " is not a finite number >= 0");
            }
            if (e.weights().length != n) {
                return rejected(at + e.weights().length + " weights for n = " + n);
            }
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                Double v = e.weights()[i];
                if (v == null || !Double.isFinite(v)) {
                    return rejected(at + "weight " + i + " is not finite (" + v + ")");
                }
                w[i] = v;
            }
            if (previous != null && it <= previous.iteration()) {
                return rejected(at + "iteration " + it + " does not increase (the one before is "
                        + previous.iteration() + ")");
            }
            if (previous != null && t < previous.seconds()) {
                return rejected(at + "seconds " + t + " is before the one before (" + previous.seconds() + ")");
            }
            previous = new Step(it, t, w);
            steps.add(previous);
        }
        return new ExternalTrace(true, steps, null);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed entry";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}

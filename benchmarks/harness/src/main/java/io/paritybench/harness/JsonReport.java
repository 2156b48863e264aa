package io.paritybench.harness;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * The JSON form of a {@link SolveReport} (Jackson). Doubles are written with the shortest decimal that parses back
 * to the same double ({@link Double#toString(double)}), so weights round-trip bit for bit; a non-finite value is
 * written as the string {@code "NaN"} or {@code "Infinity"}.
 *
 * <p>Fields: solver, status, success (status CONVERGED), withinTolerance (the harness's own check
 * {@code maxAbsBudgetError ≤ tolerance}), iterations, seconds, tolerance, n, assets, weights, budgets,
 * riskContributions (relative), maxAbsBudgetError, maxRelBudgetError, counters, message; for an external solver
 * also solverSeconds (its own in-process time; {@code seconds} is the wall time of the command).
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonReport() {
    }

    /** @return the report as a JSON tree */
    public static ObjectNode toJson(SolveReport r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("solver", r.solver());
        o.put("status", r.status().name());
        o.put("success", r.success());
        o.put("withinTolerance", r.withinTolerance());
        o.put("iterations", r.iterations());
        o.put("seconds", r.seconds());
        if (!Double.isNaN(r.solverSeconds())) {
            o.put("solverSeconds", r.solverSeconds());
        }
        o.put("tolerance", r.tolerance());
        o.put("criterion", r.criterion().label());
        o.put("n", r.n());
        o.put("measure", r.measure());
        o.put("risk", r.risk());
        ArrayNode assets = o.putArray("assets");
        r.assets().forEach(assets::add);
        array(o.putArray("weights"), r.weights());
        array(o.putArray("budgets"), r.budgets());
        array(o.putArray("riskContributions"), r.riskContributions());
        o.put("maxAbsBudgetError", r.maxAbsBudgetError());
        o.put("maxRelBudgetError", r.maxRelBudgetError());
        ObjectNode counters = o.putObject("counters");
        for (Map.Entry<String, Long> e : r.counters().entrySet()) {
            counters.put(e.getKey(), e.getValue());
        }
        o.put("message", r.message());
        return o;
    }

    /** Writes the report followed by a newline. */
    public static void write(SolveReport r, Writer out) throws IOException {
        MAPPER.writeValue(out, toJson(r));
        out.write(System.lineSeparator());
        out.flush();
    }

    private static void array(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }
}

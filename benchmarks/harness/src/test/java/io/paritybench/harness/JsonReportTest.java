package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paritybench.core.SolveStatus;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReportTest {

    private static SolveReport report(double[] w, Map<String, Long> counters) {
        double[] b = new double[w.length];
        java.util.Arrays.fill(b, 1.0 / w.length);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            names.add("a" + i);
        }
        return new SolveReport("s", SolveStatus.MAX_ITERATIONS, 7, 0.5, 1e-10, names, true, w, b, w, 0.1, 0.2,
                counters, "line one\nline two");
    }

    private static JsonNode roundTrip(SolveReport r) throws Exception {
        StringWriter out = new StringWriter();
        JsonReport.write(r, out);
        return new ObjectMapper().readTree(out.toString());
    }

    /** Doubles spread over the whole exponent range, from a seeded generator, must parse back bit for bit. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyDoubleRoundTripsBitForBit(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = new double[500];
        for (int i = 0; i < w.length; i++) {
            w[i] = Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL);
        }
        JsonNode weights = roundTrip(report(w, Map.of())).get("weights");
        for (int i = 0; i < w.length; i++) {
            double back = Double.parseDouble(weights.get(i).asText());
            assertThat(Double.doubleToLongBits(back)).as("w[%d] = %s", i, w[i]).isEqualTo(Double.doubleToLongBits(w[i]));
        }
    }

    @Test
    void nonFiniteValuesAreWrittenAsStringsAndCountersKeepTheirOrder() throws Exception {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("matvecs", 12L);
        counters.put("factorizations", 3L);
        counters.put("clamps", 0L);

        JsonNode j = roundTrip(report(new double[] {Double.NaN, 0.5}, counters));

        assertThat(j.get("weights").get(0).asText()).isEqualTo("NaN");
        assertThat(j.get("counters").toString()).isEqualTo("{\"matvecs\":12,\"factorizations\":3,\"clamps\":0}");
        assertThat(j.get("status").asText()).isEqualTo("MAX_ITERATIONS");
        assertThat(j.get("success").asBoolean()).isFalse();
        assertThat(j.get("message").asText()).isEqualTo("line one\nline two");
    }
}

package io.paritybench.jmh.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads JMH's JSON result format ({@code -rf json}) into {@link JmhResult}s. */
public final class JmhResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhResults() {
    }

    /** @return the results of a JMH JSON file (an empty file, as JMH leaves after a failed run, gives none) */
    public static List<JmhResult> read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        List<JmhResult> out = new ArrayList<>();
        if (root == null || root.isMissingNode() || !root.isArray()) {
            return out;
        }
        for (JsonNode r : root) {
            String unit = r.path("primaryMetric").path("scoreUnit").asText();
            if (!isTimePerOperation(unit)) {
                System.err.println("skipping " + r.path("benchmark").asText() + ": unit " + unit
                        + " is not a time per operation (use the modes sample, avgt or ss)");
                continue;
            }
            out.add(parse(r));
        }
        return out;
    }

    /**
     * @return the results of a JMH JSON file
     * @throws IOException when the file is not JSON, not an array, or an entry is not a JMH result with a time per
     *                     operation
     */
    public static List<JmhResult> readStrict(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException("not a JSON array of JMH results");
        }
        List<JmhResult> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root) {
            i++;
            String unit = r.path("primaryMetric").path("scoreUnit").asText();
            // JMH writes rawData in the modes with one score per iteration, rawDataHistogram (only) in sample mode
            JsonNode pm = r.path("primaryMetric");
            if (!r.path("benchmark").isTextual()
                    || !(pm.path("rawData").isArray() || pm.path("rawDataHistogram").isArray())) {
                throw new IOException("entry " + i + " is not a JMH result (no benchmark, or neither "
                        + "primaryMetric.rawData nor primaryMetric.rawDataHistogram)");
            }
            if (!isTimePerOperation(unit)) {
                throw new IOException("entry " + i + " (" + r.path("benchmark").asText() + "): unit " + unit
                        + " is not a time per operation");
            }
            out.add(parse(r));
        }
        return out;
    }

    static JmhResult parse(JsonNode r) {
        String full = r.path("benchmark").asText();
        String[] parts = full.split("\\.");
        String benchmark = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : full;
        Map<String, String> params = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = r.path("params").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        JsonNode pm = r.path("primaryMetric");
        double toSeconds = secondsPerUnit(pm.path("scoreUnit").asText());
        List<double[]> samples = new ArrayList<>();
        Map<Double, Double> pooled = new TreeMap<>();
        for (JsonNode fork : pm.path("rawDataHistogram")) {
            for (JsonNode iteration : fork) {
                for (JsonNode bin : iteration) {
                    pooled.merge(bin.get(0).asDouble() * toSeconds, bin.get(1).asDouble(), Double::sum);
                }
            }
        }
        pooled.forEach((v, c) -> samples.add(new double[] {v, c}));
        List<Double> iterationScores = new ArrayList<>();
        List<double[]> forks = new ArrayList<>();
        for (JsonNode fork : pm.path("rawData")) {
            List<Double> f = new ArrayList<>();
            for (JsonNode v : fork) {
                iterationScores.add(v.asDouble() * toSeconds);
                f.add(v.asDouble() * toSeconds);
            }
            if (!pm.has("rawDataHistogram")) {
                forks.add(f.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        for (JsonNode fork : pm.path("rawDataHistogram")) {
            List<Double> f = new ArrayList<>();
            for (JsonNode iteration : fork) {
                List<double[]> bins = new ArrayList<>();
                for (JsonNode bin : iteration) {
                    bins.add(new double[] {bin.get(0).asDouble() * toSeconds, bin.get(1).asDouble()});
                }
                bins.sort(java.util.Comparator.comparingDouble(b -> b[0]));
                f.add(Stats.median(bins));
            }
            forks.add(f.stream().mapToDouble(Double::doubleValue).toArray());
        }
        Map<String, Double> counters = new LinkedHashMap<>();
        double bytes = Double.NaN;
        double gcCount = Double.NaN;
        double gcTime = Double.NaN;
        Iterator<Map.Entry<String, JsonNode>> sm = r.path("secondaryMetrics").fields();
        while (sm.hasNext()) {
            Map.Entry<String, JsonNode> e = sm.next();
            String name = e.getKey().replace("\u00b7", "");
            double score = number(e.getValue().path("score"));
            switch (name) {
                case "gc.alloc.rate.norm" -> bytes = score;
                case "gc.count" -> gcCount = score;
                case "gc.time" -> gcTime = score;
                default -> {
                    if ("#".equals(e.getValue().path("scoreUnit").asText())) {
                        counters.put(e.getKey(), score);
                    }
                }
            }
        }
        List<String> jvmArgs = new ArrayList<>();
        for (JsonNode a : r.path("jvmArgs")) {
            jvmArgs.add(a.asText());
        }
        RunSettings settings = new RunSettings(r.path("forks").asInt(), r.path("warmupIterations").asInt(),
                r.path("warmupTime").asText(), r.path("measurementIterations").asInt(),
                r.path("measurementTime").asText(), r.path("jvm").asText(), jvmArgs, r.path("jdkVersion").asText(),
                r.path("vmName").asText(), r.path("vmVersion").asText(), r.path("jmhVersion").asText());
        return new JmhResult(benchmark, r.path("mode").asText(), params, number(pm.path("score")) * toSeconds,
                number(pm.path("scoreError")) * toSeconds, samples, iterationScores, forks, counters,
                new JmhResult.Gc(bytes, gcCount, gcTime), settings);
    }

    /** JMH writes NaN as the string "NaN". */
    static double number(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return Double.NaN;
        }
        return v.isNumber() ? v.asDouble() : parseOrNaN(v.asText());
    }

    private static double parseOrNaN(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static boolean isTimePerOperation(String unit) {
        return unit.endsWith("/op") && !unit.startsWith("ops");
    }

    /** @return seconds per unit of a JMH time unit such as {@code us/op} */
    static double secondsPerUnit(String unit) {
        String u = unit.contains("/") ? unit.substring(0, unit.indexOf('/')) : unit;
        return switch (u) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1.0;
            case "min" -> 60.0;
            default -> throw new IllegalArgumentException("not a time-per-operation unit: " + unit);
        };
    }
}

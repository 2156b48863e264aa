package io.paritybench.harness.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record kept beside a results file ({@code NAME.run.json} for {@code NAME.csv}): the settings and their
 * fingerprint, the shard, the plan's size, the environment ({@link Environment}), and, once the run ends, its
 * summary. Shards are merged only if their fingerprints agree; the report reads the settings it needs (the
 * bisection's seeds and success threshold) and the environment from here.
 *
 * @param fields the JSON object, in order
 */
public record RunInfo(Map<String, Object> fields) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunInfo {
        fields = new LinkedHashMap<>(fields);
    }

    /** @return the run information of a results file: {@code NAME.csv → NAME.run.json} */
    public static Path pathFor(Path results) {
        return sibling(results, ".run.json");
    }

    /** @return where the worker JVMs' stderr goes: {@code NAME.workers.log} */
    static Path workerLogFor(Path results) {
        return sibling(results, ".workers.log");
    }

    private static Path sibling(Path results, String suffix) {
        String name = results.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        Path dir = results.toAbsolutePath().getParent();
        return dir.resolve(base + suffix);
    }

    static RunInfo start(SweepConfig config, Shard shard, SweepPlan plan) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("fingerprint", config.fingerprint());
        f.put("shard", shard.toString());
        f.put("started", now());
        f.put("solvers", plan.solvers());
        f.put("problems", plan.groups().size());
        f.put("bisection_searches", plan.pairs().size());
        f.put("config", config.values());
        f.put("environment", Environment.capture(config.execution().workerJvmArgs()));
        return new RunInfo(f);
    }

    RunInfo finish(Sweep.Summary s) {
        Map<String, Object> f = new LinkedHashMap<>(fields);
        f.put("finished", now());
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put("elapsed_seconds", Math.round(s.elapsed().toMillis() / 100.0) / 10.0);
        sum.put("trials_run", s.executed().size());
        sum.put("trials_reused", s.reused());
        Map<String, Long> o = new LinkedHashMap<>();
        s.outcomes().forEach((k, v) -> o.put(k.name(), v));
        sum.put("outcomes", o);
        sum.put("worker_jvm_starts", s.workerStarts());
        sum.put("problems_skipped", s.skippedProblems());
        sum.put("interrupted", s.interrupted());
        sum.put("breaking_points", s.breakingPoints());
        f.put("summary", sum);
        return new RunInfo(f);
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Writes the file (replacing it). */
    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(fields) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** @return the run information in a file, or null if there is none */
    public static RunInfo read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return new RunInfo(JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { }));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    /** @return the settings' fingerprint, or null */
    public String fingerprint() {
        return fields.get("fingerprint") instanceof String s ? s : null;
    }

    /** @return the settings as text, or an empty map */
    @SuppressWarnings("unchecked")
    public Map<String, String> config() {
        Object c = fields.get("config");
        if (!(c instanceof Map<?, ?> m)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<String, Object>) m).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    /** @return the environment of the run (of the first shard for merged runs), or an empty map */
    @SuppressWarnings("unchecked")
    public Map<String, Object> environment() {
        Object e = fields.get("environment");
        if (e instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Object shards = fields.get("shards");
        if (shards instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> first
                && first.get("environment") instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        return Map.of();
    }
}

package io.paritybench.harness.sweep;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
 * The record kept beside a results file ({@code NAME.run.json} for {@code NAME.csv}), written and read through
 * Jackson databind: the settings and their fingerprint, the shard, the plan's size, the environment
 * ({@link Environment}), and, once the run ends, its {@link Summary}. A merged file lists its inputs' records in
 * {@code shards}. Shards are merged only if their fingerprints agree; the report reads the settings it needs (the
 * bisection's seeds and success threshold) and the environment from here. Fields this version does not know are
 * ignored; absent ones are null (or empty lists and maps).
 *
 * @param fingerprint       {@link SweepConfig#fingerprint(String)} (with the external solver definitions in use)
 * @param shard             {@code I/N}, or {@code merged}
 * @param file              the results file (in a merged file's {@code shards})
 * @param started           ISO-8601 UTC
 * @param finished          ISO-8601 UTC, null while running or after an interruption
 * @param solvers           the plan's solvers
 * @param problems          the plan's problems
 * @param bisectionSearches the plan's solver × n bisection searches
 * @param mergedFrom        the inputs of a merged file
 * @param config            the settings as text ({@link SweepConfig#values()})
 * @param environment       the machine, JVM, libraries and commit ({@link Environment#capture})
 * @param summary           how the run ended
 * @param shards            the inputs' records (merged files)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"file", "fingerprint", "shard", "started", "finished", "solvers", "problems",
    "bisection_searches", "merged_from", "config", "environment", "summary", "shards"})
public record RunInfo(String fingerprint, String shard, String file, String started, String finished,
                      List<String> solvers, Integer problems,
                      @JsonProperty("bisection_searches") Integer bisectionSearches,
                      @JsonProperty("merged_from") List<String> mergedFrom, Map<String, String> config,
                      Environment environment, Summary summary, List<RunInfo> shards) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunInfo {
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        solvers = solvers == null ? List.of() : List.copyOf(solvers);
        mergedFrom = mergedFrom == null ? List.of() : List.copyOf(mergedFrom);
        shards = shards == null ? List.of() : List.copyOf(shards);
    }

    /**
     * How a run ended ({@code summary}).
     *
     * @param elapsedSeconds wall time, 0.1 s resolution
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(@JsonProperty("elapsed_seconds") double elapsedSeconds,
                          @JsonProperty("trials_run") int trialsRun,
                          @JsonProperty("trials_reused") long trialsReused,
                          Map<Outcome, Long> outcomes,
                          @JsonProperty("worker_jvm_starts") int workerJvmStarts,
                          @JsonProperty("problems_skipped") int problemsSkipped,
                          boolean interrupted,
                          @JsonProperty("breaking_points") List<String> breakingPoints) {
    }

    /** @return a record with only these fields (for tests and hand-made files) */
    public static RunInfo of(String fingerprint, String shard, Map<String, String> config,
                             Environment environment) {
        return new RunInfo(fingerprint, shard, null, null, null, null, null, null, null, config, environment, null,
                null);
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
        return new RunInfo(Sweep.fingerprint(config), shard.toString(), null, now(), null, plan.solvers(),
                plan.groups().size(), plan.pairs().size(), null, config.values(),
                Environment.capture(config.execution().workerJvmArgs()), null, null);
    }

    RunInfo finish(Sweep.Summary s) {
        Map<Outcome, Long> o = new LinkedHashMap<>(s.outcomes());
        Summary sum = new Summary(Math.round(s.elapsed().toMillis() / 100.0) / 10.0, s.executed().size(), s.reused(),
                o, s.workerStarts(), s.skippedProblems(), s.interrupted(), s.breakingPoints());
        return new RunInfo(fingerprint, shard, file, started, now(), solvers, problems, bisectionSearches, mergedFrom,
                config, environment, sum, shards);
    }

    /** @return this record as an entry of a merged file's {@code shards}: named by its file, without the settings */
    RunInfo asShardOf(String fileName) {
        return new RunInfo(fingerprint, shard, fileName, started, finished, solvers, problems, bisectionSearches,
                mergedFrom, null, environment, summary, shards);
    }

    /** @return the record of a merge of these shard records */
    static RunInfo merged(String fingerprint, List<String> mergedFrom, Map<String, String> config,
                          List<RunInfo> shards) {
        return new RunInfo(fingerprint, "merged", null, null, null, null, null, null, mergedFrom, config, null, null,
                shards);
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Writes the file (replacing it). */
    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(this) + "\n");
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
            return JSON.readValue(file.toFile(), RunInfo.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a sweep run record: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** @return the environment of the run (of the first shard for merged runs), or null when none was recorded */
    @Override
    public Environment environment() {
        if (environment != null || shards.isEmpty()) {
            return environment;
        }
        return shards.get(0).environment();
    }
}

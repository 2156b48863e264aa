package io.paritybench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment record of a run: captured, written and read back through {@link RunInfo}. */
class EnvironmentTest {

    @TempDir
    Path tmp;

    @Test
    void aCapturedEnvironmentSurvivesTheRunRecordUnchanged() {
        Environment captured = Environment.capture(List.of("-Xmx512m"));
        assertThat(captured.cores()).isPositive();
        assertThat(captured.workerJvmFlags()).containsExactly("-Xmx512m");
        assertThat(captured.libraries()).containsKeys("ejml", "picocli");
        Path f = tmp.resolve("x.run.json");
        RunInfo.of("fp", "0/1", null, captured).write(f);
        assertThat(RunInfo.read(f).environment()).isEqualTo(captured);
    }

    @Test
    void readsTheSnakeCaseFieldsOfAnEarlierFileAndIgnoresUnknownOnes() throws IOException {
        Path f = tmp.resolve("old.run.json");
        Files.writeString(f, """
                {"fingerprint": "fp", "shard": "0/1", "environment": {"cpu": "Some CPU", "cores": 2,
                 "memory_total_mb": 24105, "git_commit": "abc", "git_dirty": "false", "jvm_flags": [],
                 "libraries": {"ejml": "0.43.1"}, "a_field_from_a_later_version": 7}}
                """);
        Environment e = RunInfo.read(f).environment();
        assertThat(e.cpu()).isEqualTo("Some CPU");
        assertThat(e.cores()).isEqualTo(2);
        assertThat(e.memoryTotalMb()).isEqualTo(24105L);
        assertThat(e.gitCommit()).isEqualTo("abc");
        assertThat(e.recorded()).isNull();
        assertThat(e.fields()).extracting(Environment.Field::name)
                .containsExactly("cpu", "cores", "memory_total_mb", "jvm_flags", "git_commit", "git_dirty",
                        "libraries");
    }

    @Test
    void aMergedRecordTakesTheEnvironmentOfItsFirstShard() {
        RunInfo first = RunInfo.of("fp", "0/2", null, Environment.of("First CPU", 2));
        RunInfo second = RunInfo.of("fp", "1/2", null, Environment.of("Second CPU", 4));
        RunInfo merged = RunInfo.merged("fp", List.of("a.csv", "b.csv"), null, List.of(first, second));
        assertThat(merged.environment().cpu()).isEqualTo("First CPU");
        assertThat(RunInfo.of("fp", "0/1", null, null).environment()).isNull();
    }
}

package io.paritybench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/bench} never overwrites a finished run: with the raw files of a run of the same name present it exits
 * 2 with one line naming the file and leaves the file as it was, unless given {@code --force}. Runs the script against
 * the packaged jar ({@code --no-build}); no JMH run starts.
 */
class BenchScriptIT {

    @TempDir
    Path dir;

    @Test
    void refusesToOverwriteAFinishedRunWithoutForce() throws Exception {
        Path script = Path.of("../../scripts/bench").toAbsolutePath().normalize();
        assertThat(script).isRegularFile();
        Path raw = Files.createDirectories(dir.resolve("jmh"));
        Path json = raw.resolve("done.json");
        Files.writeString(json, "[]\n");

        Process p = new ProcessBuilder("bash", script.toString(), "--no-build", "--out", dir.toString(), "--name",
                "done").redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("bench returns at once").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out.strip().lines()).as(out).hasSize(1);
        assertThat(out).contains(json.toString()).contains("--force");
        assertThat(Files.readString(json)).isEqualTo("[]\n");
        assertThat(raw.resolve("done.log")).doesNotExist();
    }

    @Test
    void theSlurmTaskOwnsItsDirectoryAndPassesForce() throws IOException {
        String task = Files.readString(Path.of("../../scripts/slurm/bench.sbatch"));
        assertThat(task).containsPattern("scripts/bench [^\\n]*--force");
    }
}

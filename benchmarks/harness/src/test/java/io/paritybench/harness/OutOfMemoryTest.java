package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running out of heap is one line on stderr and exit code 1, saying what n needs how much heap. */
class OutOfMemoryTest {

    @TempDir
    Path dir;

    @Test
    void anOutOfMemoryErrorIsOneLineSayingHowMuchHeapTheProblemNeeds() throws IOException, InterruptedException {
        int n = 1200;
        Path cov = dir.resolve("big.csv");
        try (Writer w = Files.newBufferedWriter(cov, StandardCharsets.UTF_8)) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < n; i++) {
                row.setLength(0);
                for (int j = 0; j < n; j++) {
                    row.append(j == 0 ? "" : ",").append(i == j ? "1" : "0");
                }
                w.write(row.append('\n').toString());
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx12m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ParityBench.class.getName(), "solve", "--cov", cov.toString(),
                "--solver", "newton")).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.strip().split("\\R")).as(err).hasSize(1);
        assertThat(err).contains("out of memory", "n = " + n, "PARITYBENCH_JAVA_OPTS=-Xmx").doesNotContain("\tat ");
        assertThat(OutOfMemory.heapFor(5000)).isGreaterThan(5000L * 5000 * 8 * 2);
    }
}

package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.io.CsvIo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paritybench solve} with the misbehaving test doubles of {@code sweep.SweepTestSolvers}: a solver that
 * throws on a problem it supports, returns null or ends the JVM is an internal error of that solver (exit 1, one
 * line, nothing written), never bad input and never exit 0; a problem it declines is bad input (exit 2).
 */
class MisbehavingSolverTest {

    private static final double[][] COV = {{0.09, 0.009, 0.0}, {0.009, 0.01, 0.002}, {0.0, 0.002, 0.04}};

    @TempDir
    Path dir;
    Path cov;
    Path out;

    @BeforeEach
    void writeInputs() throws IOException {
        cov = dir.resolve("cov.csv");
        CsvIo.writeMatrix(cov, COV, null);
        out = dir.resolve("result.json");
    }

    @Test
    void anIllegalArgumentFromASupportedSolveIsAnInternalErrorOfTheSolverNotBadInput() {
        CliRun r = CliRun.of("solve", "--cov", cov.toString(), "--solver", "test-illegal-argument",
                "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.errLines()).containsExactly("paritybench solve: internal error in solver test-illegal-argument: "
                + "java.lang.IllegalArgumentException: dimension mismatch: 3 != 3");
        assertThat(r.err()).doesNotContain(cov.toString());
        assertThat(out).doesNotExist();
    }

    @Test
    void aNullResultIsAnInternalErrorAndNothingIsWritten() {
        CliRun r = CliRun.of("solve", "--cov", cov.toString(), "--solver", "test-null", "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.errLines()).containsExactly(
                "paritybench solve: internal error in solver test-null: solve returned null");
        assertThat(out).doesNotExist();
    }

    @Test
    void aProblemTheSolverDeclinesIsBadInputNamingTheSolverAndTheProblem() {
        CliRun r = CliRun.of("solve", "--cov", cov.toString(), "--solver", "closed-form-n2");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("closed-form-n2 does not support this problem (n = 3");
    }

    @Test
    void aSolverThatCallsSystemExitGivesExit1AndOneLineNeverExit0() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), ParityBench.class.getName(), "solve", "--cov", cov.toString(),
                "--solver", "test-exiting", "--out", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.strip().lines().toList()).containsExactly("paritybench solve: internal error in solver "
                + "test-exiting: it ended the JVM (System.exit) before returning its result; nothing was written");
        assertThat(out).doesNotExist();
        assertThat(Files.exists(dir.resolve("result.json"))).isFalse();
        assertThat(List.of(dir.toFile().list())).containsExactly("cov.csv");
    }
}

package io.paritybench.harness.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paritybench.harness.CliRun;
import io.paritybench.harness.ExitCodes;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code solve --external}: each stub is judged by the harness and gets the exit code a built-in solver would. */
class ExternalSolveTest {

    private static CliRun solve(String solver, String... more) {
        String[] base = {"solve", "--cov", Path.of("../../examples/roncalli4/cov.csv").toString(), "--external",
                Stubs.definitions().toString(), "--solver", solver};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void aCorrectSolverConvergesAndItsOwnTimeIsKeptApartFromTheWallTime() throws Exception {
        CliRun r = solve("stub-ok", "--tol", "1e-9");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("maxAbsBudgetError").asDouble()).isLessThanOrEqualTo(1e-9);
        assertThat(j.get("solverSeconds").asDouble()).isEqualTo(0.001);
        assertThat(j.get("seconds").asDouble()).isGreaterThan(0.001);
        assertThat(j.get("counters").get("repeats").asLong()).isEqualTo(1);
    }

    @Test
    void aLiarIsCaughtByTheHarnessCheck() {
        CliRun r = solve("stub-liar");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(r.err()).contains("CONVERGED but the harness's check failed");
    }

    @Test
    void aReportedFailureKeepsTheSolversWords() {
        CliRun r = solve("stub-failed");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(r.err()).contains("FAILED (DIVERGED: cycle cap)");
        assertThat(r.out()).contains("\"status\" : \"FAILED\"");
    }

    @Test
    void wrongWeightsAreNotAcceptedAsAPortfolio() {
        CliRun r = solve("stub-short");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(r.err()).contains("INVALID_WEIGHTS: 3 weights for n = 4");
    }

    @Test
    void aCrashAMalformedAnswerAndAMissingWeightsArrayAreExceptionsWithTheStderrTail() {
        CliRun crash = solve("stub-crash");
        CliRun malformed = solve("stub-malformed");
        CliRun none = solve("stub-noweights");

        for (CliRun r : new CliRun[] {crash, malformed, none}) {
            assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
            assertThat(r.err().strip()).doesNotContain("\n").contains("EXCEPTION: ");
        }
        assertThat(crash.err()).contains("exit code 1; stderr: boom: cannot factorise");
        assertThat(malformed.err()).contains("malformed JSON");
        assertThat(none.err()).contains("no 'weights'");
    }

    @Test
    void aHangIsKilledWithItsWholeProcessGroup() throws InterruptedException {
        long start = System.nanoTime();
        CliRun r = solve("stub-hang", "--watchdog", "1s");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(r.err()).contains("TIMEOUT").contains("process group was killed");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && sleepers() > 0) {
            Thread.sleep(50);
        }
        assertThat(sleepers()).isZero();
    }

    /** @return the stub's sleeping processes still running (a killed process's zombie has no command line) */
    private static long sleepers() {
        return ProcessHandle.allProcesses().filter(p -> p.isAlive()
                && p.info().commandLine().orElse("").contains("sleep 300")).count();
    }

    @Test
    void listShowsTheExternalSolversAndAnUnknownIdNamesThem() {
        CliRun list = CliRun.of("list", "--external", Stubs.definitions().toString());
        CliRun unknown = solve("stub-nope");

        assertThat(list.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(list.out()).contains("newton ").contains("stub-ok ").contains("stubs.defs:2");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown solver 'stub-nope'").contains("stub-liar");
    }
}

package io.paritybench.harness.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paritybench.harness.ExitCodes;
import io.paritybench.harness.ParityBench;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code solve --external}: each stub is judged by the harness and gets the exit code a built-in solver would. */
class ExternalSolveTest {

    private record Run(int code, String out, String err) {
    }

    private static Run solve(String solver, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = ParityBench.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        String[] base = {"solve", "--cov", Path.of("../../examples/roncalli4/cov.csv").toString(), "--external",
                Stubs.definitions().toString(), "--solver", solver};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return new Run(cmd.execute(args), out.toString(), err.toString());
    }

    @Test
    void aCorrectSolverConvergesAndItsOwnTimeIsKeptApartFromTheWallTime() throws Exception {
        Run r = solve("stub-ok", "--tol", "1e-9");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("maxAbsBudgetError").asDouble()).isLessThanOrEqualTo(1e-9);
        assertThat(j.get("solverSeconds").asDouble()).isEqualTo(0.001);
        assertThat(j.get("seconds").asDouble()).isGreaterThan(0.001);
        assertThat(j.get("counters").get("repeats").asLong()).isEqualTo(1);
    }

    @Test
    void aLiarIsCaughtByTheHarnessCheck() {
        Run r = solve("stub-liar");

        assertThat(r.code()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(r.err()).contains("CONVERGED but the harness's check failed");
    }

    @Test
    void aReportedFailureKeepsTheSolversWords() {
        Run r = solve("stub-failed");

        assertThat(r.code()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(r.err()).contains("FAILED (DIVERGED: cycle cap)");
        assertThat(r.out()).contains("\"status\" : \"FAILED\"");
    }

    @Test
    void wrongWeightsAreNotAcceptedAsAPortfolio() {
        Run r = solve("stub-short");

        assertThat(r.code()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(r.err()).contains("INVALID_WEIGHTS: 3 weights for n = 4");
    }

    @Test
    void aCrashAMalformedAnswerAndAMissingWeightsArrayAreExceptionsWithTheStderrTail() {
        Run crash = solve("stub-crash");
        Run malformed = solve("stub-malformed");
        Run none = solve("stub-noweights");

        for (Run r : new Run[] {crash, malformed, none}) {
            assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL_ERROR);
            assertThat(r.err().strip()).doesNotContain("\n").contains("EXCEPTION: ");
        }
        assertThat(crash.err()).contains("exit code 1; stderr: boom: cannot factorise");
        assertThat(malformed.err()).contains("malformed JSON");
        assertThat(none.err()).contains("no 'weights'");
    }

    @Test
    void aHangIsKilledWithItsWholeProcessGroup() {
        long start = System.nanoTime();
        Run r = solve("stub-hang", "--watchdog", "1s");

        assertThat(r.code()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(r.err()).contains("TIMEOUT").contains("process group was killed");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("sleep 300")))
                .isEmpty();
    }

    @Test
    void listShowsTheExternalSolversAndAnUnknownIdNamesThem() {
        StringWriter out = new StringWriter();
        CommandLine cmd = ParityBench.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        int code = cmd.execute("list", "--external", Stubs.definitions().toString());
        Run unknown = solve("stub-nope");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("newton ").contains("stub-ok ").contains("stubs.defs:2");
        assertThat(unknown.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown solver 'stub-nope'").contains("stub-liar");
    }
}

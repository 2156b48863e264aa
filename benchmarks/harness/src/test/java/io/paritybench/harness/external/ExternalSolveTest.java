package io.paritybench.harness.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paritybench.harness.CliRun;
import io.paritybench.harness.ExitCodes;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.Solvers;
import io.paritybench.core.io.CsvIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code solve --external}: each stub is judged by the harness and gets the exit code a built-in solver would. */
class ExternalSolveTest {

    private static final Path RONCALLI4 = Path.of("../../examples/roncalli4/cov.csv");

    @TempDir
    Path tmp;

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

    /**
     * {@code --criterion rel} decides an external answer as it decides a built-in one: on max|RRC/b − 1| against
     * {@code --tol}. The answer is fixed weights whose relative error is below the tolerance while their absolute
     * error is above {@code tol · min b}, the absolute bound the command is given in {@code {tol}}: judging it
     * with the absolute criterion at that bound (the former behaviour) fails it.
     */
    @Test
    void theRelativeCriterionJudgesAnExternalAnswerOnTheRelativeError() throws IOException {
        double tol = 1e-6;
        double[] b = {0.1, 0.1, 0.4, 0.4};
        RiskBudgetProblem p = RiskBudgetProblem.of(CsvIo.readMatrix(RONCALLI4).values(), b);
        double[] exact = Solvers.byId("newton").solve(p, SolverOptions.defaults().withTolerance(1e-15)).weights();
        double[] w = null;
        for (double eps = 1e-9; eps < 1e-3 && w == null; eps *= 1.25) {
            double[] c = exact.clone();
            c[3] *= 1 + eps;
            double sum = c[0] + c[1] + c[2] + c[3];
            for (int i = 0; i < 4; i++) {
                c[i] /= sum;
            }
            double rel = RiskMetrics.maxRelBudgetError(p, c);
            if (rel > 0.3 * tol && rel < 0.9 * tol && RiskMetrics.maxAbsBudgetError(p, c) > 1.5 * tol * 0.1) {
                w = c;
            }
        }
        assertThat(w).as("weights with rel error < tol but abs error > tol * min b").isNotNull();
        Path budgets = tmp.resolve("budgets.csv");
        CsvIo.writeVector(budgets, b);
        StringBuilder json = new StringBuilder("{\"weights\": [");
        for (int i = 0; i < 4; i++) {
            json.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.17g", w[i]));
        }
        Files.writeString(tmp.resolve("answer.json"), json.append("]}\n"), StandardCharsets.UTF_8);
        Path defs = tmp.resolve("fixed.defs");
        Files.writeString(defs, "fixed: cat answer.json > {out}\n", StandardCharsets.UTF_8);

        CliRun rel = CliRun.of("solve", "--cov", RONCALLI4.toString(), "--budgets", budgets.toString(), "--external",
                defs.toString(), "--solver", "fixed", "--tol", Double.toString(tol), "--criterion", "rel");
        CliRun abs = CliRun.of("solve", "--cov", RONCALLI4.toString(), "--budgets", budgets.toString(), "--external",
                defs.toString(), "--solver", "fixed", "--tol", Double.toString(tol * 0.1));

        assertThat(rel.exitCode()).as(rel.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = new ObjectMapper().readTree(rel.out());
        assertThat(j.get("criterion").asText()).isEqualTo("rel");
        assertThat(j.get("tolerance").asDouble()).isEqualTo(tol);
        assertThat(j.get("withinTolerance").asBoolean()).isTrue();
        assertThat(j.get("maxRelBudgetError").asDouble()).isLessThan(tol);
        assertThat(abs.exitCode()).as(abs.err()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(abs.err()).contains("max|RRC-b|");
        assertThat(new ObjectMapper().readTree(abs.out()).get("criterion").asText()).isEqualTo("abs");
    }

    @Test
    void aRejectedTraceIsSaidOnStderrAndTheAnswerIsStillJudged() {
        CliRun r = solve("stub-trace-short", "--tol", "1e-9");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("warning: stub-trace-short's trace is rejected: trace[")
                .contains("weights for n = 4");
    }
}

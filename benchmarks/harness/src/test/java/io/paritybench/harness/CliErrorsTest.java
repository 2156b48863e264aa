package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.InvalidProblemException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The mapping from exceptions to exit codes and stderr lines, on a command that throws what it is told to. */
class CliErrorsTest {

    @Command(name = "boom")
    static final class Throwing implements Callable<Integer> {
        final RuntimeException ex;

        Throwing(RuntimeException ex) {
            this.ex = ex;
        }

        @Override
        public Integer call() {
            throw ex;
        }
    }

    private static CliRun run(RuntimeException ex) {
        CliErrors errors = new CliErrors();
        CommandLine cmd = new CommandLine(new Throwing(ex)).setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return new CliRun(cmd.execute(), out.toString(), err.toString());
    }

    @Test
    void badInputGivesExitCode2AndOneLineWithoutStackTrace() {
        for (RuntimeException ex : new RuntimeException[] {
            new InvalidProblemException("cov.csv: covariance matrix is not\nsymmetric"),
            new IllegalArgumentException("closed-form-n2 solves only n = 2 problems"),
            new InputException("--tol", "must be positive"),
            new UncheckedIOException(new java.io.IOException("disk full"))}) {
            CliRun r = run(ex);
            assertThat(r.exitCode()).as("%s", ex).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.errLines()).as("%s", ex).hasSize(1);
            assertThat(r.err()).doesNotContain("\tat ").startsWith("boom: ");
        }
    }

    @Test
    void anythingElseIsAnInternalErrorWithItsStackTrace() {
        CliRun r = run(new IllegalStateException("bug"));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.err()).startsWith("boom: internal error: java.lang.IllegalStateException: bug")
                .contains("\tat ");
    }
}

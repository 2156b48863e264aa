package io.paritybench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.harness.ExitCodes;
import io.paritybench.harness.ParityBench;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sweep}, {@code merge} and {@code report} through the {@code paritybench} command line. */
class SweepCommandsTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = ParityBench.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void flagsOverrideTheDefaultsAndShowConfigRunsNothing() {
        Run r = run("sweep", "--show-config", "--n", "7,9", "--seeds", "4", "--no-bisect", "--no-measure", "--no-structured", "--set", "jobs=1",
                "--out", tmp.resolve("x.csv").toString());

        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("n = 7,9\n", "seeds = 4\n", "bisect = false\n", "jobs = 1\n")
                .contains("0 breaking-point searches");
        assertThat(tmp.resolve("x.csv")).doesNotExist();
    }

    @Test
    void badSettingsAreBadInputOnOneLine() {
        Run unknown = run("sweep", "--set", "nope=1");
        Run badKappa = run("sweep", "--kappa", "0.1");
        Run badShard = run("sweep", "--shard", "3/2");

        for (Run r : new Run[] {unknown, badKappa, badShard}) {
            assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err().strip()).doesNotContain("\n");
        }
        assertThat(unknown.err()).contains("unknown sweep setting 'nope'");
        assertThat(badKappa.err()).contains("'kappa'");
    }

    @Test
    void anExistingResultsFileIsNeitherOverwrittenNorAppendedWithoutBeingAskedTo() throws Exception {
        Path f = tmp.resolve("r.csv");
        java.nio.file.Files.writeString(f, String.join(",", ResultsCsv.COLUMNS) + "\n");
        java.nio.file.Files.writeString(f, "x\n", java.nio.file.StandardOpenOption.APPEND);

        Run r = run("sweep", "--out", f.toString(), "--solvers", SweepTestSolvers.EXACT, "--no-n2", "--no-bisect", "--no-measure", "--no-structured");

        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--resume", "--force");
    }

    @Test
    void mergeAndReportNeedTheirInputs() {
        Run merge = run("merge");
        Run report = run("report", "--in", tmp.resolve("missing.csv").toString());

        assertThat(merge.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(report.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(report.err()).contains("missing.csv");
    }
}

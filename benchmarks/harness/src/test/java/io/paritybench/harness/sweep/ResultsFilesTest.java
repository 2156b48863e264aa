package io.paritybench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paritybench.harness.ExitCodes;
import io.paritybench.harness.ParityBench;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Results files: one writer, nothing overwritten unasked, no row silently dropped or counted twice. */
class ResultsFilesTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

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

    private Path twoRows() {
        Path f = tmp.resolve("r.csv");
        ResultsCsv.writeAll(f, List.of(
                Rows.row(Stage.GRID, 0, "a", "p1", Outcome.OK, "CONVERGED", 1e-12, 1.0),
                Rows.row(Stage.GRID, 1, "b", "p1", Outcome.OK, "CONVERGED", 1e-12, 2.0)));
        return f;
    }

    @Test
    void aSecondSweepOnTheSameResultsFileExitsNamingTheHolder() {
        Path f = tmp.resolve("locked.csv");
        try (ResultsLock held = ResultsLock.acquire(f)) {
            Run r = run("sweep", "--out", f.toString(), "--solvers", SweepTestSolvers.EXACT, "--no-n2", "--no-bisect",
                    "--no-measure", "--no-structured", "--no-progress");
            assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("being written by another sweep", "pid " + ProcessHandle.current().pid());
            assertThat(r.err().strip()).doesNotContain("\n");
        }
        assertThat(f).doesNotExist();
    }

    @Test
    void resumeIntoAFileMadeWithOtherSettingsIsRefusedUnlessForced() throws Exception {
        SweepConfig one = SweepTest.small(SweepTestSolvers.EXACT, "1");
        SweepConfig two = SweepTest.small(SweepTestSolvers.EXACT, "1-2");
        Path f = tmp.resolve("r.csv");
        new Sweep(one, SweepPlan.of(one), Sweep.Settings.of(f).withLog(QUIET)).run();

        assertThatThrownBy(() -> new Sweep(two, SweepPlan.of(two), Sweep.Settings.of(f).withLog(QUIET)
                .withResume(true)).run()).hasMessageContaining("other settings").hasMessageContaining("--force");
        Sweep.Summary forced = new Sweep(two, SweepPlan.of(two), Sweep.Settings.of(f).withLog(QUIET).withResume(true)
                .withForce(true)).run();
        assertThat(forced.reused()).isEqualTo(1);
        assertThat(ResultsCsv.read(f).rows()).hasSize(2);

        Files.delete(RunInfo.pathFor(f));
        assertThatThrownBy(() -> new Sweep(two, SweepPlan.of(two), Sweep.Settings.of(f).withLog(QUIET)
                .withResume(true)).run()).hasMessageContaining("no run record");
    }

    @Test
    void reportRefusesDuplicateTrialKeys() throws Exception {
        Path f = twoRows();
        List<String> lines = Files.readAllLines(f);
        Files.writeString(f, lines.get(1) + "\n", StandardOpenOption.APPEND);
        Run r = run("report", "--in", f.toString(), "--out", tmp.resolve("R.md").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("occurs twice", "grid|p1|a");
    }

    @Test
    void reportRejectsMalformedRowsUnlessToldToSkipThemAndThenCountsThem() throws Exception {
        Path f = twoRows();
        Files.writeString(f, "grid,not,a,row\n", StandardOpenOption.APPEND);
        Run strict = run("report", "--in", f.toString(), "--out", tmp.resolve("R.md").toString());
        assertThat(strict.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(strict.err()).contains("line 4", "--skip-bad-rows");

        Run lenient = run("report", "--in", f.toString(), "--out", tmp.resolve("R.md").toString(),
                "--skip-bad-rows");
        assertThat(lenient.code()).as(lenient.err()).isEqualTo(ExitCodes.OK);
        assertThat(lenient.err()).contains("skipped 1 malformed");
    }

    @Test
    void reportWritesItsTablesAndFiguresBesideTheReport() {
        Path f = twoRows();
        Path a = tmp.resolve("a").resolve("REPORT.md");
        Path b = tmp.resolve("b").resolve("REPORT.md");
        assertThat(run("report", "--in", f.toString(), "--out", a.toString()).code()).isEqualTo(ExitCodes.OK);
        assertThat(run("report", "--in", f.toString(), "--out", b.toString()).code()).isEqualTo(ExitCodes.OK);
        assertThat(tmp.resolve("a").resolve("tables")).isDirectory();
        assertThat(tmp.resolve("b").resolve("tables")).isDirectory();
        assertThat(tmp.resolve("tables")).doesNotExist();
    }

    @Test
    void mergeRefusesToOverwriteWithoutForce() throws Exception {
        Path in = twoRows();
        Path out = tmp.resolve("merged.csv");
        Files.writeString(out, "precious\n");
        Run refused = run("merge", "--out", out.toString(), in.toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("exists", "--force");
        assertThat(Files.readString(out)).isEqualTo("precious\n");
        Run forced = run("merge", "--force", "--out", out.toString(), in.toString());
        assertThat(forced.code()).isEqualTo(ExitCodes.OK);
        assertThat(ResultsCsv.read(out).rows()).hasSize(2);
    }
}

package io.paritybench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {

    @TempDir
    Path tmp;

    private static final TrialRecord A = Rows.row(Stage.GRID, 0, "newton", "gen:a", Outcome.OK, "CONVERGED",
            3.3e-16, 1.25);
    private static final TrialRecord B = Rows.row(Stage.BISECT, 7, "ccd", "gen:b,with,commas",
            Outcome.TIMEOUT, "", Double.NaN, 1500);

    @Test
    void rowsReadBackBitForBit() {
        Path f = tmp.resolve("r.csv");
        try (ResultsCsv.Appender out = new ResultsCsv.Appender(f)) {
            out.append(A);
            out.append(B);
        }

        ResultsCsv.Contents c = ResultsCsv.read(f);

        assertThat(c.dropped()).isZero();
        assertThat(c.rows()).containsExactly(A, B);
    }

    /** The committed results of the default sweep, written before the rows were nested records. */
    private static final Path COMMITTED = Path.of("../../results/sweep/sweep.csv");

    @Test
    void theCommittedSweepResultsReadAndWriteBackByteForByte() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(COMMITTED), "no committed sweep results");
        ResultsCsv.Contents c = ResultsCsv.read(COMMITTED);
        assertThat(c.dropped()).as(c.firstBad()).isZero();
        assertThat(c.rows()).hasSizeGreaterThan(1000);
        assertThat(c.rows()).anyMatch(r -> r.reference().certified())
                .anyMatch(r -> r.reference().kind() == ProblemReference.Kind.REFERENCE_UNCERTIFIED
                        && !r.reference().certified());

        Path copy = tmp.resolve("copy.csv");
        ResultsCsv.writeAll(copy, c.rows());

        // same column names in the same order, and every value written as before
        assertThat(Files.readAllLines(copy)).isEqualTo(Files.readAllLines(COMMITTED));
    }

    @Test
    void aResumeOfAReorderedFileKeepsItsRowsAndWritesTheCurrentLayout() throws IOException {
        Path f = tmp.resolve("reordered.csv");
        ResultsCsv.writeAll(f, List.of(A, B));
        List<String> reversed = new java.util.ArrayList<>(ResultsCsv.COLUMNS);
        java.util.Collections.reverse(reversed);
        rewrite(f, reversed, java.util.Map.of());
        assertThat(Files.readAllLines(f).get(0)).startsWith("solver_ms,message,");

        try (ResultsCsv.Appender out = new ResultsCsv.Appender(f)) {
            out.append(A);
        }

        assertThat(Files.readAllLines(f).get(0)).isEqualTo(String.join(",", ResultsCsv.COLUMNS));
        assertThat(ResultsCsv.read(f).rows()).containsExactly(A, B, A);
    }

    @Test
    void anAppenderReopenedOnAFileAddsRowsWithoutASecondHeader() throws IOException {
        Path f = tmp.resolve("r.csv");
        try (ResultsCsv.Appender out = new ResultsCsv.Appender(f)) {
            out.append(A);
        }
        try (ResultsCsv.Appender out = new ResultsCsv.Appender(f)) {
            out.append(B);
        }

        assertThat(ResultsCsv.read(f).rows()).containsExactly(A, B);
        assertThat(Files.readAllLines(f)).hasSize(3);
    }

    @Test
    void aTornLastRowIsDroppedAndCounted() throws IOException {
        Path f = tmp.resolve("r.csv");
        ResultsCsv.writeAll(f, List.of(A, B));
        String full = Files.readString(f);
        // Cut inside the last row's message: it still has every column, but no line end.
        Files.writeString(f, full.substring(0, full.length() - 8));

        ResultsCsv.Contents c = ResultsCsv.read(f);

        assertThat(c.rows()).containsExactly(A);
        assertThat(c.dropped()).isEqualTo(1);
    }

    @Test
    void aTornQuotedFieldDoesNotLoseTheCompleteRows() throws IOException {
        Path f = tmp.resolve("r.csv");
        ResultsCsv.writeAll(f, List.of(A));
        Files.writeString(f, "\"bisect|gen:b,with", StandardOpenOption.APPEND);

        ResultsCsv.Contents c = ResultsCsv.read(f);

        assertThat(c.rows()).containsExactly(A);
        assertThat(c.dropped()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotASweepResultIsRejected() throws IOException {
        Path f = tmp.resolve("other.csv");
        Files.writeString(f, "a,b,c\n1,2,3\n");

        assertThatThrownBy(() -> ResultsCsv.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a sweep results file");
    }

    /** Rewrites a results file with its columns permuted, dropped or added (by header name). */
    private static void rewrite(Path f, List<String> columns, java.util.Map<String, String> extra) throws IOException {
        List<String> lines = Files.readAllLines(f);
        List<String> header = List.of(lines.get(0).split(","));
        StringBuilder out = new StringBuilder(String.join(",", columns)).append('\n');
        for (TrialRecord r : ResultsCsv.read(f).rows()) {
            List<String> v = ResultsCsv.values(r);
            List<String> fields = new java.util.ArrayList<>();
            for (String c : columns) {
                int i = header.indexOf(c);
                String x = i >= 0 ? v.get(i) : extra.get(c);
                fields.add(x.contains(",") || x.contains("\"") ? "\"" + x.replace("\"", "\"\"") + "\"" : x);
            }
            out.append(String.join(",", fields)).append('\n');
        }
        Files.writeString(f, out);
    }

    @Test
    void columnsAreReadByHeaderNameInAnyOrderAndUnknownColumnsAreIgnored() throws IOException {
        Path f = tmp.resolve("r.csv");
        ResultsCsv.writeAll(f, List.of(A, B));
        List<String> reordered = new java.util.ArrayList<>(ResultsCsv.COLUMNS);
        java.util.Collections.reverse(reordered);
        reordered.add(3, "added_later");
        rewrite(f, reordered, java.util.Map.of("added_later", "x,y"));

        assertThat(Files.readAllLines(f).get(0)).startsWith("solver_ms,message,solver_residual,added_later");
        ResultsCsv.Contents c = ResultsCsv.read(f);
        assertThat(c.dropped()).isZero();
        assertThat(c.rows()).containsExactly(A, B);
    }

    @Test
    void anOlderFileWithoutTheLaterOptionalColumnsStillReads() throws IOException {
        Path f = tmp.resolve("old.csv");
        ResultsCsv.writeAll(f, List.of(A));
        List<String> older = ResultsCsv.COLUMNS.stream()
                .filter(c -> !c.equals("measure") && !c.equals("solver_residual") && !c.equals("b_min")).toList();
        rewrite(f, older, java.util.Map.of());

        TrialRecord r = ResultsCsv.read(f).rows().get(0);
        assertThat(r.key().measure()).isEqualTo("volatility");
        assertThat(r.result().solverResidual()).isNaN();
        assertThat(r.facts().budgetMin()).isNaN();
        assertThat(r.key()).isEqualTo(A.key());
        assertThat(r.judgement().outcome()).isEqualTo(A.judgement().outcome());
        assertThat(r.judgement().rrcAbs()).isEqualTo(A.judgement().rrcAbs());

        try (ResultsCsv.Appender out = new ResultsCsv.Appender(f)) {
            out.append(B);
        }
        assertThat(Files.readAllLines(f).get(0)).as("upgraded to the current layout before appending")
                .isEqualTo(String.join(",", ResultsCsv.COLUMNS));
        assertThat(ResultsCsv.read(f).rows()).extracting(TrialRecord::key).containsExactly(A.key(), B.key());
    }

    @Test
    void aFileWithoutARequiredColumnIsRejectedNamingIt() throws IOException {
        Path f = tmp.resolve("r.csv");
        ResultsCsv.writeAll(f, List.of(A));
        rewrite(f, ResultsCsv.COLUMNS.stream().filter(c -> !c.equals("outcome")).toList(), java.util.Map.of());

        assertThatThrownBy(() -> ResultsCsv.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a sweep results file").hasMessageContaining("outcome");
    }
}

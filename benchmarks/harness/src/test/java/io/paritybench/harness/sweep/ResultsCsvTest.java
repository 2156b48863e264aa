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
}

package io.paritybench.jmh.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paritybench.core.SolveStatus;
import io.paritybench.jmh.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The side file's records: written and read through one set of records, and a bad line is an error. */
class SideRecordsTest {

    @TempDir
    Path tmp;

    @Test
    void aRecordWrittenAsALineReadsBackEqualWithItsKind() throws IOException {
        SideRecord.Probe probe = new SideRecord.Probe("SolverBenchmark", "a|b", "newton", "random-spectrum", 10,
                "1e2", "1", "1e-8", "10", "spec", null, true, 1e-8, Verdict.TIMED, null, 10, 0.5, 0.01,
                SolveStatus.CONVERGED, 7L, 1e-9, "ok", 0.1);
        SideRecord.Conditioning c = new SideRecord.Conditioning("random-spectrum", 10, 100, 1L, "spec", true, 100.0,
                12.5, 3.0, Double.NaN, 0.2);
        String line = SideRecords.line(probe);
        assertThat(line).startsWith("{\"kind\":\"probe\"").doesNotContain("specs");
        Path f = tmp.resolve("side.jsonl");
        Files.writeString(f, line + "\n\n" + SideRecords.line(c) + "\n");
        List<SideRecord> back = SideRecords.read(f);
        assertThat(back).hasSize(2);
        assertThat(back.get(0)).isEqualTo(probe);
        SideRecord.Conditioning c2 = (SideRecord.Conditioning) back.get(1);
        assertThat(c2.kappaWeights()).isEqualTo(12.5);
        assertThat(c2.rrcFloorNaive()).isNaN();
        assertThat(SideRecords.read(f, SideRecord.Conditioning.class)).hasSize(1);
    }

    @Test
    void anEarlierFileWithNumbersAsTextAndUnknownFieldsStillReads() throws IOException {
        Path f = tmp.resolve("side.jsonl");
        Files.writeString(f, "{\"kind\":\"probe\",\"solver\":\"a\",\"n\":\"10\",\"kappa\":\"1e2\",\"verdict\":\"TIMED\","
                + "\"status\":\"MAX_ITERATIONS\",\"iterations\":7,\"later\":1}\n");
        SideRecord.Probe p = (SideRecord.Probe) SideRecords.read(f).get(0);
        assertThat(p.n()).isEqualTo(10);
        assertThat(p.status()).isEqualTo(SolveStatus.MAX_ITERATIONS);
        assertThat(p.iterations()).isEqualTo(7L);
    }

    @Test
    void aLineThatIsNotASideRecordNamesTheFileAndTheLine() throws IOException {
        Path f = tmp.resolve("side.jsonl");
        Files.writeString(f, "{\"kind\":\"conditioning\",\"n\":3,\"kappa\":10,\"spec\":\"s\"}\nnot json at all\n");
        assertThatThrownBy(() -> SideRecords.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(f + ":2: not a side record");
        Files.writeString(f, "{\"kind\":\"no-such-kind\"}\n");
        assertThatThrownBy(() -> SideRecords.read(f)).hasMessageStartingWith(f + ":1: not a side record");
        Files.writeString(f, "{\"kind\":\"probe\",\"verdict\":\"MAYBE\"}\n");
        assertThatThrownBy(() -> SideRecords.read(f)).hasMessageStartingWith(f + ":1: not a side record");
    }

    @Test
    void theTimingReportExitsTwoOnABadSideFile() throws Exception {
        Path side = tmp.resolve("bad.jsonl");
        Files.writeString(side, "not json\n");
        Path json = TimingReportTest.resource("sample.json");
        int code = new picocli.CommandLine(TimingReport.class).execute("--jmh", json.toString(), "--side",
                side.toString(), "--out", tmp.resolve("out").toString());
        assertThat(code).isEqualTo(2);
        assertThat(tmp.resolve("out").resolve("timing.md")).doesNotExist();
    }
}

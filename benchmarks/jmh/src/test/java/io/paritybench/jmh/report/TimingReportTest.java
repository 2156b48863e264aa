package io.paritybench.jmh.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report on a hand-written JMH result file and side file (src/test/resources/report): every timed, failed and
 * untimed configuration gets a row with the right mark, times are converted to seconds, rates and kernel ratios are
 * the quotients of the given numbers.
 */
class TimingReportTest {

    private static TimingTable table;
    private static Map<String, SolverRow> bySolver;

    @BeforeAll
    static void read() throws IOException, URISyntaxException {
        List<JmhResult> results = JmhResults.read(resource("sample.json"));
        List<Map<String, String>> side = SideRecords.read(resource("sample.side.jsonl"));
        table = TimingTable.of(results, side);
        bySolver = table.solverRows().stream().collect(Collectors.toMap(SolverRow::solver, Function.identity()));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(TimingReportTest.class.getResource("/report/" + name).toURI());
    }

    @Test
    void everyProbedOrTimedConfigurationHasARow() {
        assertThat(bySolver).containsOnlyKeys("alpha", "beta", "gamma", "delta", "epsilon");
        assertThat(bySolver.get("alpha").outcome()).isEqualTo(Outcome.OK);
        assertThat(bySolver.get("beta").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(bySolver.get("gamma").outcome()).isEqualTo(Outcome.OVER_TIME_CAP);
        assertThat(bySolver.get("delta").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(bySolver.get("epsilon").outcome()).isEqualTo(Outcome.NO_RESULT);
        assertThat(bySolver.get("gamma").timed()).isFalse();
    }

    @Test
    void medianIsTakenOverThePooledSamplesOfAllIterations() {
        // samples 4, 4, 4, 5, 6 µs: the median is the third
        TimeSummary t = bySolver.get("alpha").time();
        assertThat(t.count()).isEqualTo(5);
        assertThat(t.median()).isCloseTo(4e-6, within(1e-18));
        assertThat(t.mean()).isCloseTo(4.6e-6, within(1e-18));
        assertThat(t.low()).isLessThanOrEqualTo(t.median());
        assertThat(t.high()).isGreaterThanOrEqualTo(t.median()).isLessThanOrEqualTo(6e-6);
        assertThat(bySolver.get("beta").time().median()).isCloseTo(10e-3, within(1e-15));
    }

    @Test
    void ratesAndKernelRatiosAreQuotientsOfTheCounters() {
        SolverRow a = bySolver.get("alpha");
        assertThat(a.iterationsPerSolve()).isEqualTo(7.0);
        assertThat(a.failRate()).isZero();
        // 4 µs against a 0.5 µs matvec and a 2 µs Cholesky
        assertThat(a.matvecs()).isCloseTo(8.0, within(1e-12));
        assertThat(a.factorisations()).isCloseTo(2.0, within(1e-12));
        SolverRow b = bySolver.get("beta");
        assertThat(b.failRate()).isEqualTo(1.0);
        assertThat(b.outsideAccuracyRate()).isEqualTo(1.0);
        assertThat(b.detail()).isEqualTo("MAX_ITERATIONS 100%");
    }

    @Test
    void twoAssetRowsJoinTheTimingWithTheMaximaOfTheSideFile() {
        assertThat(table.twoAssetRows()).extracting(TwoAssetRow::solver).containsExactly("alpha", "delta");
        TwoAssetRow a = table.twoAssetRows().get(0);
        assertThat(a.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(a.failRate()).isCloseTo(0.01, within(1e-15));
        assertThat(a.detail()).isEqualTo("STAGNATED 1%");
        assertThat(a.time().mean()).isCloseTo(100e-9, within(1e-20));
        assertThat(a.error("maxConvergedWeightError")).isEqualTo(1e-12);
        assertThat(table.twoAssetRows().get(1).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void markdownMarksEveryOutcome() {
        String md = MarkdownReport.render(table, new ReportInfo("test", "bench", "abc", "today", "jmh/x.json",
                "timing.png"));
        assertThat(md).contains("| alpha | 4.00 µs |", "✗ MAX_ITERATIONS 100%", "⏱ > 2 s", "| delta | n/a |",
                "| epsilon | ? |", "## Kernels", "| 10 | 500 ns | 2.00 µs ± 100 ns | 4.00 |", "![median time",
                "| alpha | 1e-8 | ✗ STAGNATED 1% | 100 ns ± 4.00 ns |",
                "| random-spectrum | 10 | 1.0e2 | 1.3e1 | 2.0e1 | 3.0e-17 | true |");
    }

    @Test
    void csvHasOneLinePerConfigurationAndAFixedHeader(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("timing.csv");
        CsvReport.write(table, csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(String.join(",", CsvReport.HEADER));
        // 2 kernels + 5 solver configurations + 2 n = 2 rows
        assertThat(lines).hasSize(1 + 2 + 5 + 2);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(
                "SolverBenchmark.solve,gamma,random-spectrum,10,1e2,1e-8,2,OVER_TIME_CAP,"));
    }

    @Test
    void plotIsAPngWhenAConfigurationConverged(@TempDir Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path png = dir.resolve("timing.png");
        assertThat(TimingPlot.write(table, png)).isTrue();
        byte[] head = new byte[8];
        System.arraycopy(Files.readAllBytes(png), 0, head, 0, 8);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    }

    @Test
    void problemsComeFromTheConditioningRecords() {
        assertThat(table.problems()).hasSize(1);
        assertThat(table.problem("random-spectrum:n=10,kappa=100,budgets=equal,seed=1"))
                .containsEntry("kappaWeights", "12.5");
        assertThat(table.problem("no such spec")).isEmpty();
    }

    @Test
    void emptyJmhFileGivesNoResults(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        assertThat(JmhResults.read(empty)).isEmpty();
    }

    @Test
    void statusNamesComeBackFromCounterNames() {
        assertThat(TimingTable.statusName("MaxIterations")).isEqualTo("MAX_ITERATIONS");
        assertThat(TimingTable.statusName("NumericalBreakdown")).isEqualTo("NUMERICAL_BREAKDOWN");
    }
}

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
        List<SideRecord> side = SideRecords.read(resource("sample.side.jsonl"));
        table = TimingTable.of(results, side);
        bySolver = table.solverRows().stream().filter(r -> r.n() == 10)
                .collect(Collectors.toMap(SolverRow::solver, Function.identity()));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(TimingReportTest.class.getResource("/report/" + name).toURI());
    }

    @Test
    void everyProbedOrTimedConfigurationHasARow() {
        assertThat(bySolver).containsOnlyKeys("alpha", "beta", "gamma", "delta", "epsilon", "zeta");
        assertThat(bySolver.get("alpha").outcome()).isEqualTo(Outcome.OK);
        assertThat(bySolver.get("beta").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(bySolver.get("gamma").outcome()).isEqualTo(Outcome.OVER_TIME_CAP);
        assertThat(bySolver.get("delta").outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(bySolver.get("epsilon").outcome()).isEqualTo(Outcome.NO_RESULT);
        assertThat(bySolver.get("gamma").timed()).isFalse();
    }

    @Test
    void theTimeIsTheMedianOfTheIterationMediansWithABootstrapIntervalOverIterations() {
        // iteration medians 4, 4 | 4, 4.2 | 4, 4.1 µs over 3 forks: 6 iterations, median 4 µs
        TimeSummary t = bySolver.get("alpha").time();
        assertThat(t.iterations()).isEqualTo(6);
        assertThat(t.samples()).isEqualTo(18);
        assertThat(t.median()).isCloseTo(4e-6, within(1e-18));
        assertThat(t.hasInterval()).isTrue();
        assertThat(t.low()).isGreaterThanOrEqualTo(4e-6 - 1e-18).isLessThanOrEqualTo(t.median());
        assertThat(t.high()).isGreaterThanOrEqualTo(t.median()).isLessThanOrEqualTo(4.2e-6 + 1e-18);
        assertThat(t.steady()).isTrue();
        assertThat(t.drift()).isCloseTo(0.05, within(1e-12));
        // one iteration: no interval
        assertThat(bySolver.get("beta").time().hasInterval()).isFalse();
        assertThat(bySolver.get("beta").time().median()).isCloseTo(10e-3, within(1e-15));
    }

    @Test
    void aConfigurationWhoseFirstAndLastIterationsDisagreeIsNotSteady() {
        SolverRow z = bySolver.get("zeta");
        assertThat(z.time().drift()).isCloseTo(0.5, within(1e-12));
        assertThat(z.steady()).isFalse();
        assertThat(MarkdownReport.summaryCell(z)).endsWith("⚠");
        assertThat(table.steadyCount()).containsExactly(3, 4);
    }

    @Test
    void ratesAndKernelRatiosAreQuotientsOfTheCountersAndTheTrialKernels() {
        SolverRow a = bySolver.get("alpha");
        assertThat(a.iterationsPerSolve()).isEqualTo(7.0);
        assertThat(a.failRate()).isZero();
        // 4 µs against the medians of the trial's kernels: 0.5 µs matvec, 2 µs Cholesky, 1 µs residual check
        assertThat(a.matvecs()).isCloseTo(8.0, within(1e-12));
        assertThat(a.factorisations()).isCloseTo(2.0, within(1e-12));
        assertThat(a.residualChecks()).isCloseTo(4.0, within(1e-12));
        assertThat(a.gc().bytesPerOp()).isEqualTo(1024.0);
        assertThat(a.load()).isEqualTo(0.3);
        SolverRow b = bySolver.get("beta");
        assertThat(b.failRate()).isEqualTo(1.0);
        assertThat(b.outsideAccuracyRate()).isEqualTo(1.0);
        assertThat(b.detail()).isEqualTo("MAX_ITERATIONS 100%");
        assertThat(b.gc().bytesPerOp()).isNaN();
    }

    @Test
    void theScalingFitGoesThroughTheMedians() {
        // alpha: 4 µs at n = 10 and 400 µs at n = 100: time ∝ n², two points so no interval
        ScalingFit f = table.fits().stream().filter(x -> x.solver().equals("alpha")).findFirst().orElseThrow();
        assertThat(f.exponent()).isCloseTo(2.0, within(1e-9));
        assertThat(f.low()).isNaN();
        assertThat(f.at(10)).isCloseTo(4e-6, within(1e-15));
        // per iteration: 4/7 µs at n = 10, 40 µs at n = 100
        assertThat(f.perIterationExponent()).isCloseTo(Math.log10(40 / (4.0 / 7)), within(1e-9));
    }

    @Test
    void twoAssetRowsJoinTheTimingWithTheMaximaOfTheSideFile() {
        assertThat(table.twoAssetRows()).extracting(TwoAssetRow::solver).containsExactly("alpha", "delta");
        TwoAssetRow a = table.twoAssetRows().get(0);
        assertThat(a.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(a.failRate()).isCloseTo(0.01, within(1e-15));
        assertThat(a.detail()).isEqualTo("STAGNATED 1%");
        assertThat(a.time().mean()).isCloseTo(100e-9, within(1e-20));
        assertThat(a.errors().maxConvergedWeightError()).isEqualTo(1e-12);
        assertThat(table.twoAssetRows().get(1).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void markdownMarksEveryOutcome() {
        String md = MarkdownReport.render(table, new ReportInfo("test", "bench", "abc", "today", "jmh/x.json",
                "timing.png", 0.2, 2, 0.0));
        assertThat(md).contains("| alpha | 4.00 µs | 400 µs |", "✗ MAX_ITERATIONS 100%", "⏱ > 2 s",
                "| delta | n/a |", "| epsilon | ? |", "| zeta | 5.00 µs ⚠ |", "## Kernels", "| 10 | 500 ns [",
                "![median time", "| alpha | 1e-8 | ✗ STAGNATED 1% | 100 ns |", "## Scaling: time ∝ n^p",
                "| alpha | random-spectrum | 1e2 | 1e-8 | 2 | 10–100 | 2.00 (n/a) |", "steady state: 3 of 4",
                "| random-spectrum | 10 | 1.0e2 | 1.3e1 | 2.0e1 | 3.0e-17 | true |", "1.02 kB");
        assertThat(md).doesNotContain("Contended run", "±");
    }

    @Test
    void aRunStartedAtHighLoadOrWithStealIsStampedContended() {
        assertThat(MarkdownReport.render(table, new ReportInfo("t", "c", "", "d", "x.json", null, 1.5, 2, 0)))
                .startsWith("# Timing").contains("**Contended run**");
        assertThat(MarkdownReport.render(table, new ReportInfo("t", "c", "", "d", "x.json", null, 0.1, 2, 0.02)))
                .contains("**Contended run**");
        assertThat(new ReportInfo("t", "c", "", "d", "x.json", null, 0.9, 2, 0.005).contended()).isFalse();
    }

    @Test
    void csvHasOneLinePerConfigurationAndAFixedHeader(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("timing.csv");
        CsvReport.write(table, csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(String.join(",", CsvReport.HEADER));
        // 3 kernels at n = 10 + 7 solver configurations + 2 n = 2 rows + 1 fit
        assertThat(lines).hasSize(1 + 3 + 7 + 2 + 1);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(
                "SolverBenchmark.solve,gamma,random-spectrum,10,1,1e2,1e-8,2,OVER_TIME_CAP,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ScalingFit,alpha,random-spectrum,"));
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
        assertThat(table.problem("random-spectrum:n=10,kappa=100,budgets=equal,seed=1").kappaWeights())
                .isEqualTo(12.5);
        assertThat(table.problem("no such spec")).isNull();
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

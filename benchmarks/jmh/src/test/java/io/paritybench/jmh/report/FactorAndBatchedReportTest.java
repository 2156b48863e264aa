package io.paritybench.jmh.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structured factor rows ({@code FactorBenchmark}) and the average-time results ({@code
 * SolverBenchmark.solveBatched}) in the report, from hand-written JMH JSON and side records. No timing is asserted.
 */
class FactorAndBatchedReportTest {

    @TempDir
    Path dir;

    /** A FactorBenchmark result in sample mode: 3 forks × 2 iterations, medians 50, 50 | 52, 52 | 51, 51 ms. */
    private static final String FACTOR = """
            {"jmhVersion": "1.37", "benchmark": "io.paritybench.jmh.FactorBenchmark.solve", "mode": "sample",
             "threads": 1, "forks": 3, "jvm": "/usr/bin/java", "jvmArgs": ["-Xms4g", "-Xmx4g"], "jdkVersion": "17",
             "vmName": "vm", "vmVersion": "17", "warmupIterations": 2, "warmupTime": "1250 ms",
             "measurementIterations": 2, "measurementTime": "400 ms",
             "params": {"factorCap": "2", "factorTol": "1e-10", "shape": "10000x50", "solver": "newton"},
             "primaryMetric": {"score": 51.0, "scoreError": "NaN", "scoreUnit": "ms/op",
               "rawDataHistogram": [[[[50.0, 3]], [[50.0, 3]]], [[[52.0, 3]], [[52.0, 3]]], [[[51.0, 3]], [[51.0, 3]]]]},
             "secondaryMetrics": {"solves": {"score": 18, "scoreUnit": "#"}, "failed": {"score": 0, "scoreUnit": "#"},
               "iterations": {"score": 126, "scoreUnit": "#"}, "outsideAccuracy": {"score": 0, "scoreUnit": "#"},
               "·gc.alloc.rate.norm": {"score": 4.0E7, "scoreUnit": "B/op"}}}
            """;

    /** inverse-vol in average-time mode: iteration means 200, 210 | 205, 205 | 200, 200 ns. */
    private static final String BATCHED = """
            {"jmhVersion": "1.37", "benchmark": "io.paritybench.jmh.SolverBenchmark.solveBatched", "mode": "avgt",
             "threads": 1, "forks": 3, "jvm": "/usr/bin/java", "jvmArgs": [], "jdkVersion": "17", "vmName": "vm",
             "vmVersion": "17", "warmupIterations": 2, "warmupTime": "1250 ms", "measurementIterations": 2,
             "measurementTime": "200 ms",
             "params": {"cap": "0.5", "family": "random-spectrum", "kappa": "1e2", "n": "10", "seed": "1+2+3",
                        "solver": "inverse-vol", "tol": "1e-8"},
             "primaryMetric": {"score": 203.3, "scoreError": 10.0, "scoreUnit": "ns/op",
               "rawData": [[200.0, 210.0], [205.0, 205.0], [200.0, 200.0]]},
             "secondaryMetrics": {"solves": {"score": 6000000, "scoreUnit": "#"},
               "failed": {"score": 6000000, "scoreUnit": "#"},
               "failToleranceNotMet": {"score": 6000000, "scoreUnit": "#"},
               "iterations": {"score": 0, "scoreUnit": "#"}, "outsideAccuracy": {"score": 6000000, "scoreUnit": "#"}}}
            """;

    private static final String SIDE = """
            {"kind":"factor-probe","benchmark":"FactorBenchmark","config":"newton|10000x50|1e-10|2","solver":"newton","shape":"10000x50","tol":"1e-10","cap":"2","spec":"factor:n=10000,k=50","verdict":"TIMED","status":"CONVERGED","iterations":7,"residual":1e-12,"relWeightErrorVsReference":3e-13,"probeSeconds":0.05}
            {"kind":"factor-trial","benchmark":"FactorBenchmark","config":"newton|10000x50|1e-10|2","solver":"newton","shape":"10000x50","tol":"1e-10","cap":"2","loadStart":0.2,"loadEnd":0.4}
            {"kind":"factor-probe","benchmark":"FactorBenchmark","config":"ccd-grr|10000x50|1e-10|2","solver":"ccd-grr","shape":"10000x50","tol":"1e-10","cap":"2","verdict":"OVER_TIME_CAP","status":"TIME_LIMIT","probeSeconds":2.1}
            {"kind":"probe","benchmark":"SolverBenchmark","config":"inverse-vol|random-spectrum|10|1e2|1+2+3|1e-8|0.5","solver":"inverse-vol","family":"random-spectrum","n":"10","kappa":"1e2","seed":"1+2+3","tol":"1e-8","cap":"0.5","verdict":"TIMED","status":"TOLERANCE_NOT_MET"}
            """;

    private TimingTable table() throws IOException {
        Path json = dir.resolve("run.json");
        Files.writeString(json, "[" + FACTOR + "," + BATCHED + "]", StandardCharsets.UTF_8);
        Path side = dir.resolve("run.side.jsonl");
        Files.writeString(side, SIDE, StandardCharsets.UTF_8);
        return TimingTable.of(JmhResults.read(json), SideRecords.read(side));
    }

    @Test
    void factorRowsAreTimedOrMarkedAndCarryTheShapeAndTheErrorAgainstTheReference() throws IOException {
        TimingTable t = table();
        assertThat(t.factorRows()).extracting(SolverRow::solver).containsExactly("ccd-grr", "newton");
        SolverRow newton = t.factorRows().get(1);
        assertThat(newton.family()).isEqualTo(TimingTable.FACTOR_FAMILY);
        assertThat(newton.n()).isEqualTo(10000);
        assertThat(newton.outcome()).isEqualTo(Outcome.OK);
        assertThat(newton.time().median()).isCloseTo(51e-3, within(1e-12));
        assertThat(newton.time().iterations()).isEqualTo(6);
        assertThat(newton.time().hasInterval()).isTrue();
        assertThat(newton.iterationsPerSolve()).isEqualTo(7.0);
        assertThat(newton.load()).isEqualTo(0.4);
        assertThat(newton.probe().relWeightErrorVsReference()).isEqualTo(3.0e-13);
        SolverRow grr = t.factorRows().get(0);
        assertThat(grr.outcome()).isEqualTo(Outcome.OVER_TIME_CAP);
        assertThat(grr.timed()).isFalse();
        // the factor rows stay out of the dense tables and fits
        assertThat(t.solverRows()).extracting(SolverRow::family).doesNotContain(TimingTable.FACTOR_FAMILY);
        String md = MarkdownReport.render(t, new ReportInfo("test", "bench", "abc", "today", "x.json", null, 0.1, 2, 0));
        assertThat(md).contains("## Structured factor model", "| newton | 10000x50 | 1e-10 | ok | 51.0 ms [",
                "| ccd-grr | 10000x50 | 1e-10 | ⏱", "3.0e-13");
    }

    @Test
    void thePlotHasAPanelForTheFactorModel() throws IOException {
        System.setProperty("java.awt.headless", "true");
        TimingTable t = table();
        assertThat(TimingPlot.charts(t)).extracting(c -> c.getTitle())
                .anySatisfy(title -> assertThat(title).startsWith("structured factor model"));
        Path png = dir.resolve("timing.png");
        assertThat(TimingPlot.write(t, png)).isTrue();
    }

    @Test
    void anAverageTimeResultIsASolverRowMarkedBatched() throws IOException {
        TimingTable t = table();
        assertThat(t.solverRows()).hasSize(1);
        SolverRow r = t.solverRows().get(0);
        assertThat(r.solver()).isEqualTo("inverse-vol");
        assertThat(r.seed()).isEqualTo("1+2+3");
        assertThat(r.time().samples()).isZero();
        assertThat(r.time().iterations()).isEqualTo(6);
        assertThat(r.time().median()).isCloseTo(202.5e-9, within(1e-15));
        assertThat(r.time().drift()).isCloseTo(0.05, within(1e-12));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        String md = MarkdownReport.render(t, new ReportInfo("test", "bench", "abc", "today", "x.json", null, 0.1, 2, 0));
        assertThat(md).contains("| batched |");
        Path csv = dir.resolve("timing.csv");
        CsvReport.write(t, csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("SolverBenchmark.solveBatched,inverse-vol,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("FactorBenchmark.solve,newton,factor-structured,10000,"));
    }

    @Test
    void aShapeGivesItsN() {
        assertThat(TimingTable.shapeN("100000x50")).isEqualTo(100000);
        assertThat(TimingTable.shapeN("junk")).isZero();
    }
}

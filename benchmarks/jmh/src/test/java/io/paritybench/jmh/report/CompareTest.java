package io.paritybench.jmh.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/bench compare} on hand-written JMH JSON files (sample mode, 3 forks × 5 iterations). No timing. */
class CompareTest {

    @TempDir
    Path dir;

    /** Times of the raw samples of one configuration: base µs × factor(fork, iteration, sample). */
    interface Factor {
        double of(int fork, int iteration, int sample);
    }

    /**
     * @return a JMH JSON entry of SolverBenchmark.solve in sample mode with 3 forks × 5 iterations × 4 samples; as
     *         JMH writes it in sample mode, with {@code rawDataHistogram} and no {@code rawData}
     */
    static String entry(String solver, int n, double micros, Factor f) {
        StringBuilder hist = new StringBuilder("[");
        for (int fork = 0; fork < 3; fork++) {
            hist.append(fork == 0 ? "" : ",").append('[');
            for (int it = 0; it < 5; it++) {
                hist.append(it == 0 ? "" : ",").append('[');
                for (int s = 0; s < 4; s++) {
                    hist.append(s == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.6f,1]",
                            micros * f.of(fork, it, s)));
                }
                hist.append(']');
            }
            hist.append(']');
        }
        hist.append(']');
        return """
                {"jmhVersion": "1.37", "benchmark": "io.paritybench.jmh.SolverBenchmark.solve", "mode": "sample",
                 "threads": 1, "forks": 3, "jvm": "/usr/bin/java", "jvmArgs": [], "jdkVersion": "17", "vmName": "VM",
                 "vmVersion": "17", "warmupIterations": 2, "warmupTime": "1 s", "measurementIterations": 5,
                 "measurementTime": "200 ms",
                 "params": {"solver": "%s", "n": "%d", "kappa": "1e2", "family": "random-spectrum", "seed": "1",
                            "tol": "1e-8", "cap": "1"},
                 "primaryMetric": {"score": %s, "scoreError": "NaN", "scoreUnit": "us/op",
                                   "rawDataHistogram": %s},
                 "secondaryMetrics": {}}""".formatted(solver, n, micros, hist);
    }

    private Path file(String name, String... entries) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "[" + String.join(",\n", entries) + "]", StandardCharsets.UTF_8);
        return p;
    }

    private record Run(int status, String out, String err) {
    }

    private Run compare(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Compare.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final Factor SAME = (f, i, s) -> 1 + 0.01 * ((f + i + s) % 3);

    private Path base() throws IOException {
        return file("base.json", entry("newton", 100, 300, SAME), entry("ccd-spinu", 100, 200, SAME),
                entry("ccd-grr", 1000, 9000, SAME));
    }

    @Test
    void ignoredParametersLetRunsWithAnotherCapOrSeedListMatch() throws IOException {
        Path b = base();
        Path n = file("other-cap.json", entry("newton", 100, 300, SAME).replace("\"cap\": \"1\"", "\"cap\": \"0.5\"")
                .replace("\"seed\": \"1\"", "\"seed\": \"1+2+3\""));
        Run strict = compare(b.toString(), n.toString());
        assertThat(strict.status()).isZero();
        assertThat(strict.out()).contains("0 matched");
        Run relaxed = compare(b.toString(), n.toString(), "--ignore", "cap,seed");
        assertThat(relaxed.status()).isZero();
        assertThat(relaxed.out()).contains("1 matched").contains("only in BASE");
        // two configurations that differ only in an ignored parameter are bad input
        Path twice = file("twice.json", entry("newton", 100, 300, SAME),
                entry("newton", 100, 300, SAME).replace("\"cap\": \"1\"", "\"cap\": \"2\""));
        Run bad = compare(twice.toString(), n.toString(), "--ignore", "cap");
        assertThat(bad.status()).isEqualTo(Compare.BAD_INPUT);
        assertThat(bad.err()).contains("appears twice");
    }

    @Test
    void identicalFilesGiveNoRegression() throws IOException {
        Path b = base();
        Run r = compare(b.toString(), b.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("3 matched, 0 regressed, 0 improved").doesNotContain("REGRESSION");
    }

    @Test
    void aConfigurationSlowerByHalfInEverySampleIsARegressionNamedInTheOutput() throws IOException {
        Path b = base();
        Path n = file("new.json", entry("newton", 100, 300, SAME),
                entry("ccd-spinu", 100, 200, (f, i, s) -> 1.5 * SAME.of(f, i, s)), entry("ccd-grr", 1000, 9000, SAME));
        Run r = compare(b.toString(), n.toString(), "--threshold", "5%");
        assertThat(r.status()).isEqualTo(Compare.REGRESSION);
        assertThat(r.out()).contains("1 regressed").contains("REGRESSION: SolverBenchmark.solve{").contains("solver=ccd-spinu");
        assertThat(r.out().lines().filter(l -> l.startsWith("REGRESSION:")).toList()).hasSize(1);
        // and the other way round it is an improvement, not a regression
        Run back = compare(n.toString(), b.toString());
        assertThat(back.status()).isZero();
        assertThat(back.out()).contains("1 improved");
    }

    @Test
    void noiseOfThreePercentIsNoRegressionAtFivePercent() throws IOException {
        Path b = base();
        SplittableRandom rng = new SplittableRandom(7);
        double[][][] u = new double[3][5][4];
        for (double[][] fork : u) {
            for (double[] it : fork) {
                for (int s = 0; s < it.length; s++) {
                    it[s] = 0.97 + 0.06 * rng.nextDouble();
                }
            }
        }
        Factor noise = (f, i, s) -> SAME.of(f, i, s) * u[f][i][s];
        Path n = file("noisy.json", entry("newton", 100, 300, noise), entry("ccd-spinu", 100, 200, noise),
                entry("ccd-grr", 1000, 9000, (f, i, s) -> SAME.of(f, i, s) * 1.03));
        Run r = compare(b.toString(), n.toString(), "--threshold", "5%");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("3 matched, 0 regressed");
    }

    @Test
    void unmatchedConfigurationsAreListed() throws IOException {
        Path b = base();
        Path n = file("new.json", entry("newton", 100, 300, SAME), entry("ccd-anderson", 100, 100, SAME));
        Run r = compare(b.toString(), n.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("only in BASE: SolverBenchmark.solve{").contains("solver=ccd-grr")
                .contains("only in NEW: SolverBenchmark.solve{").contains("solver=ccd-anderson")
                .contains("1 matched");
    }

    @Test
    void badInputExitsTwoWithOneLine() throws IOException {
        Path b = base();
        Path notJson = dir.resolve("x.json");
        Files.writeString(notJson, "this is not json");
        Path notJmh = dir.resolve("y.json");
        Files.writeString(notJmh, "{\"a\": 1}");
        assertThat(compare(b.toString(), dir.resolve("missing.json").toString()).status()).isEqualTo(2);
        Run r = compare(b.toString(), notJson.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("x.json").contains("not JMH JSON");
        assertThat(compare(b.toString(), notJmh.toString()).status()).isEqualTo(2);
        assertThat(compare(b.toString(), b.toString(), "--threshold", "lots").status()).isEqualTo(2);
        assertThat(compare(b.toString()).status()).isEqualTo(2);
    }

    @Test
    void thresholdReadsPercentOrFraction() {
        assertThat(Compare.threshold("5%")).isEqualTo(0.05);
        assertThat(Compare.threshold("0.1")).isEqualTo(0.1);
    }
}

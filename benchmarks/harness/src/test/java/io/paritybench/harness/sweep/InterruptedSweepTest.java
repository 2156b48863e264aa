package io.paritybench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep process killed with SIGKILL in the middle of its trials, then resumed. */
class InterruptedSweepTest {

    @TempDir
    Path tmp;

    @Test
    void aKilledSweepResumesWithoutRepeatingAFinishedTrial() throws IOException, InterruptedException {
        Path file = tmp.resolve("r.csv");
        List<String> flags = List.of("--solvers", SweepTestSolvers.SLOW, "--families", "random-spectrum", "--n", "4",
                "--kappa", "1e1,1e2,1e3,1e4", "--budgets", "equal", "--seeds", "1-3", "--no-n2", "--no-bisect", "--no-measure",
                "--jobs", "1", "--set", "worker.jvm-args=-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SweepMain.class.getName(), "--out", file.toString(),
                "--no-progress"));
        cmd.addAll(flags);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile())
                .start();
        try {
            // Kill it once two of its 12 trials (250 ms each) are written: 2.5 s before it could finish.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (rows(file) < 2 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(p.isAlive()).as("the sweep is still running when it is killed").isTrue();
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        List<TrialRecord> before = ResultsCsv.read(file).rows();
        assertThat(before.size()).isBetween(2, 11);
        Set<String> finished = new HashSet<>(before.stream().map(t -> t.key().id()).toList());

        SweepCommand resume = new SweepCommand();
        picocli.CommandLine cli = new picocli.CommandLine(resume);
        List<String> args = new ArrayList<>(List.of("--out", file.toString(), "--no-progress", "--resume"));
        args.addAll(flags);
        cli.parseArgs(args.toArray(String[]::new));
        SweepConfig config = resume.resolveConfig();
        Sweep.Summary s = new Sweep(config, SweepPlan.of(config),
                Sweep.Settings.of(file).withResume(true).withLog(new PrintStream(OutputStream.nullOutputStream())))
                .run();

        assertThat(s.reused()).isEqualTo(before.size());
        assertThat(s.executed()).hasSize(12 - before.size()).noneMatch(finished::contains);
        List<TrialRecord> after = ResultsCsv.read(file).rows();
        assertThat(after).hasSize(12);
        assertThat(after.stream().map(t -> t.key().id()).distinct()).hasSize(12);
        assertThat(after).allSatisfy(r -> assertThat(r.judgement().outcome()).isEqualTo(Outcome.OK));
    }

    private static long rows(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file)) {
            return Math.max(0, lines.count() - 1);
        }
    }
}

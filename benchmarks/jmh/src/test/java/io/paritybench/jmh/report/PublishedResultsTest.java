package io.paritybench.jmh.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The published timing report ({@code results/timing.md}) names the commit it was made at; when {@code solvers/} or
 * {@code benchmarks/jmh} changed after that commit, the test <em>warns</em> (standard error and the test report) that
 * the published times are stale, without failing the build: regenerating them takes a quiet machine and 20 minutes.
 */
class PublishedResultsTest {

    private static final Pattern COMMIT = Pattern.compile("commit `([0-9a-f]{7,40})(-dirty)?`");

    @Test
    void thePublishedReportNamesItsCommitAndWarnsWhenTheBenchmarkedCodeChangedSince() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        Path timing = root.resolve("results/timing.md");
        assumeTrue(Files.isRegularFile(timing), "no published timing report");
        String head = Files.readString(timing, StandardCharsets.UTF_8).lines().limit(8)
                .reduce("", (a, b) -> a + b + "\n");
        Matcher m = COMMIT.matcher(head);
        assertThat(m.find()).as("results/timing.md names the commit of its run in its header").isTrue();
        String commit = m.group(1);
        Process git;
        try {
            git = new ProcessBuilder("git", "-C", root.toString(), "diff", "--stat", commit, "HEAD", "--", "solvers",
                    "benchmarks/jmh").redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "git is not available");
            return;
        }
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assumeTrue(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0,
                "commit " + commit + " is not in this clone: " + out);
        if (!out.isEmpty()) {
            String[] lines = out.split("\n");
            System.err.println("WARNING: results/timing.md was made at commit " + commit + "; solvers/ or benchmarks/jmh "
                    + "changed since (" + lines[lines.length - 1].trim() + "): the published times are stale; "
                    + "regenerate them with scripts/bench on a quiet machine");
        }
    }
}

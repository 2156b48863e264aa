package io.paritybench.harness.external;

import io.paritybench.harness.ExitCodes;
import io.paritybench.harness.ParityBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code peers} on stubs: interleaved rounds, the liar's time is marked as not comparable, nothing overwritten. */
class PeersCommandTest {

    @TempDir
    Path tmp;

    private static int run(String... args) {
        CommandLine cmd = ParityBench.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        return cmd.execute(args);
    }

    @Test
    void timesEverySideInEveryRoundAndMarksAnInaccurateClaim() throws Exception {
        Path md = tmp.resolve("peers.md");
        String[] args = {"peers", "--external", Stubs.definitions().toString(), "--peers", "stub-ok,stub-liar",
            "--ours", "newton", "--n", "6", "--problems", "random-spectrum:kappa=1e2", "--rounds", "2",
            "--warmup", "0", "--repeats", "1", "--tol", "1e-9", "--out", md.toString()};

        assertThat(run(args)).isEqualTo(ExitCodes.OK);
        List<String> csv = Files.readAllLines(tmp.resolve("peers.csv"));
        assertThat(csv).hasSize(1 + 2 * 3);
        assertThat(csv.subList(1, 4)).extracting(l -> l.split(",")[3]).containsExactly("newton", "stub-ok",
                "stub-liar");
        assertThat(csv.subList(4, 7)).extracting(l -> l.split(",")[3]).containsExactly("stub-ok", "stub-liar",
                "newton");
        assertThat(csv).filteredOn(l -> l.contains(",stub-liar,")).allMatch(l -> l.contains(
                "CLAIMED_SUCCESS_BUT_INACCURATE"));
        assertThat(csv).filteredOn(l -> l.contains(",stub-ok,")).allMatch(l -> l.contains(",OK,")
                && l.contains(",0.001,"));
        String report = Files.readString(md);
        assertThat(report).contains("| random-spectrum:kappa=1e2 | 6 | stub-liar | – |")
                .contains("✗ CLAIMED_SUCCESS_BUT_INACCURATE");
        assertThat(run(args)).isEqualTo(ExitCodes.BAD_INPUT);
    }
}

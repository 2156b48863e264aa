package io.paritybench.harness.external;

import io.paritybench.harness.ExitCodes;
import io.paritybench.harness.ParityBench;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shipped adapters of {@code peers/peers.defs} on Roncalli's four-asset example; each runs only where its runtime
 * and package are installed ({@code peers/r/install}, {@code peers/js/install}).
 */
class PeerAdaptersTest {

    private static final Path PEERS = Path.of("..", "..", "peers");

    private static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean rPresent() {
        String lib = System.getenv().getOrDefault("PARITYBENCH_R_LIBS", System.getProperty("user.home")
                + "/.rlib-peers");
        return succeeds("sh", "-c", "R_LIBS=" + lib + " Rscript -e 'quit(status = !requireNamespace("
                + "\"riskParityPortfolio\", quietly = TRUE))'");
    }

    private static boolean jsPresent() {
        return succeeds("node", "--version") && Files.isDirectory(PEERS.resolve("js/node_modules/portfolio-allocation"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"r-newton", "r-nn", "r-ccd-spinu", "js-erc-ccd"})
    void anAdapterSolvesTheFourAssetExample(String id) {
        assumeTrue(id.startsWith("js") ? jsPresent() : rPresent(), "runtime of " + id + " not installed");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = ParityBench.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute("solve", "--cov", "../../examples/roncalli4/cov.csv", "--external",
                PEERS.resolve("peers.defs").toString(), "--solver", id, "--tol", "1e-8", "--watchdog", "60s");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("\"solverSeconds\"");
    }
}

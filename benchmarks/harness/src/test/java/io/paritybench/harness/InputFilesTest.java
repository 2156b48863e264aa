package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input files that used to give silently wrong answers now give the right one: names in headers are matched by
 * name, date columns are not assets, a numeric first row is data, a byte-order mark and other separators are read.
 */
class InputFilesTest {

    private static final String COV = "a,b\n0.09,0.009\n0.009,0.01\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private JsonNode solve(String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("solve"));
        a.addAll(List.of(args));
        a.addAll(List.of("--solver", "newton", "--tol", "1e-12"));
        CliRun run = CliRun.of(a.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> names(JsonNode j) {
        List<String> out = new ArrayList<>();
        j.get("assets").forEach(x -> out.add(x.asText()));
        return out;
    }

    private static double rrc(JsonNode j, int i) {
        return j.get("riskContributions").get(i).asDouble();
    }

    @Test
    void budgetsWithAHeaderAreMatchedByNameNotByPosition() throws IOException {
        Path cov = write("cov.csv", COV);
        JsonNode byName = solve("--cov", cov.toString(), "--budgets", write("b.csv", "b,a\n0.4,0.6\n").toString());
        assertThat(rrc(byName, 0)).as("RRC of a").isCloseTo(0.6, within(1e-12));
        JsonNode column = solve("--cov", cov.toString(), "--budgets", write("bc.csv", "b,0.4\na,0.6\n").toString());
        assertThat(rrc(column, 0)).as("RRC of a, names in a column").isCloseTo(0.6, within(1e-12));
        JsonNode byPosition = solve("--cov", cov.toString(), "--budgets", write("bp.csv", "0.4,0.6\n").toString());
        assertThat(rrc(byPosition, 0)).as("RRC of a without names").isCloseTo(0.4, within(1e-12));
    }

    @Test
    void anInitialPointWithAHeaderIsMatchedByName() throws IOException {
        Path cov = write("cov.csv", COV);
        CliRun run = CliRun.of("solve", "--cov", cov.toString(), "--init", write("x0.csv", "b,a\n3,1\n").toString(),
                "--solver", "newton", "--max-iter", "1");
        assertThat(run.err()).doesNotContain("x0.csv");
    }

    @Test
    void aNumericDateColumnIsNotSolvedAsAnAsset() throws IOException {
        StringBuilder withDates = new StringBuilder("date,a,b\n");
        StringBuilder plain = new StringBuilder("a,b\n");
        StringBuilder textNoHeader = new StringBuilder();
        StringBuilder numericNoHeader = new StringBuilder();
        Random rnd = new Random(7);
        for (int d = 1; d <= 28; d++) {
            String r = String.format(Locale.ROOT, "%.6f,%.6f", 0.01 * rnd.nextGaussian(), 0.02 * rnd.nextGaussian());
            withDates.append(String.format(Locale.ROOT, "202402%02d,%s%n", d, r));
            plain.append(r).append('\n');
            textNoHeader.append(String.format(Locale.ROOT, "2024-02-%02d,%s%n", d, r));
            numericNoHeader.append(r).append('\n');
        }
        JsonNode reference = solve("--returns", write("plain.csv", plain.toString()).toString());
        JsonNode dated = solve("--returns", write("dated.csv", withDates.toString()).toString());
        assertThat(names(dated)).containsExactly("a", "b");
        assertThat(dated.get("weights").get(0).asDouble()).isEqualTo(reference.get("weights").get(0).asDouble());

        JsonNode text = solve("--returns", write("text.csv", textNoHeader.toString()).toString());
        assertThat(names(text)).as("no header: the first observation is data").containsExactly("asset1", "asset2");
        assertThat(text.get("weights").get(0).asDouble()).isEqualTo(reference.get("weights").get(0).asDouble());

        JsonNode numeric = solve("--returns", write("numeric.csv", numericNoHeader.toString()).toString());
        assertThat(names(numeric)).as("a first row of numbers is data").containsExactly("asset1", "asset2");
        assertThat(numeric.get("weights").get(0).asDouble()).isEqualTo(reference.get("weights").get(0).asDouble());
    }

    @Test
    void aByteOrderMarkIsStrippedAndOtherSeparatorsAreDetected() throws IOException {
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, ("\uFEFF" + COV).getBytes(StandardCharsets.UTF_8));
        assertThat(names(solve("--cov", bom.toString()))).containsExactly("a", "b");
        Path bomNoHeader = dir.resolve("bom2.csv");
        Files.write(bomNoHeader, "\uFEFF0.09,0.009\n0.009,0.01\n".getBytes(StandardCharsets.UTF_8));
        assertThat(names(solve("--cov", bomNoHeader.toString()))).containsExactly("asset1", "asset2");
        assertThat(names(solve("--cov", write("semi.csv", COV.replace(',', ';')).toString())))
                .containsExactly("a", "b");
        assertThat(names(solve("--cov", write("tab.csv", COV.replace(',', '\t')).toString())))
                .containsExactly("a", "b");
    }

    @Test
    void solveAndSweepAcceptTheSameDurationSyntax() {
        assertThat(Durations.parse("5").toMillis()).isEqualTo(5000);
        assertThat(Durations.parse("5s").toMillis()).isEqualTo(5000);
        assertThat(Durations.parse("500ms").toMillis()).isEqualTo(500);
        assertThat(Durations.parse("PT2S").toMillis()).isEqualTo(2000);
        assertThat(io.paritybench.harness.sweep.SweepConfig.defaults()
                .with(java.util.Map.of("time-limit", "5")).limits().timeLimit().toMillis()).isEqualTo(5000);
    }
}

package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.cases.CaseFiles;
import io.paritybench.core.generate.Conditioning;
import io.paritybench.core.io.CsvIo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code paritybench generate}: the case folder, its determinism, the requested κ(Σ) and the refusals. */
class GenerateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES = List.of(CaseFiles.COV, CaseFiles.BUDGETS, CaseFiles.REFERENCE,
            CaseFiles.META);

    @TempDir
    Path dir;

    private static CliRun generate(Path out, long seed, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--family", "random-spectrum", "--n", "30",
                "--kappa", "1e6", "--seed", Long.toString(seed), "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void anExistingCaseIsRefusedBeforeAnyWorkAndReplacedOnlyWithForce() throws IOException {
        Path out = dir.resolve("case");
        assertThat(generate(out, 7).exitCode()).isEqualTo(ExitCodes.OK);
        byte[] first = Files.readAllBytes(out.resolve(CaseFiles.COV));
        // a stale file of the other layout, as a factor case written here earlier would leave
        Files.writeString(out.resolve(CaseFiles.FACTOR_LOADINGS), "1,2\n");

        CliRun again = generate(out, 8);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err().strip()).contains(out.toString()).contains("already holds a case")
                .contains(CaseFiles.COV).contains("--force").doesNotContain("\n");
        assertThat(Files.readAllBytes(out.resolve(CaseFiles.COV))).isEqualTo(first);

        CliRun forced = generate(out, 8, "--force");
        assertThat(forced.exitCode()).as(forced.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllBytes(out.resolve(CaseFiles.COV))).isNotEqualTo(first);
        assertThat(out.resolve(CaseFiles.FACTOR_LOADINGS)).doesNotExist();
        assertThat(JSON.readTree(out.resolve(CaseFiles.META).toFile()).get("seed").asLong()).isEqualTo(8);
    }

    @Test
    void writesTheFourFilesOfThePublishedLayoutWithACertifiedReference() throws IOException {
        Path out = dir.resolve("case");

        CliRun run = generate(out, 7, "--budgets", "dirichlet:2");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        for (String f : FILES) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        JsonNode meta = JSON.readTree(out.resolve(CaseFiles.META).toFile());
        assertThat(meta.get("name").asText()).isEqualTo("case");
        assertThat(meta.get("family").asText()).isEqualTo("random-spectrum");
        assertThat(meta.get("n").asInt()).isEqualTo(30);
        assertThat(meta.get("seed").asLong()).isEqualTo(7);
        assertThat(meta.get("description").asText())
                .isEqualTo("random-spectrum:n=30,kappa=1000000,budgets=dirichlet:2,seed=7");
        assertThat(meta.get("generator").get("spec").asText()).isEqualTo(meta.get("description").asText());
        for (String field : List.of("condition_number", "kappa_corr", "kappa_weights_componentwise",
                "cancellation_factor_Sw", "budget_min")) {
            assertThat(meta.get(field).isNumber()).as(field).isTrue();
            assertThat(meta.get(field).asDouble()).as(field).isPositive().isFinite();
        }
        assertThat(meta.get("reference").get("certified").asBoolean()).isTrue();
        assertThat(meta.get("reference").get("method").asText()).isNotBlank();
        assertThat(meta.get("floors").get("max_abs_rrc_err_naive_double_eval").isNumber()).isTrue();
        assertThat(meta.findValue("seconds")).as("no timing in the files").isNull();

        CaseData c = CaseFiles.read(out);
        assertThat(c.problem().n()).isEqualTo(30);
        assertThat(c.referenceWeights()).hasSize(30);
        assertThat(Arrays.stream(c.referenceWeights()).min().orElseThrow()).isPositive();
        assertThat(c.meta().kappaWeights()).isEqualTo(meta.get("kappa_weights_componentwise").asDouble());
        double minBudget = Double.POSITIVE_INFINITY;
        for (double b : c.problem().budgets()) {
            minBudget = Math.min(minBudget, b);
        }
        assertThat(meta.get("budget_min").asDouble()).isEqualTo(minBudget);
        // shortest round-trip decimals: every number reads back bit for bit
        String firstValue = Files.readString(out.resolve(CaseFiles.REFERENCE)).split("[,\\n]")[0];
        assertThat(Double.parseDouble(firstValue)).isEqualTo(c.referenceWeights()[0]);
    }

    @Test
    void theSameSeedGivesByteIdenticalFilesAndAnotherSeedDifferentOnes() throws IOException {
        Path a = dir.resolve("a").resolve("case");
        Path b = dir.resolve("b").resolve("case");
        Path c = dir.resolve("c").resolve("case");

        assertThat(generate(a, 11).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(generate(b, 11).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(generate(c, 12).exitCode()).isEqualTo(ExitCodes.OK);

        for (String f : FILES) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
        assertThat(Files.readAllBytes(c.resolve(CaseFiles.COV))).isNotEqualTo(Files.readAllBytes(a.resolve(CaseFiles.COV)));
        assertThat(Files.readAllBytes(c.resolve(CaseFiles.REFERENCE)))
                .isNotEqualTo(Files.readAllBytes(a.resolve(CaseFiles.REFERENCE)));
    }

    @Test
    void specStringGivesTheSameFilesAsTheOptions() throws IOException {
        Path a = dir.resolve("a").resolve("case");
        Path b = dir.resolve("b").resolve("case");

        assertThat(generate(a, 5, "--budgets", "tiny").exitCode()).isEqualTo(ExitCodes.OK);
        CliRun run = CliRun.of("generate", "--spec", "random-spectrum:n=30,kappa=1e6,budgets=tiny,seed=5", "--out",
                b.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        for (String f : FILES) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e2, 1e6, 1e10})
    void theRequestedConditionNumberIsReproducedToOnePercent(double kappa) throws IOException {
        Path out = dir.resolve("case");

        CliRun run = CliRun.of("generate", "--family", "random-spectrum", "--n", "40", "--kappa",
                Double.toString(kappa), "--seed", "3", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        // κ(Σ) recomputed here from the written cov.csv, not taken from meta.json
        double measured = Conditioning.conditionNumber(CsvIo.readMatrix(out.resolve(CaseFiles.COV)).values());
        assertThat(Math.abs(measured / kappa - 1)).as("relative error of κ(Σ) = %s", measured).isLessThan(0.01);
        double recorded = JSON.readTree(out.resolve(CaseFiles.META).toFile()).get("condition_number").asDouble();
        assertThat(Math.abs(recorded / kappa - 1)).isLessThan(0.01);
    }

    @Test
    void aCaseWhoseReferenceCannotBeCertifiedIsNotWritten() {
        Path out = dir.resolve("case");

        // ρ within 1e-14 of its lower limit −1/(n−1): Σ is singular to working precision
        CliRun run = CliRun.of("generate", "--spec", "constant-correlation:n=100,gap=1e-14,seed=1", "--out",
                out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("could not certify").contains("no case written");
        assertThat(out).doesNotExist();
    }

    @Test
    void badOptionsAreRejectedWithOneLineNamingTheOption() {
        Path out = dir.resolve("case");

        CliRun unknownFamily = CliRun.of("generate", "--family", "nope", "--n", "5", "--seed", "1", "--out",
                out.toString());
        CliRun missingSeed = CliRun.of("generate", "--family", "block", "--n", "5", "--out", out.toString());
        CliRun kappaNotAccepted = CliRun.of("generate", "--family", "block", "--n", "5", "--kappa", "10", "--seed",
                "1", "--out", out.toString());
        CliRun both = CliRun.of("generate", "--spec", "block:n=5,seed=1", "--n", "6", "--out", out.toString());
        CliRun badBudgets = CliRun.of("generate", "--family", "block", "--n", "5", "--budgets", "dirichlet",
                "--seed", "1", "--out", out.toString());

        assertThat(unknownFamily.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknownFamily.errLines()).hasSize(1);
        assertThat(unknownFamily.err()).contains("--family").contains("nope");
        assertThat(missingSeed.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missingSeed.err()).contains("--seed");
        assertThat(kappaNotAccepted.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(kappaNotAccepted.err()).contains("kappa");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(both.err()).contains("--spec");
        assertThat(badBudgets.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badBudgets.err()).contains("--budgets");
        assertThat(out).doesNotExist();
    }
}

package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paritybench.core.cases.CaseFiles;
import io.paritybench.core.io.CsvIo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paritybench check}: the reference passes, a perturbed answer fails (exit 3), bad input is exit 2, missing
 * metadata is computed, the output of {@code solve} can be scored directly, and a published case works.
 */
class CheckCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    /** A generated case: random spectrum, n = 20, κ(Σ) = 1e4, Dirichlet budgets. */
    static Path generated;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateCase() {
        generated = shared.resolve("rs20");
        CliRun run = CliRun.of("generate", "--family", "random-spectrum", "--n", "20", "--kappa", "1e4",
                "--budgets", "dirichlet:3", "--seed", "2024", "--out", generated.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    }

    private static CliRun check(Path caseDir, Path weights) {
        return CliRun.of("check", "--case", caseDir.toString(), "--weights", weights.toString(), "--format", "json");
    }

    private static JsonNode json(CliRun run) throws IOException {
        return JSON.readTree(run.out());
    }

    /** Copies the case files that exist into a new folder. */
    private Path copy(Path from, String name, String... files) throws IOException {
        Path to = dir.resolve(name);
        Files.createDirectories(to);
        for (String f : files) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
        return to;
    }

    @Test
    void theReferenceWeightsPass() throws IOException {
        CliRun run = check(generated, generated.resolve(CaseFiles.REFERENCE));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        JsonNode j = json(run);
        assertThat(j.get("pass").asBoolean()).isTrue();
        assertThat(j.get("rrcPass").asBoolean()).isTrue();
        assertThat(j.get("weightsPass").asBoolean()).isTrue();
        assertThat(j.get("maxRelWeightError").asDouble()).isZero();
        assertThat(j.get("n").asInt()).isEqualTo(20);
        assertThat(j.get("conditioningFrom").asText()).isEqualTo(CaseFiles.META);
        JsonNode meta = JSON.readTree(generated.resolve(CaseFiles.META).toFile());
        double kappaW = meta.get("kappa_weights_componentwise").asDouble();
        double floor = meta.get("floors").get("max_abs_rrc_err_naive_double_eval").asDouble();
        assertThat(j.get("kappaWeights").asDouble()).isEqualTo(kappaW);
        assertThat(j.get("floorNaiveDouble").asDouble()).isEqualTo(floor);
        // the §8 rule of thumb, restated here
        assertThat(j.get("tolerance").get("maxRelWeightError").asDouble())
                .isEqualTo(Math.max(1e-13, 100 * kappaW * 1.1e-16));
        assertThat(j.get("tolerance").get("maxAbsRrcError").asDouble()).isEqualTo(Math.max(1e-14, 100 * floor));
    }

    @Test
    void weightsPerturbedByOnePartInAMillionFailWithExitCode3() throws IOException {
        double[] ref = CsvIo.readVector(generated.resolve(CaseFiles.REFERENCE));
        SplittableRandom rng = new SplittableRandom(99);
        double[] w = new double[ref.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = ref[i] * (1 + 1e-6 * (2 * rng.nextDouble() - 1));
        }
        Path file = dir.resolve("perturbed.csv");
        CsvIo.writeVector(file, w);

        CliRun run = check(generated, file);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("perturbed.csv").contains("fails");
        JsonNode j = json(run);
        assertThat(j.get("pass").asBoolean()).isFalse();
        assertThat(j.get("weightsPass").asBoolean()).isFalse();
        // the relative weight error is about the perturbation (1e-6, up to the renormalisation)
        assertThat(j.get("maxRelWeightError").asDouble()).isBetween(1e-7, 3e-6);
    }

    @Test
    void tableFormatSaysPassOrFail() throws IOException {
        CliRun pass = CliRun.of("check", "--case", generated.toString(), "--weights",
                generated.resolve(CaseFiles.REFERENCE).toString());
        double[] equal = new double[20];
        Arrays.fill(equal, 0.05);
        Path file = dir.resolve("equal.csv");
        CsvIo.writeVector(file, equal);
        CliRun fail = CliRun.of("check", "--case", generated.toString(), "--weights", file.toString(), "--format",
                "TABLE");

        assertThat(pass.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(pass.out()).contains("max |RRC - b|").contains("max rel weight error").contains("result   PASS");
        assertThat(fail.exitCode()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(fail.out()).contains("result   FAIL");
    }

    @Test
    void badInputIsExitCode2WithOneLineNamingTheFile() throws IOException {
        Path shortFile = dir.resolve("short.csv");
        CsvIo.writeVector(shortFile, new double[] {0.5, 0.5});
        Path malformed = dir.resolve("malformed.csv");
        Files.writeString(malformed, "0.1,0.2,abc\n");
        Path noCov = copy(generated, "nocov", CaseFiles.BUDGETS);

        CliRun wrongLength = check(generated, shortFile);
        CliRun badCsv = check(generated, malformed);
        CliRun missingWeights = check(generated, dir.resolve("absent.csv"));
        CliRun missingCov = check(noCov, generated.resolve(CaseFiles.REFERENCE));
        CliRun missingCase = check(dir.resolve("absent"), generated.resolve(CaseFiles.REFERENCE));

        assertThat(wrongLength.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrongLength.errLines()).hasSize(1);
        assertThat(wrongLength.err()).contains("short.csv").contains("2 weights").contains("20 assets");
        assertThat(badCsv.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badCsv.errLines()).hasSize(1);
        assertThat(badCsv.err()).contains("malformed.csv");
        assertThat(missingWeights.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missingWeights.err()).contains("absent.csv");
        assertThat(missingCov.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missingCov.err()).contains(CaseFiles.COV);
        assertThat(missingCase.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missingCase.errLines()).hasSize(1);
        for (CliRun r : List.of(wrongLength, badCsv, missingWeights, missingCov, missingCase)) {
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void withoutMetaJsonTheConditioningIsComputedFromTheReference() throws IOException {
        Path noMeta = copy(generated, "nometa", CaseFiles.COV, CaseFiles.BUDGETS, CaseFiles.REFERENCE);
        JsonNode meta = JSON.readTree(generated.resolve(CaseFiles.META).toFile());

        CliRun run = check(noMeta, generated.resolve(CaseFiles.REFERENCE));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = json(run);
        assertThat(j.get("conditioningFrom").asText()).isEqualTo("computed");
        assertThat(j.get("referenceFrom").asText()).isEqualTo(CaseFiles.REFERENCE);
        assertThat(j.get("kappaWeights").asDouble())
                .isEqualTo(meta.get("kappa_weights_componentwise").asDouble());
        assertThat(j.get("floorNaiveDouble").asDouble())
                .isEqualTo(meta.get("floors").get("max_abs_rrc_err_naive_double_eval").asDouble());
    }

    @Test
    void withoutMetaAndReferenceTheReferenceSolverSuppliesThem() throws IOException {
        Path bare = copy(generated, "bare", CaseFiles.COV, CaseFiles.BUDGETS);

        CliRun run = check(bare, generated.resolve(CaseFiles.REFERENCE));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = json(run);
        assertThat(j.get("referenceFrom").asText()).isEqualTo("reference solver");
        // the reference solver is deterministic and certified: the same correctly rounded weights (≤ 1 ulp)
        assertThat(j.get("maxRelWeightError").asDouble()).isLessThanOrEqualTo(4.5e-16);
    }

    @Test
    void theOutputOfSolveCanBeScoredDirectly() throws IOException {
        for (String format : List.of("csv", "json")) {
            Path solution = dir.resolve("newton." + format);
            CliRun solve = CliRun.of("solve", "--cov", generated.resolve(CaseFiles.COV).toString(), "--budgets",
                    generated.resolve(CaseFiles.BUDGETS).toString(), "--solver", "newton", "--format", format,
                    "--out", solution.toString());
            assertThat(solve.exitCode()).as(solve.err()).isEqualTo(ExitCodes.OK);

            CliRun run = check(generated, solution);

            assertThat(run.exitCode()).as(format + ": " + run.err()).isEqualTo(ExitCodes.OK);
            assertThat(json(run).get("pass").asBoolean()).isTrue();
        }
    }

    @Test
    void aPublishedCaseIsScored() throws IOException {
        Path published = dir.resolve("rs_n10_kappa1e2");
        Files.createDirectories(published);
        for (String f : List.of(CaseFiles.COV, CaseFiles.BUDGETS, CaseFiles.REFERENCE, CaseFiles.META)) {
            try (InputStream in = getClass().getResourceAsStream("/cases/rs_n10_kappa1e2/" + f)) {
                assertThat(in).as(f).isNotNull();
                Files.copy(in, published.resolve(f));
            }
        }
        Path inverseVol = dir.resolve("ivol.json");
        CliRun baseline = CliRun.of("solve", "--cov", published.resolve(CaseFiles.COV).toString(), "--solver",
                "inverse-vol", "--format", "json", "--out", inverseVol.toString());

        CliRun ref = check(published, published.resolve(CaseFiles.REFERENCE));
        CliRun naive = check(published, inverseVol);

        assertThat(ref.exitCode()).as(ref.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = json(ref);
        assertThat(j.get("case").asText()).isEqualTo("rs_n10_kappa1e2");
        assertThat(j.get("kappaWeights").asDouble()).isBetween(6.0, 7.0);
        assertThat(baseline.exitCode()).as("inverse volatility is not the ERC portfolio here")
                .isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(naive.exitCode()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(json(naive).get("rrcPass").asBoolean()).isFalse();
    }
}

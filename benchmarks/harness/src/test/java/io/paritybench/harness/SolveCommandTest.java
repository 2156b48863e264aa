package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.Solvers;
import io.paritybench.core.io.CsvIo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paritybench solve}: the three output formats, the harness-computed figures and the exit codes 0 and 3. */
class SolveCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** σ = (0.3, 0.1), ρ = 0.3 (exactly representable input: the shared case n2_rho0.3_b0.5). */
    private static final double[][] COV = {{0.09, 0.009}, {0.009, 0.01}};
    private static final double[] BUDGETS = {0.7, 0.3};

    @TempDir
    Path dir;
    Path cov;
    Path covNoNames;
    Path budgets;

    @BeforeEach
    void writeInputs() throws IOException {
        cov = dir.resolve("cov.csv");
        CsvIo.writeMatrix(cov, COV, List.of("equity", "bonds"));
        covNoNames = dir.resolve("plain.csv");
        CsvIo.writeMatrix(covNoNames, COV, null);
        budgets = dir.resolve("budgets.csv");
        CsvIo.writeVector(budgets, BUDGETS);
    }

    private CliRun solve(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("solve", "--cov", cov.toString(), "--budgets",
                budgets.toString(), "--solver", "closed-form-n2"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(array.get(i).asText());
        }
        return v;
    }

    /** Bit-for-bit equality: the point of these checks is that nothing is lost in printing. */
    private static void assertBitwiseEqual(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Double.doubleToLongBits(actual[i])).as("%s[%d]: %s vs %s", what, i, actual[i], expected[i])
                    .isEqualTo(Double.doubleToLongBits(expected[i]));
        }
    }

    @Test
    void jsonCarriesExactWeightsAndFiguresRecomputedByTheHarness() throws IOException {
        CliRun run = solve("--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        JsonNode j = JSON.readTree(run.out());
        assertThat(j.get("solver").asText()).isEqualTo("closed-form-n2");
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("success").asBoolean()).isTrue();
        assertThat(j.get("withinTolerance").asBoolean()).isTrue();
        assertThat(j.get("iterations").isInt()).isTrue();
        assertThat(j.get("seconds").asDouble()).isFinite().isGreaterThanOrEqualTo(0.0);
        assertThat(j.get("tolerance").asDouble()).isEqualTo(SolverOptions.DEFAULT_TOLERANCE);
        assertThat(j.get("assets").toString()).isEqualTo("[\"equity\",\"bonds\"]");
        assertThat(j.get("counters").isObject()).isTrue();
        assertThat(j.get("message").isTextual()).isTrue();

        RiskBudgetProblem p = new RiskBudgetProblem(COV, BUDGETS, null, null);
        SolveResult direct = Solvers.byId("closed-form-n2").solve(p, SolverOptions.defaults());
        double[] w = doubles(j.get("weights"));
        assertBitwiseEqual(w, direct.weights(), "weights parsed back from the JSON text");
        assertBitwiseEqual(doubles(j.get("budgets")), BUDGETS, "budgets");
        assertBitwiseEqual(doubles(j.get("riskContributions")), RiskMetrics.relativeRiskContributions(p, w),
                "riskContributions");
        assertThat(j.get("maxAbsBudgetError").asDouble()).isEqualTo(RiskMetrics.maxAbsBudgetError(p, w));
        assertThat(j.get("maxRelBudgetError").asDouble()).isEqualTo(RiskMetrics.maxRelBudgetError(p, w));
        // Independent check of the recomputed figures: RRC from w by hand, in this test.
        double m1 = COV[0][0] * w[0] + COV[0][1] * w[1];
        double m2 = COV[1][0] * w[0] + COV[1][1] * w[1];
        double v = w[0] * m1 + w[1] * m2;
        double byHand = Math.max(Math.abs(w[0] * m1 / v - BUDGETS[0]), Math.abs(w[1] * m2 / v - BUDGETS[1]));
        assertThat(j.get("maxAbsBudgetError").asDouble()).as("max|RRC-b| vs a hand computation (a few ulps of 1)")
                .isCloseTo(byHand, within(1e-15));
        assertThat(j.get("maxAbsBudgetError").asDouble()).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void csvHasOneRowPerAssetThatReadsBackExactly() {
        CliRun run = solve("--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        String[] lines = run.out().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("asset,weight,rrc,budget");
        assertThat(lines[1]).startsWith("equity,");
        assertThat(lines[2]).startsWith("bonds,");
        RiskBudgetProblem p = new RiskBudgetProblem(COV, BUDGETS, null, null);
        double[] expected = Solvers.byId("closed-form-n2").solve(p, SolverOptions.defaults()).weights();
        double[] w = {Double.parseDouble(lines[1].split(",")[1]), Double.parseDouble(lines[2].split(",")[1])};
        assertBitwiseEqual(w, expected, "weights parsed back from the CSV");
        double[] rrc = RiskMetrics.relativeRiskContributions(p, w);
        for (int i = 0; i < 2; i++) {
            String[] f = lines[i + 1].split(",");
            assertBitwiseEqual(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])},
                    new double[] {rrc[i], BUDGETS[i]}, "rrc and budget of row " + (i + 1));
        }
    }

    @Test
    void tableShowsAssetsByNameWhenTheFileHadNames() {
        CliRun named = solve("--format", "table");
        CliRun plain = CliRun.of("solve", "--cov", covNoNames.toString(), "--solver", "closed-form-n2",
                "--format", "TABLE");

        assertThat(named.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(named.out()).contains("closed-form-n2").contains("CONVERGED").containsPattern("(?m)^equity\\s")
                .containsPattern("(?m)^bonds\\s").contains("0.700000000000").contains("0.300000000000");
        assertThat(plain.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(plain.out()).containsPattern("(?m)^asset1\\s").containsPattern("(?m)^asset2\\s")
                .doesNotContain("equity");
    }

    @Test
    void writesToTheOutFileAndNothingToStdout() throws IOException {
        Path out = dir.resolve("sub/result.json");

        CliRun run = solve("--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEmpty();
        assertThat(JSON.readTree(out.toFile()).get("status").asText()).isEqualTo("CONVERGED");
    }

    @Test
    void anUnreachableToleranceGivesExitCode3AndStillPrintsTheResult() throws IOException {
        // The closed form is accurate to about 1e-16 on this input (checked below), never to 1e-30.
        CliRun run = solve("--tol", "1e-30");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.NOT_CONVERGED);
        JsonNode j = JSON.readTree(run.out());
        assertThat(j.get("maxAbsBudgetError").asDouble()).isGreaterThan(1e-30);
        assertThat(j.get("status").asText()).isEqualTo(SolveStatus.TOLERANCE_NOT_MET.name());
        assertThat(j.get("success").asBoolean()).isFalse();
        assertThat(j.get("withinTolerance").asBoolean()).isFalse();
        assertThat(doubles(j.get("weights"))).hasSize(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines()[0]).contains("did not converge").contains("TOLERANCE_NOT_MET");
    }

    @Test
    void normalisesBudgetsOnlyWhenAsked() throws IOException {
        Path raw = dir.resolve("raw.csv");
        Files.writeString(raw, "7\n3\n");
        String[] base = {"solve", "--cov", cov.toString(), "--budgets", raw.toString(), "--solver", "closed-form-n2"};

        CliRun rejected = CliRun.of(base);
        List<String> withFlag = new java.util.ArrayList<>(List.of(base));
        withFlag.add("--normalise-budgets");
        CliRun normalised = CliRun.of(withFlag.toArray(String[]::new));

        assertThat(rejected.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(rejected.err()).contains("raw.csv").contains("sum to");
        assertThat(normalised.exitCode()).as(normalised.err()).isEqualTo(ExitCodes.OK);
        double[] b = doubles(JSON.readTree(normalised.out()).get("budgets"));
        assertThat(b[0]).isCloseTo(0.7, within(2e-16));
        assertThat(b[1]).isCloseTo(0.3, within(2e-16));
    }

    @Test
    void readsReturnsAsASampleCovarianceWithTheirNames() throws IOException {
        Path returns = dir.resolve("returns.csv");
        Files.writeString(returns, "date,x,y\n2024-01-01,0.01,0.02\n2024-01-02,-0.02,0.01\n2024-01-03,0.03,-0.01\n"
                + "2024-01-04,0.00,0.00\n");

        CliRun run = CliRun.of("solve", "--returns", returns.toString(), "--solver", "closed-form-n2");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = JSON.readTree(run.out());
        assertThat(j.get("assets").toString()).isEqualTo("[\"x\",\"y\"]");
        double[] rrc = doubles(j.get("riskContributions"));
        assertThat(rrc[0]).as("ERC by default").isCloseTo(0.5, within(1e-14));
    }

    @Test
    void acceptsAnInitialPointAndIterationAndTimeLimits() throws IOException {
        Path x0 = dir.resolve("x0.csv");
        Files.writeString(x0, "1\n2\n");

        CliRun run = solve("--init", x0.toString(), "--max-iter", "5", "--time-limit", "10", "--tol", "1e-12");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(JSON.readTree(run.out()).get("tolerance").asDouble()).isEqualTo(1e-12);
    }

    @Test
    void theRelativeCriterionBoundsTheRelativeErrorOfATinyBudget() throws IOException {
        Path tiny = dir.resolve("tiny.csv");
        CsvIo.writeVector(tiny, new double[] {1e-6, 1 - 1e-6});
        CliRun abs = CliRun.of("solve", "--cov", cov.toString(), "--budgets", tiny.toString(), "--solver", "newton",
                "--tol", "1e-8");
        CliRun rel = CliRun.of("solve", "--cov", cov.toString(), "--budgets", tiny.toString(), "--solver", "newton",
                "--tol", "1e-8", "--criterion", "rel");
        assertThat(rel.exitCode()).as(rel.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(rel.out());
        assertThat(j.get("criterion").asText()).isEqualTo("rel");
        assertThat(j.get("maxRelBudgetError").asDouble()).isLessThanOrEqualTo(1e-8);
        assertThat(new ObjectMapper().readTree(abs.out()).get("criterion").asText()).isEqualTo("abs");
        assertThat(CliRun.of("solve", "--cov", cov.toString(), "--solver", "newton", "--criterion", "sideways")
                .exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}

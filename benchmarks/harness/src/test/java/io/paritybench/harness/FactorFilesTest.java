package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.cases.CaseFiles;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The factor layout on the command line: {@code generate --structured}, {@code solve} from three files, {@code check}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FactorFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    Path out;

    @BeforeAll
    void generate() {
        out = dir.resolve("fac");
        CliRun run = CliRun.of("generate", "--family", "factor", "--n", "400", "--param", "k=6", "--param",
                "fdecay=1.2", "--param", "idiovolmin=0.1", "--param", "idiovolmax=0.4", "--budgets", "dirichlet:2",
                "--seed", "3", "--structured", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void structuredGenerateWritesTheFactorLayoutAndNoDenseMatrix() throws IOException {
        for (String f : List.of(CaseFiles.FACTOR_LOADINGS, CaseFiles.FACTOR_COV, CaseFiles.IDIO_VAR, CaseFiles.BUDGETS,
                CaseFiles.REFERENCE, CaseFiles.META)) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        assertThat(out.resolve(CaseFiles.COV)).doesNotExist();
        JsonNode meta = JSON.readTree(out.resolve(CaseFiles.META).toFile());
        assertThat(meta.get("covariance_form").asText()).isEqualTo("factor");
        assertThat(meta.get("factors").asInt()).isEqualTo(6);
        assertThat(meta.get("reference").get("certified").asBoolean()).isTrue();
        assertThat(meta.get("kappa_weights_componentwise").asDouble()).isPositive().isFinite();

        CaseData c = CaseFiles.read(out);
        assertThat(c.problem().isFactor()).isTrue();
        assertThat(c.problem().factor().k()).isEqualTo(6);
        // the same model as the dense factor family of this spec, up to the rounding of the dense entries
        GeneratorSpec spec = GeneratorSpec.parse(meta.get("description").asText());
        RiskBudgetProblem dense = ProblemGenerator.problem(spec);
        assertThat(dense.budgets()).containsExactly(c.problem().budgets());
        double[] w = c.referenceWeights();
        assertThat(RiskMetrics.maxAbsBudgetError(dense, w)).isLessThan(1e-14);
    }

    @Test
    void solveReadsTheThreeFactorFilesAndCheckPassesAtTheFloor() throws IOException {
        Path weights = dir.resolve("w.csv");
        for (String solver : List.of("newton", "ccd-spinu", "newton-cg", "reference")) {
            CliRun solve = CliRun.of("solve", "--factor-loadings", out.resolve(CaseFiles.FACTOR_LOADINGS).toString(),
                    "--factor-cov", out.resolve(CaseFiles.FACTOR_COV).toString(), "--idio-var",
                    out.resolve(CaseFiles.IDIO_VAR).toString(), "--budgets", out.resolve(CaseFiles.BUDGETS).toString(),
                    "--solver", solver, "--tol", "1e-15", "--format", "csv", "--out", weights.toString());
            assertThat(solve.exitCode()).as(solver + ": " + solve.err()).isIn(ExitCodes.OK, ExitCodes.NOT_CONVERGED);
            CliRun check = CliRun.of("check", "--case", out.toString(), "--weights", weights.toString());
            assertThat(check.exitCode()).as(solver + ": " + check.out() + check.err()).isEqualTo(ExitCodes.OK);
        }
        assertThat(Files.readString(weights)).startsWith("asset,weight");
    }

    @Test
    void sweepRunsAFactorCaseThroughItsWorkers() {
        Path results = dir.resolve("sweep.csv");
        CliRun run = CliRun.of("sweep", "--cases", out.toString(), "--solvers", "newton,ccd-spinu,greedy-exact",
                "--tol", "1e-12", "--jobs", "1", "--no-progress", "--out", results.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        java.util.Map<String, String> bySolver = new java.util.HashMap<>();
        for (var row : io.paritybench.harness.sweep.ResultsCsv.read(results).rows()) {
            bySolver.put(row.key().solver(), row.judgement().outcome().name());
        }
        assertThat(bySolver).containsEntry("newton", "OK").containsEntry("ccd-spinu", "OK")
                .containsEntry("greedy-exact", "NOT_APPLICABLE");
    }

    @Test
    void badFactorInputGetsOneLineAndExitTwo() throws IOException {
        Path b = out.resolve(CaseFiles.FACTOR_LOADINGS);
        Path f = out.resolve(CaseFiles.FACTOR_COV);
        Path d = out.resolve(CaseFiles.IDIO_VAR);
        Path badD = dir.resolve("d.csv");
        String text = Files.readString(d);
        Files.writeString(badD, "-0.01" + text.substring(text.indexOf(',')));
        Path badF = dir.resolve("f.csv");
        Files.writeString(badF, "0.04,0.05\n0.05,0.04\n");
        record Case(List<String> args, String file, String text) {
        }
        for (Case c : List.of(
                new Case(List.of("--factor-loadings", b.toString(), "--factor-cov", f.toString(), "--idio-var",
                        badD.toString()), badD.toString(), "idiosyncratic variance of asset 1"),
                new Case(List.of("--factor-loadings", b.toString(), "--factor-cov", badF.toString(), "--idio-var",
                        d.toString()), badF.toString(), "expected 6x6"),
                new Case(List.of("--factor-loadings", b.toString(), "--factor-cov", f.toString()), "--idio-var",
                        "all three"),
                new Case(List.of("--cov", f.toString(), "--factor-loadings", b.toString(), "--factor-cov", f.toString(),
                        "--idio-var", d.toString()), "", "mutually exclusive"))) {
            List<String> args = new java.util.ArrayList<>(List.of("solve", "--solver", "newton"));
            args.addAll(c.args());
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains(c.file()).contains(c.text());
        }
        CliRun dense = CliRun.of("solve", "--solver", "greedy-exact", "--factor-loadings", b.toString(),
                "--factor-cov", f.toString(), "--idio-var", d.toString());
        assertThat(dense.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(dense.err()).contains("does not support").contains("factor");
    }
}

package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMeasure;
import io.paritybench.core.testing.RiskMeasureContractTest;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.Solvers;
import io.paritybench.core.io.CsvIo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The §7 risk measures across solvers and through {@code paritybench solve --mu --measure}. */
class MeasureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SolverOptions OPTIONS = SolverOptions.defaults().withTolerance(1e-14);

    @TempDir
    Path dir;

    /** Random 6-asset covariance (vols 10–35 %, a 3-factor correlation), seeded; shared with the solver tests. */
    static double[][] covariance(long seed) {
        return RiskMeasureContractTest.randomProblem(seed, 6).covariance();
    }

    static double[] mu(long seed) {
        return RiskMeasureContractTest.randomMu(seed, 6);
    }

    @Test
    void newtonCcdAndReferenceAgreeOnGaussianVar() {
        for (long seed = 1; seed <= 5; seed++) {
            RiskBudgetProblem p = RiskBudgetProblem.erc(covariance(seed)).withMeasure(
                    RiskMeasure.of(mu(seed), 2.326, "var:c=2.326"));
            double[] ref = null;
            for (String id : List.of("newton", "newton-cg", "ccd-grr", "ccd-spinu", "ccd-choi", "reference")) {
                SolveResult r = Solvers.byId(id).solve(p, OPTIONS);
                assertThat(r.status()).as(id + " " + r).isEqualTo(SolveStatus.CONVERGED);
                assertThat(RiskMetrics.maxAbsBudgetError(p, r.weights())).as(id).isLessThanOrEqualTo(1e-14);
                if (ref == null) {
                    ref = r.weights();
                } else {
                    // well-conditioned (κ_w = O(10)): agreement to 1e-12 relative
                    for (int i = 0; i < 6; i++) {
                        assertThat(Math.abs(r.weights()[i] - ref[i]) / ref[i]).as(id + " w" + i).isLessThan(1e-12);
                    }
                }
            }
        }
    }

    @Test
    void referenceReproducesTheVolatilitySolutionForZeroMuAndFindsNoSolution() {
        RiskBudgetProblem base = RiskBudgetProblem.erc(covariance(9));
        RiskBudgetSolver reference = Solvers.byId("reference");
        double[] vol = reference.solve(base, OPTIONS).weights();
        // μ = 0 is volatility: same weights whatever c
        double[] zero = reference.solve(base.withMeasure(RiskMeasure.of(new double[6], 2.326, "z")), OPTIONS).weights();
        for (int i = 0; i < 6; i++) {
            assertThat(Math.abs(zero[i] - vol[i]) / vol[i]).isLessThan(1e-15);
        }
        double[] s1 = RiskMetrics.marginal(base, new double[] {1, 1, 1, 1, 1, 1});
        double sd = Math.sqrt(RiskMetrics.variance(base, new double[] {1, 1, 1, 1, 1, 1}));
        double[] m = new double[6];
        for (int i = 0; i < 6; i++) {
            m[i] = 1.2 * 2.326 * s1[i] / sd; // Sharpe 1.2 c on the equal-weight portfolio
        }
        SolveResult r = reference.solve(base.withMeasure(RiskMeasure.of(m, 2.326, "var")), OPTIONS);
        assertThat(r.status()).as(r.toString()).isEqualTo(SolveStatus.NO_SOLUTION);
    }

    @Test
    void volatilityOnlySolversRejectTheMeasureByName() {
        RiskBudgetProblem p = RiskBudgetProblem.erc(covariance(3)).withMeasure(RiskMeasure.gaussianVaR(0.99, mu(3)));
        for (RiskBudgetSolver s : Solvers.all()) {
            if (s.supports(p.measure())) {
                continue;
            }
            // the two-asset closed form is checked on a two-asset problem (n = 6 is rejected first)
            RiskBudgetProblem q = s.id().equals("closed-form-n2")
                    ? RiskBudgetProblem.erc(new double[][] {{0.04, 0.006}, {0.006, 0.01}})
                    .withMeasure(RiskMeasure.gaussianVaR(0.99, new double[] {0.03, 0.01}))
                    : p;
            assertThatThrownBy(() -> s.solve(q, OPTIONS)).as(s.id())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(s.id()).hasMessageContaining("var:0.99");
        }
        assertThat(Solvers.all().stream().filter(s -> s.supports(p.measure())).map(RiskBudgetSolver::id))
                .contains("newton", "newton-cg", "ccd-grr", "ccd-spinu", "ccd-choi", "reference")
                .doesNotContain("inverse-vol", "ls-generic");
    }

    @Test
    void cliSolvesWithMuAndMeasureAndRejectsBadInput() throws Exception {
        Path cov = dir.resolve("cov.csv");
        Path mu = dir.resolve("mu.csv");
        Path shortMu = dir.resolve("mu5.csv");
        CsvIo.writeMatrix(cov, covariance(4), List.of("a", "b", "c", "d", "e", "f"));
        java.nio.file.Files.writeString(mu, joined(mu(4)) + "\n");
        java.nio.file.Files.writeString(shortMu, "0.01,0.02,0.03,0.04,0.05\n");

        CliRun ok = CliRun.of("solve", "--cov", cov.toString(), "--mu", mu.toString(), "--measure", "es:0.99",
                "--solver", "newton", "--tol", "1e-13");
        assertThat(ok.exitCode()).as(ok.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = JSON.readTree(ok.out());
        assertThat(j.get("measure").asText()).isEqualTo("es:0.99");
        assertThat(j.get("risk").asDouble()).isPositive();
        assertThat(j.get("maxAbsBudgetError").asDouble()).isLessThanOrEqualTo(1e-13);

        CliRun wrongLength = CliRun.of("solve", "--cov", cov.toString(), "--mu", shortMu.toString(), "--measure",
                "var:0.99", "--solver", "newton");
        assertThat(wrongLength.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrongLength.err()).contains("mu5.csv");

        CliRun unknown = CliRun.of("solve", "--cov", cov.toString(), "--mu", mu.toString(), "--measure", "cvar:0.9",
                "--solver", "newton");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("unknown risk measure");

        CliRun unsupported = CliRun.of("solve", "--cov", cov.toString(), "--mu", mu.toString(), "--measure",
                "var:0.99", "--solver", "inverse-vol");
        assertThat(unsupported.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);

        Path huge = dir.resolve("muhuge.csv");
        java.nio.file.Files.writeString(huge, "10,10,10,10,10,10\n");
        CliRun none = CliRun.of("solve", "--cov", cov.toString(), "--mu", huge.toString(), "--measure", "var:0.99",
                "--solver", "ccd-choi");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.NOT_CONVERGED);
        assertThat(JSON.readTree(none.out()).get("status").asText()).isEqualTo("NO_SOLUTION");
    }

    private static String joined(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(v[i]);
        }
        return sb.toString();
    }
}

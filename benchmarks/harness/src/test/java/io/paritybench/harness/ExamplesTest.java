package io.paritybench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.io.CsvIo;
import io.paritybench.core.io.LabeledMatrix;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled examples (the README's main job runs one of them) load and give their known answers. */
class ExamplesTest {

    /** The module directory is the working directory of the tests. */
    private static final Path EXAMPLES = Path.of("..", "..", "examples");

    @Test
    void twoAssetExampleGivesAQuarterAndThreeQuarters() throws Exception {
        Path dir = EXAMPLES.resolve("two-assets");

        CliRun run = CliRun.of("solve", "--cov", dir.resolve("cov.csv").toString(), "--budgets",
                dir.resolve("budgets.csv").toString(), "--solver", "closed-form-n2");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode w = new ObjectMapper().readTree(run.out()).get("weights");
        // Exact answer for σ = (0.3, 0.1), ρ = 0.3, b = (½, ½): w1/w2 = σ2/σ1 = 1/3; allow a few ulps.
        assertThat(w.get(0).asDouble()).isCloseTo(0.25, within(4 * Math.ulp(0.25)));
        assertThat(w.get(1).asDouble()).isCloseTo(0.75, within(4 * Math.ulp(0.75)));
    }

    @Test
    void roncalliExampleIsAValidNamedFourAssetErcProblem() {
        Path dir = EXAMPLES.resolve("roncalli4");
        LabeledMatrix m = CsvIo.readMatrix(dir.resolve("cov.csv"));

        RiskBudgetProblem p = new RiskBudgetProblem(m.values(), CsvIo.readVector(dir.resolve("budgets.csv")),
                m.names(), null);

        assertThat(p.assetNames()).hasSize(4).doesNotHaveDuplicates();
        assertThat(p.isErc()).isTrue();
        double[] vol = p.volatilities();
        double[] published = {0.10, 0.15, 0.20, 0.30};
        for (int i = 0; i < 4; i++) {
            assertThat(vol[i]).as("volatility %d", i).isCloseTo(published[i], within(1e-15));
        }
    }
}

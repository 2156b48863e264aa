package io.paritybench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.Solvers;
import io.paritybench.core.oracle.ClosedFormTwoAssets;
import io.paritybench.jmh.report.SideRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark states driven by hand (set-up, one invocation, tear-down), as JMH drives them, for every solver on
 * the class path: which combinations are timed, which are reported instead, and what reaches the side file. No
 * timing is asserted.
 */
class BenchmarkStatesTest {

    @TempDir
    Path dir;
    private Path side;

    @BeforeEach
    void sideFile() {
        side = dir.resolve("side.jsonl");
        System.setProperty(SideFile.PROPERTY, side.toString());
    }

    @AfterEach
    void noSideFile() {
        System.clearProperty(SideFile.PROPERTY);
    }

    private static SolverBenchmark solverBenchmark(String solver, String cap) {
        SolverBenchmark b = new SolverBenchmark();
        b.solver = solver;
        b.n = 10;
        b.kappa = "1e2";
        b.family = ProblemSource.RANDOM_SPECTRUM;
        b.tol = "1e-8";
        b.cap = cap;
        return b;
    }

    private static boolean handlesThreeAssets(RiskBudgetSolver s) {
        try {
            s.solve(RiskBudgetProblem.erc(new double[][] {{0.04, 0.01, 0}, {0.01, 0.09, 0.01}, {0, 0.01, 0.16}}),
                    SolverOptions.defaults());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @TestFactory
    Stream<DynamicTest> everySolverForLargerProblemsIsTimedAndCounted() {
        return Solvers.all().stream().filter(BenchmarkStatesTest::handlesThreeAssets).map(s -> dynamicTest(s.id(),
                () -> {
                    SolverBenchmark b = solverBenchmark(s.id(), "10");
                    b.setUp();
                    SolveCounters c = new SolveCounters();
                    SolveResult r = b.solve(c);
                    assertThat(r.solverId()).isEqualTo(s.id());
                    assertThat(c.solves).isEqualTo(1);
                    assertThat(c.failed).isEqualTo(r.isSuccess() ? 0 : 1);
                    Map<String, String> probe = SideRecords.read(side).get(0);
                    assertThat(probe).containsEntry("verdict", "TIMED").containsEntry("solver", s.id())
                            .containsEntry("status", r.status().name());
                }));
    }

    @TestFactory
    Stream<DynamicTest> aSolveLongerThanTheCapIsReportedNotTimed() {
        // a cap of 1 ns: every solve takes longer
        return Solvers.all().stream().filter(BenchmarkStatesTest::handlesThreeAssets).map(s -> dynamicTest(s.id(),
                () -> {
                    assertThatThrownBy(solverBenchmark(s.id(), "1e-9")::setUp).isInstanceOf(NotTimedException.class)
                            .hasMessageContaining("over the time cap");
                    assertThat(SideRecords.read(side).get(0)).containsEntry("verdict", "OVER_TIME_CAP");
                }));
    }

    @Test
    void aClosedFormForTwoAssetsIsNotApplicableToLargerProblems() throws IOException {
        assertThatThrownBy(solverBenchmark(ClosedFormTwoAssets.ID, "10")::setUp)
                .isInstanceOf(NotTimedException.class).hasMessageContaining("not applicable");
        List<Map<String, String>> records = SideRecords.read(side);
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).containsEntry("verdict", "NOT_APPLICABLE").containsEntry("n", "10");
    }

    @Test
    void anUnknownSolverIsASetupError() throws IOException {
        assertThatThrownBy(solverBenchmark("no-such-solver", "10")::setUp)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-solver");
        assertThat(SideRecords.read(side).get(0)).containsEntry("verdict", "SETUP_ERROR");
    }

    @TestFactory
    Stream<DynamicTest> everySolverRunsTheTwoAssetGridAndReportsItsWorstError() {
        return Solvers.ids().stream().map(id -> dynamicTest(id, () -> {
            TwoAssetBenchmark b = new TwoAssetBenchmark();
            b.solver = id;
            b.gridTol = "1e-12";
            b.cap = "10";
            b.setUp();
            SolveCounters c = new SolveCounters();
            for (int i = 0; i < 300; i++) {
                b.solve(c);
            }
            b.tearDown();
            assertThat(c.solves).isEqualTo(300);
            Map<String, String> r = SideRecords.read(side).get(0);
            assertThat(r).containsEntry("kind", "two-asset").containsEntry("solver", id)
                    .containsEntry("problems", "216").containsEntry("solves", "516");
            assertThat(r).containsKeys("maxWeightError", "maxConvergedWeightError", "maxResidual",
                    "maxConvergedWeightErrorOverAchievable");
        }));
    }

    @Test
    void theClosedFormIsItsOwnReferenceOnTheTwoAssetGrid() throws IOException {
        TwoAssetBenchmark b = new TwoAssetBenchmark();
        b.solver = ClosedFormTwoAssets.ID;
        b.gridTol = "1e-12";
        b.cap = "10";
        b.setUp();
        b.tearDown();
        Map<String, String> r = SideRecords.read(side).get(0);
        // the same formula on the same inputs; only the normalisation w/(w_1 + w_2) of the result may round
        assertThat(Double.parseDouble(r.get("maxConvergedWeightError"))).isLessThan(1e-15);
    }
}

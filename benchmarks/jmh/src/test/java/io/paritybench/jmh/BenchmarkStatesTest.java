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
        b.seed = "1";
        b.tol = "1e-8";
        b.cap = cap;
        return b;
    }

    /** @return the last side record of this kind for this solver */
    private Map<String, String> record(String kind, String solver) throws IOException {
        Map<String, String> found = null;
        for (Map<String, String> r : SideRecords.read(side)) {
            if (kind.equals(r.get("kind")) && solver.equals(r.get("solver"))) {
                found = r;
            }
        }
        assertThat(found).as(kind + " record of " + solver).isNotNull();
        return found;
    }

    @Test
    void theConditioningOfAProblemIsComputedOnceAndThenReadFromTheSideFile() throws IOException {
        BenchProblem first = ProblemSource.build(ProblemSource.RANDOM_SPECTRUM, 20, 1e6);
        BenchProblem second = ProblemSource.build(ProblemSource.RANDOM_SPECTRUM, 20, 1e6);
        long records = SideRecords.read(side).stream().filter(r -> "conditioning".equals(r.get("kind"))).count();
        assertThat(records).isEqualTo(1);
        assertThat(first.kappaWeights()).isGreaterThan(1).isEqualTo(second.kappaWeights());
        assertThat(first.floorNaive()).isEqualTo(second.floorNaive());
        assertThat(second.problem().covariance()).isDeepEqualTo(first.problem().covariance());
        // the achievable residual is never below the tolerance, nor below 1e-14
        assertThat(first.achievableResidual(1e-16)).isGreaterThanOrEqualTo(1e-14);
        assertThat(first.achievableResidual(1e-8)).isEqualTo(1e-8);
    }

    private static boolean handlesThreeAssets(RiskBudgetSolver s) {
        return s.supports(RiskBudgetProblem.erc(
                new double[][] {{0.04, 0.01, 0}, {0.01, 0.09, 0.01}, {0, 0.01, 0.16}}));
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
                    Map<String, String> probe = record("probe", s.id());
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
                    assertThat(record("probe", s.id())).containsEntry("verdict", "OVER_TIME_CAP");
                }));
    }

    @Test
    void aTrialWarmsUpByCountJudgesTheCapOnAWarmSolveAndTimesTheKernelsAfterItsMeasurement() throws IOException {
        assertThat(new picocli.CommandLine(new Prepare()).execute("-p", "n=10", "-p", "kappa=1e2", "-p",
                "family=random-spectrum", "-p", "seed=1")).isZero();
        SolverBenchmark b = solverBenchmark("ccd-spinu", "10");
        b.setUp();
        b.solve(new SolveCounters());
        b.tearDown();
        Map<String, String> probe = record("probe", "ccd-spinu");
        assertThat(probe).containsEntry("verdict", "TIMED").containsEntry("prepared", "true")
                .containsEntry("warmupSolves", Integer.toString(WarmUp.SOLVES)).containsKey("coldSeconds");
        Map<String, String> trial = record("trial", "ccd-spinu");
        assertThat(trial).containsEntry("config", b.config()).containsKeys("loadStart", "loadEnd", "gc", "jit",
                "maxHeapBytes", "jvmArgs");
        for (String kernel : new String[] {"matvecSeconds", "choleskySeconds", "residualSeconds"}) {
            assertThat(io.paritybench.jmh.report.TimingTable.numbers(trial.get(kernel))).as(kernel)
                    .hasSize(TrialKernels.BATCHES).allSatisfy(v -> assertThat(v).isPositive());
        }
    }

    @Test
    void aSeedListIsOneConfigurationWhoseInvocationsSolveEachInstanceInTurn() throws IOException {
        assertThat(SolverBenchmark.seeds("1")).containsExactly(1L);
        assertThat(SolverBenchmark.seeds("1+2+3")).containsExactly(1L, 2L, 3L);
        assertThatThrownBy(() -> SolverBenchmark.seeds("1+x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1+x");
        assertThatThrownBy(() -> SolverBenchmark.seeds("2+2")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Prepare.seeds(java.util.List.of("1+2", "2", "3"))).containsExactly("1", "2", "3");
        assertThat(new picocli.CommandLine(new Prepare()).execute("-p", "n=10", "-p", "kappa=1e2", "-p",
                "family=random-spectrum", "-p", "seed=1+2")).isZero();
        assertThat(SideRecords.read(side).stream().filter(r -> "conditioning".equals(r.get("kind")))).hasSize(2);
        SolverBenchmark b = solverBenchmark("newton", "10");
        b.seed = "1+2";
        b.setUp();
        SolveCounters c = new SolveCounters();
        SolveResult first = b.solve(c);
        SolveResult second = b.solve(c);
        SolveResult third = b.solve(c);
        assertThat(c.solves).isEqualTo(3);
        // two instances in turn: the first and third solves are of the same problem, the second of the other
        assertThat(third.weights()).containsExactly(first.weights());
        assertThat(second.weights()).isNotEqualTo(first.weights());
        b.tearDown();
        Map<String, String> probe = record("probe", "newton");
        assertThat(probe).containsEntry("verdict", "TIMED").containsEntry("seed", "1+2").containsEntry("prepared", "true")
                .containsEntry("warmupSolves", Integer.toString(2 * WarmUp.SOLVES)).containsKey("specs");
        assertThat(record("trial", "newton")).containsEntry("config", b.config());
    }

    @Test
    void theFactorBenchmarkWarmsUpJudgesItsFirstForkAgainstTheReferenceAndLaterForksSkipIt() throws IOException {
        FactorBenchmark first = factorBenchmark("newton", "60");
        first.setUp();
        SolveCounters c = new SolveCounters();
        SolveResult r = first.solve(c);
        first.tearDown();
        assertThat(c.solves).isEqualTo(1);
        assertThat(c.failed).isEqualTo(r.isSuccess() ? 0 : 1);
        Map<String, String> probe = record("factor-probe", "newton");
        assertThat(probe).containsEntry("verdict", "TIMED").containsEntry("shape", "300x5")
                .containsEntry("warmupSolves", Integer.toString(WarmUp.SOLVES))
                .containsEntry("referenceCertified", "true").containsKey("relWeightErrorVsReference");
        assertThat(Double.parseDouble(probe.get("relWeightErrorVsReference"))).isLessThan(1e-6);
        assertThat(record("factor-trial", "newton")).containsKeys("loadStart", "loadEnd");
        // a second fork reads the verdict and writes no second probe record
        FactorBenchmark second = factorBenchmark("newton", "60");
        second.setUp();
        assertThat(SideRecords.read(side).stream().filter(x -> "factor-probe".equals(x.get("kind")))).hasSize(1);
        // over the cap: reported, not timed, and later forks stop at once
        assertThatThrownBy(factorBenchmark("ccd-spinu", "1e-9")::setUp).isInstanceOf(NotTimedException.class)
                .hasMessageContaining("over the time cap");
        assertThatThrownBy(factorBenchmark("ccd-spinu", "1e-9")::setUp).isInstanceOf(NotTimedException.class)
                .hasMessageContaining("in an earlier fork");
    }

    @Test
    void theSolversWithAFactorPathAreListedForTheFactorBenchmark() {
        assertThat(SolverIds.factor()).contains("newton", "ccd-spinu", "reference").doesNotContain("sqp-ls");
    }

    private static FactorBenchmark factorBenchmark(String solver, String cap) {
        FactorBenchmark b = new FactorBenchmark();
        b.solver = solver;
        b.shape = "300x5";
        b.factorTol = "1e-10";
        b.factorCap = cap;
        return b;
    }

    @Test
    void aLaterForkOfAConfigurationThatWasNotTimedStopsAtOnceWithTheEarlierVerdict() throws IOException {
        SolverBenchmark first = solverBenchmark("ccd-grr", "1e-9");
        assertThatThrownBy(first::setUp).isInstanceOf(NotTimedException.class);
        SolverBenchmark second = solverBenchmark("ccd-grr", "1e-9");
        assertThatThrownBy(second::setUp).isInstanceOf(NotTimedException.class)
                .hasMessageContaining("in an earlier fork");
        assertThat(SideRecords.read(side).stream().filter(r -> "probe".equals(r.get("kind")))).hasSize(1);
        // the cap is judged after a few solves at the cap in a row, not after the first, cold one
        assertThat(record("probe", "ccd-grr").get("warmupSolves")).isEqualTo(Integer.toString(WarmUp.OVER_CAP_IN_A_ROW));
    }

    @Test
    void aClosedFormForTwoAssetsIsNotApplicableToLargerProblems() throws IOException {
        assertThatThrownBy(solverBenchmark(ClosedFormTwoAssets.ID, "10")::setUp)
                .isInstanceOf(NotTimedException.class).hasMessageContaining("not applicable");
        assertThat(record("probe", ClosedFormTwoAssets.ID)).containsEntry("verdict", "NOT_APPLICABLE")
                .containsEntry("n", "10");
    }

    @Test
    void anUnknownSolverIsASetupError() throws IOException {
        assertThatThrownBy(solverBenchmark("no-such-solver", "10")::setUp)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-solver");
        assertThat(record("probe", "no-such-solver")).containsEntry("verdict", "SETUP_ERROR");
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
            Map<String, String> r = record("two-asset", id);
            assertThat(r)
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
        Map<String, String> r = record("two-asset", ClosedFormTwoAssets.ID);
        // the same formula on the same inputs; only the normalisation w/(w_1 + w_2) of the result may round
        assertThat(Double.parseDouble(r.get("maxConvergedWeightError"))).isLessThan(1e-15);
    }
}

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
import io.paritybench.jmh.report.SideRecord;
import io.paritybench.jmh.report.SideRecords;
import java.io.IOException;
import java.nio.file.Path;
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

    /** @return the last side record of this type for this solver */
    private <T extends SideRecord> T record(Class<T> type, String solver) throws IOException {
        T found = null;
        for (T r : SideRecords.read(side, type)) {
            String id = r instanceof SideRecord.Probe p ? p.solver() : r instanceof SideRecord.Trial t ? t.solver()
                    : r instanceof SideRecord.FactorProbe f ? f.solver() : r instanceof SideRecord.FactorTrial g
                    ? g.solver() : r instanceof SideRecord.TwoAsset a ? a.solver() : null;
            if (solver.equals(id)) {
                found = r;
            }
        }
        assertThat(found).as(type.getSimpleName() + " record of " + solver).isNotNull();
        return found;
    }

    @Test
    void theConditioningOfAProblemIsComputedOnceAndThenReadFromTheSideFile() throws IOException {
        BenchProblem first = ProblemSource.build(ProblemSource.RANDOM_SPECTRUM, 20, 1e6);
        BenchProblem second = ProblemSource.build(ProblemSource.RANDOM_SPECTRUM, 20, 1e6);
        long records = SideRecords.read(side, SideRecord.Conditioning.class).size();
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
                    SideRecord.Probe probe = record(SideRecord.Probe.class, s.id());
                    assertThat(probe.verdict()).isEqualTo(Verdict.TIMED);
                    assertThat(probe.status()).isEqualTo(r.status());
                }));
    }

    @TestFactory
    Stream<DynamicTest> aSolveLongerThanTheCapIsReportedNotTimed() {
        // a cap of 1 ns: every solve takes longer
        return Solvers.all().stream().filter(BenchmarkStatesTest::handlesThreeAssets).map(s -> dynamicTest(s.id(),
                () -> {
                    assertThatThrownBy(solverBenchmark(s.id(), "1e-9")::setUp).isInstanceOf(NotTimedException.class)
                            .hasMessageContaining("over the time cap");
                    assertThat(record(SideRecord.Probe.class, s.id()).verdict()).isEqualTo(Verdict.OVER_TIME_CAP);
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
        SideRecord.Probe probe = record(SideRecord.Probe.class, "ccd-spinu");
        assertThat(probe.verdict()).isEqualTo(Verdict.TIMED);
        assertThat(probe.prepared()).isTrue();
        assertThat(probe.warmupSolves()).isEqualTo(WarmUp.SOLVES);
        assertThat(probe.coldSeconds()).isPositive();
        SideRecord.Trial trial = record(SideRecord.Trial.class, "ccd-spinu");
        assertThat(trial.config()).isEqualTo(b.config());
        assertThat(trial.loadStart()).isNotNull();
        assertThat(trial.loadEnd()).isNotNull();
        assertThat(trial.gc()).isNotBlank();
        assertThat(trial.jit()).isNotBlank();
        assertThat(trial.maxHeapBytes()).isPositive();
        assertThat(trial.jvmArgs()).isNotNull();
        for (double[] kernel : java.util.List.of(trial.matvecSeconds(), trial.choleskySeconds(),
                trial.residualSeconds())) {
            assertThat(kernel).hasSize(TrialKernels.BATCHES);
            assertThat(java.util.Arrays.stream(kernel).min().orElse(0)).isPositive();
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
        assertThat(SideRecords.read(side, SideRecord.Conditioning.class)).hasSize(2);
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
        SideRecord.Probe probe = record(SideRecord.Probe.class, "newton");
        assertThat(probe.verdict()).isEqualTo(Verdict.TIMED);
        assertThat(probe.seed()).isEqualTo("1+2");
        assertThat(probe.prepared()).isTrue();
        assertThat(probe.warmupSolves()).isEqualTo(2 * WarmUp.SOLVES);
        assertThat(probe.specs()).hasSize(2);
        assertThat(record(SideRecord.Trial.class, "newton").config()).isEqualTo(b.config());
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
        SideRecord.FactorProbe probe = record(SideRecord.FactorProbe.class, "newton");
        assertThat(probe.verdict()).isEqualTo(Verdict.TIMED);
        assertThat(probe.shape()).isEqualTo("300x5");
        assertThat(probe.warmupSolves()).isEqualTo(WarmUp.SOLVES);
        assertThat(probe.referenceCertified()).isTrue();
        assertThat(probe.relWeightErrorVsReference()).isLessThan(1e-6);
        SideRecord.FactorTrial trial = record(SideRecord.FactorTrial.class, "newton");
        assertThat(trial.loadStart()).isNotNull();
        assertThat(trial.loadEnd()).isNotNull();
        // a second fork reads the verdict and writes no second probe record
        FactorBenchmark second = factorBenchmark("newton", "60");
        second.setUp();
        assertThat(SideRecords.read(side, SideRecord.FactorProbe.class)).hasSize(1);
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
        assertThat(SideRecords.read(side, SideRecord.Probe.class)).hasSize(1);
        // the cap is judged after a few solves at the cap in a row, not after the first, cold one
        assertThat(record(SideRecord.Probe.class, "ccd-grr").warmupSolves()).isEqualTo(WarmUp.OVER_CAP_IN_A_ROW);
    }

    @Test
    void aClosedFormForTwoAssetsIsNotApplicableToLargerProblems() throws IOException {
        assertThatThrownBy(solverBenchmark(ClosedFormTwoAssets.ID, "10")::setUp)
                .isInstanceOf(NotTimedException.class).hasMessageContaining("not applicable");
        SideRecord.Probe probe = record(SideRecord.Probe.class, ClosedFormTwoAssets.ID);
        assertThat(probe.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(probe.n()).isEqualTo(10);
    }

    @Test
    void anUnknownSolverIsASetupError() throws IOException {
        assertThatThrownBy(solverBenchmark("no-such-solver", "10")::setUp)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-solver");
        assertThat(record(SideRecord.Probe.class, "no-such-solver").verdict()).isEqualTo(Verdict.SETUP_ERROR);
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
            SideRecord.TwoAsset r = record(SideRecord.TwoAsset.class, id);
            assertThat(r.problems()).isEqualTo(216);
            assertThat(r.solves()).isEqualTo(516L);
            assertThat(r.maxWeightError()).isNotNull();
            assertThat(r.maxConvergedWeightError()).isNotNull();
            assertThat(r.maxResidual()).isNotNull();
            assertThat(r.maxConvergedWeightErrorOverAchievable()).isNotNull();
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
        SideRecord.TwoAsset r = record(SideRecord.TwoAsset.class, ClosedFormTwoAssets.ID);
        // the same formula on the same inputs; only the normalisation w/(w_1 + w_2) of the result may round
        assertThat(r.maxConvergedWeightError()).isLessThan(1e-15);
    }
}

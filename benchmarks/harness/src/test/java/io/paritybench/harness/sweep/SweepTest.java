package io.paritybench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end sweeps with the test doubles of {@link SweepTestSolvers}, run in real worker JVMs (which inherit the
 * test class path, so they see the doubles).
 */
class SweepTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path tmp;

    /** A small grid: random-spectrum n = 5, κ = 100, ERC, fast-starting workers, short limits. */
    static SweepConfig small(String solvers, String seeds) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("solvers", solvers);
        m.put("families", "random-spectrum");
        m.put("n", "5");
        m.put("kappa", "1e2");
        m.put("budgets", "equal");
        m.put("seeds", seeds);
        m.put("time-limit", "200ms");
        m.put("watchdog", "1500ms");
        m.put("n2", "false");
        m.put("bisect", "false");
        m.put("measure", "false");
        m.put("structured", "false");
        m.put("jobs", "1");
        m.put("worker.jvm-args", "-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        return SweepConfig.defaults().with(m);
    }

    private static Sweep.Settings settings(Path file) {
        return Sweep.Settings.of(file).withLog(QUIET);
    }

    private static Map<String, Set<Outcome>> outcomesBySolver(List<TrialRecord> rows) {
        return rows.stream().collect(Collectors.groupingBy(r -> r.key().solver(),
                Collectors.mapping(r -> r.judgement().outcome(), Collectors.toSet())));
    }

    private static List<TrialRecord> canonical(List<TrialRecord> rows) {
        return rows.stream().map(TrialRecord::withoutTiming).sorted(ShardMerge.ORDER).toList();
    }

    @Test
    void aRiskMeasureProblemIsSolvedByTheSolversThatSupportItAndNotApplicableToTheOthers() throws IOException {
        SweepConfig c = small("newton,inverse-vol," + SweepTestSolvers.EXACT, "1").with(Map.of("measure", "true",
                "measure.measures", "var:0.99, es:0.975", "measure.families", "random-spectrum", "measure.n", "6",
                "measure.kappa", "1e3", "measure.budgets", "dirichlet:1", "measure.seeds", "2",
                // below every floor, so newton runs to its noise floor like the reference
                "tolerance", "1e-15"));
        Path file = tmp.resolve("m.csv");

        Sweep.Summary s = new Sweep(c, SweepPlan.of(c), settings(file)).run();

        List<TrialRecord> rows = ResultsCsv.read(file).rows();
        List<TrialRecord> measured = rows.stream().filter(r -> r.key().stage() == Stage.MEASURE).toList();
        assertThat(s.skippedProblems()).isZero();
        assertThat(measured).hasSize(2 * 3);
        assertThat(measured).extracting(r -> r.key().measure()).containsOnly("var:0.99", "es:0.975");
        assertThat(outcomesBySolver(measured)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "newton", Set.of(Outcome.OK),
                "inverse-vol", Set.of(Outcome.NOT_APPLICABLE),
                SweepTestSolvers.EXACT, Set.of(Outcome.NOT_APPLICABLE)));
        for (TrialRecord r : measured) {
            assertThat(r.reference().kind()).isEqualTo(ProblemReference.Kind.REFERENCE_UNCERTIFIED);
            if (r.key().solver().equals("newton")) {
                // Two double Newton solutions of the same problem: within the achievable max(1e-13, 100·κ_w·u).
                assertThat(r.judgement().wRel()).isLessThanOrEqualTo(Math.max(1e-13, 100 * r.facts().kappaW() * 0x1p-53));
                assertThat(r.judgement().rrcAbs()).isLessThanOrEqualTo(r.judgement().tolerance());
            }
        }
        // The volatility grid is untouched: its rows are volatility rows.
        assertThat(rows.stream().filter(r -> r.key().stage() == Stage.GRID)).isNotEmpty()
                .allMatch(r -> r.key().measure().equals("volatility"));

        Path report = tmp.resolve("report").resolve("REPORT.md");
        io.paritybench.harness.sweep.report.SweepReport.write(file, report, tmp.resolve("report"));
        String md = Files.readString(report);
        assertThat(md).contains("Rates by risk measure", "Accuracy by risk measure", "var:0.99", "es:0.975");
    }

    @Test
    void aProblemWithoutSolutionIsSkippedWithANote() {
        // μ_i = σ_i·s_i with s_i ≤ 5 % and c = 2.33: the solution exists. With σ scaled so that one asset has a
        // Sharpe ratio above c the long-only maximal Sharpe ratio exceeds c and there is no solution.
        double[][] cov = {{1e-4, 0}, {0, 1e-4}};
        io.paritybench.core.RiskBudgetProblem p = io.paritybench.core.RiskBudgetProblem.erc(cov)
                .withMeasure(io.paritybench.core.RiskMeasure.gaussianVaR(0.99, new double[] {0.5, 0.0}));
        ProblemReference ref = References.referenceSolver(p);
        assertThat(ref.kind()).isEqualTo(ProblemReference.Kind.NO_SOLUTION);
        assertThat(ref.hasWeights()).isFalse();
        assertThat(ref.note()).contains("no solution");
    }

    @Test
    void aLyingSolverIsASilentFailureAHangIsATimeoutAThrowIsAnExceptionAndTheSweepGoesOn() {
        // The hanging solver comes first on every problem: the trials after it must still run.
        SweepConfig c = small(String.join(",", SweepTestSolvers.HANGING, SweepTestSolvers.LYING,
                SweepTestSolvers.THROWING, SweepTestSolvers.EXACT), "1-2");
        Path file = tmp.resolve("r.csv");

        Sweep.Summary s = new Sweep(c, SweepPlan.of(c), settings(file)).run();

        List<TrialRecord> rows = ResultsCsv.read(file).rows();
        assertThat(rows).hasSize(8);
        assertThat(outcomesBySolver(rows)).containsExactlyInAnyOrderEntriesOf(Map.of(
                SweepTestSolvers.HANGING, Set.of(Outcome.TIMEOUT),
                SweepTestSolvers.LYING, Set.of(Outcome.CLAIMED_SUCCESS_BUT_INACCURATE),
                SweepTestSolvers.THROWING, Set.of(Outcome.EXCEPTION),
                SweepTestSolvers.EXACT, Set.of(Outcome.OK)));
        // Each timeout killed its worker: one initial worker plus one per timeout.
        assertThat(s.workerStarts()).isEqualTo(3);
        for (TrialRecord r : rows) {
            if (r.key().solver().equals(SweepTestSolvers.LYING)) {
                assertThat(r.result().status()).isEqualTo(io.paritybench.core.SolveStatus.CONVERGED);
                assertThat(r.judgement().rrcAbs()).isGreaterThan(r.judgement().tolerance());
                assertThat(r.judgement().message()).contains("harness max|RRC-b|");
            }
            if (r.key().solver().equals(SweepTestSolvers.THROWING)) {
                assertThat(r.judgement().message()).startsWith(ArithmeticException.class.getName());
            }
            if (r.key().solver().equals(SweepTestSolvers.EXACT)) {
                // Correctly rounded weights normalised once more: within a few ulps of the reference.
                assertThat(r.judgement().wRel()).isLessThan(1e-15);
                assertThat(r.reference().kind()).isEqualTo(ProblemReference.Kind.REFERENCE_SOLVER);
                assertThat(r.judgement().atFloor()).isTrue();
            }
        }
        RunInfo info = RunInfo.read(RunInfo.pathFor(file));
        assertThat(info.environment().cpu()).isNotBlank();
        assertThat(info.environment().jvm()).isNotBlank();
        assertThat(info.environment().libraries()).containsKeys("ejml", "picocli");
        assertThat(info.config()).containsEntry("seeds", "1-2");
        assertThat(info.summary().trialsRun()).isEqualTo(8);
        assertThat(info.summary().outcomes()).containsEntry(Outcome.TIMEOUT, 2L);
        assertThat(info.finished()).isNotNull();
    }

    @Test
    void anythingThrownOnASupportedProblemIsAnExceptionAndANullOrAnExitIsNeverASilentRow() {
        SweepConfig c = small(String.join(",", SweepTestSolvers.ILLEGAL, SweepTestSolvers.NULL,
                SweepTestSolvers.EXITING, SweepTestSolvers.EXACT), "1");
        Path file = tmp.resolve("x.csv");

        new Sweep(c, SweepPlan.of(c), settings(file)).run();

        List<TrialRecord> rows = ResultsCsv.read(file).rows();
        assertThat(rows).hasSize(4);
        assertThat(outcomesBySolver(rows)).containsExactlyInAnyOrderEntriesOf(Map.of(
                SweepTestSolvers.ILLEGAL, Set.of(Outcome.EXCEPTION),
                SweepTestSolvers.NULL, Set.of(Outcome.EXCEPTION),
                SweepTestSolvers.EXITING, Set.of(Outcome.EXCEPTION),
                SweepTestSolvers.EXACT, Set.of(Outcome.OK)));
        Map<String, String> messages = rows.stream().collect(Collectors.toMap(r -> r.key().solver(),
                r -> r.judgement().message()));
        assertThat(messages.get(SweepTestSolvers.ILLEGAL))
                .startsWith(IllegalArgumentException.class.getName() + ": dimension mismatch");
        assertThat(messages.get(SweepTestSolvers.NULL)).contains("solve returned null");
        assertThat(messages.get(SweepTestSolvers.EXITING)).contains("exit code 0");
    }

    @Test
    void resumeAfterAnInterruptedRunRepeatsNoFinishedTrial() throws IOException {
        SweepConfig c = small(SweepTestSolvers.EXACT + "," + SweepTestSolvers.LYING, "1-3");
        Path file = tmp.resolve("r.csv");
        Sweep.Summary first = new Sweep(c, SweepPlan.of(c), settings(file).withStopAfter(4)).run();
        assertThat(first.interrupted()).isTrue();
        assertThat(first.executed()).hasSize(4);
        // A kill while the fifth row was being written leaves a torn line without its line end.
        Files.writeString(file, "grid|gen:random-spectrum:n=5,kappa=100,budg", StandardOpenOption.APPEND);

        Sweep.Summary second = new Sweep(c, SweepPlan.of(c), settings(file).withResume(true)).run();

        assertThat(second.interrupted()).isFalse();
        assertThat(second.reused()).isEqualTo(4);
        assertThat(second.executed()).hasSize(2).doesNotContainAnyElementsOf(first.executed());
        List<TrialRecord> rows = ResultsCsv.read(file).rows();
        assertThat(rows).hasSize(6);
        assertThat(rows.stream().map(t -> t.key().id()).distinct()).hasSize(6);
        assertThat(ResultsCsv.read(file).dropped()).isZero();

        Path fresh = tmp.resolve("fresh.csv");
        new Sweep(c, SweepPlan.of(c), settings(fresh)).run();
        assertThat(canonical(rows)).isEqualTo(canonical(ResultsCsv.read(fresh).rows()));
    }

    @Test
    void shardsMergedEqualTheUnshardedRunAndTheBisectionFindsTheBreakingPoint() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("n", "4");
        m.put("kappa", "1e1,1e4");
        m.put("n2", "true");
        m.put("n2.rho", "-0.5,0.9");
        m.put("n2.vol-ratio", "1,10");
        m.put("n2.budget", "0.3");
        m.put("bisect", "true");
        m.put("bisect.n", "4");
        m.put("bisect.kappa-min", "1e1");
        m.put("bisect.kappa-max", "1e5");
        m.put("bisect.resolution", "1");
        m.put("bisect.seeds", "2");
        m.put("jobs", "2");
        SweepConfig c = small(SweepTestSolvers.EXACT + "," + SweepTestSolvers.KAPPA_LIMITED, "1-2").with(m);
        Path whole = tmp.resolve("whole.csv");
        Sweep.Summary all = new Sweep(c, SweepPlan.of(c), settings(whole)).run();

        SweepConfig one = c.with("jobs", "1");
        Path a = tmp.resolve("shard-1.csv");
        Path b = tmp.resolve("shard-2.csv");
        new Sweep(one, SweepPlan.of(one), settings(a).withShard(Shard.parse("0/2"))).run();
        new Sweep(one, SweepPlan.of(one), settings(b).withShard(Shard.parse("1/2"))).run();
        ShardMerge.Result merged = ShardMerge.merge(List.of(b, a));

        assertThat(merged.warnings()).isEmpty();
        assertThat(merged.duplicates()).isZero();
        List<TrialRecord> unsharded = ResultsCsv.read(whole).rows();
        assertThat(canonical(merged.rows())).isEqualTo(canonical(unsharded));
        // The shards are a partition: no trial in both.
        Set<String> keysA = new HashSet<>(ResultsCsv.read(a).rows().stream().map(t -> t.key().id()).toList());
        assertThat(ResultsCsv.read(b).rows()).noneMatch(r -> keysA.contains(r.key().id()));
        // 4 grid problems and 4 two-asset problems for each of the 2 solvers, plus the bisection.
        assertThat(unsharded.stream().filter(r -> r.key().stage() != Stage.BISECT)).hasSize(16);
        assertThat(all.breakingPoints()).containsExactlyInAnyOrder(
                SweepTestSolvers.EXACT + " n=4: >= 1e5",
                SweepTestSolvers.KAPPA_LIMITED + " n=4: 1e3 (fails at 1e4)");
        assertThat(unsharded).filteredOn(r -> r.key().stage() == Stage.N2)
                .allSatisfy(r -> assertThat(r.reference().kind()).isEqualTo(ProblemReference.Kind.CLOSED_FORM))
                .allSatisfy(r -> assertThat(r.reference().crossCheck()).isLessThan(1e-15));
    }

    @Test
    void caseFoldersAreScoredAgainstTheirStoredReference() throws URISyntaxException {
        Path cases = Path.of(SweepTest.class.getResource("/sweep-cases").toURI());
        SweepConfig c = small(SweepTestSolvers.EXACT + "," + SweepTestSolvers.TWO_ONLY, "1");
        Path file = tmp.resolve("cases.csv");

        new Sweep(c, SweepPlan.of(c, cases, false, false), settings(file)).run();

        List<TrialRecord> rows = ResultsCsv.read(file).rows();
        assertThat(rows).hasSize(4).allSatisfy(r -> {
            assertThat(r.key().stage()).isEqualTo(Stage.CASES);
            assertThat(r.reference().kind()).isEqualTo(ProblemReference.Kind.CASE_FILE);
        });
        assertThat(rows).filteredOn(r -> r.key().solver().equals(SweepTestSolvers.EXACT))
                .allSatisfy(r -> assertThat(r.judgement().outcome()).isEqualTo(Outcome.OK));
        assertThat(rows).filteredOn(r -> r.key().solver().equals(SweepTestSolvers.TWO_ONLY))
                .extracting(r -> r.key().n() + ":" + r.judgement().outcome())
                .containsExactlyInAnyOrder("2:OK", "10:NOT_APPLICABLE");
    }

    @Test
    void theStructuredBlockRunsOnlyTheSolversThatTakeTheFactorForm() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("structured", "true");
        m.put("structured.n", "300");
        m.put("structured.seeds", "1");
        m.put("time-limit", "5s");
        m.put("watchdog", "30s");
        SweepConfig c = small("newton,sqp-ls", "1").with(m);
        Path f = tmp.resolve("structured.csv");

        new Sweep(c, SweepPlan.of(c), settings(f)).run();

        List<TrialRecord> rows = ResultsCsv.read(f).rows().stream()
                .filter(r -> r.key().stage() == Stage.STRUCTURED).toList();
        assertThat(rows).as("sqp-ls does not take the factor form: no row").singleElement()
                .satisfies(r -> {
                    assertThat(r.key().solver()).isEqualTo("newton");
                    assertThat(r.key().problem()).startsWith("factor-form:factor:n=300");
                    assertThat(r.judgement().outcome()).as(r.judgement().message()).isEqualTo(Outcome.OK);
                    assertThat(r.reference().certified()).isTrue();
                    assertThat(r.judgement().wRel()).isLessThan(1e-8);
                });
    }
}

package io.paritybench.harness.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.Solvers;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.cases.CaseFiles;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import io.paritybench.core.testing.FactorProblems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every solver on the class path (the harness's test doubles aside) traced on a case with a reference and on a
 * two-asset problem: at least one point or a reason; iterations increasing, times non-decreasing; the last point's
 * residual equal to the untraced solve's to the last bit. No timing is asserted.
 */
class TracerTest {

    private static final SolverOptions OPTIONS = SolverOptions.defaults().withTolerance(1e-12)
            .withTimeLimit(Duration.ofSeconds(30));

    static Stream<Arguments> solversAndProblems() throws Exception {
        CaseData rs10 = CaseFiles.read(Path.of(TracerTest.class.getResource("/cases/rs_n10_kappa1e2").toURI()));
        CaseData two = CaseFiles.read(Path.of(TracerTest.class.getResource("/sweep-cases/n2_rho0.3_b0.5").toURI()));
        return Solvers.all().stream().filter(s -> !s.id().startsWith("test-"))
                .flatMap(s -> Stream.of(Arguments.of(s.id(), rs10), Arguments.of(s.id(), two)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("solversAndProblems")
    void everySolverLeavesATraceThatEndsAtItsUntracedResult(String id, CaseData c) {
        RiskBudgetSolver solver = Solvers.byId(id);
        SolverTrace t = new Tracer(c.problem(), c.referenceWeights(), OPTIONS, 1, 2, 64).trace(solver);
        if (!t.ran()) {
            assertThat(t.message()).as("a built-in solver that cannot run declines and says why")
                    .startsWith(SolverTrace.NOT_APPLICABLE + ": ").hasSizeGreaterThan(20);
            return;
        }
        List<TracePoint> points = t.points();
        assertThat(points).as("at least one point").isNotEmpty();
        assertThat(t.matchesUntraced()).as("same iterates traced and untraced").isTrue();
        for (int k = 1; k < points.size(); k++) {
            TracePoint a = points.get(k - 1);
            TracePoint b = points.get(k);
            assertThat(b.seconds()).isGreaterThanOrEqualTo(a.seconds());
            if (b.kind() == TracePoint.Kind.ITERATE) {
                assertThat(b.iteration()).isGreaterThan(a.iteration());
            }
        }
        assertThat(points.stream().filter(p -> p.kind() == TracePoint.Kind.RESULT).count()).isLessThanOrEqualTo(1);
        SolveResult untraced = solver.solve(c.problem(), OPTIONS);
        double last = points.get(points.size() - 1).maxAbsRrcError();
        assertThat(Double.doubleToLongBits(last)).as("last traced residual %s vs untraced %s", last,
                untraced.residual()).isEqualTo(Double.doubleToLongBits(untraced.residual()));
        assertThat(points.get(points.size() - 1).maxRelWeightError()).as("w_rel against the reference").isFinite();
        assertThat(t.status()).isEqualTo(untraced.status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("iterative")
    void iterativeSolversReportTheirIterationsNotJustTheirResult(String id) {
        var problem = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(30, 1e4, 7));
        SolverTrace t = new Tracer(problem, null, OPTIONS, 0, 1, 1024).trace(Solvers.byId(id));
        assertThat(t.reportedIterates()).as("%s: %s", t.statusLabel(), t.message()).isGreaterThan(1);
        assertThat(t.points().get(t.points().size() - 1).maxRelWeightError()).as("no reference: NaN").isNaN();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("iterative")
    void factorFormProblemsAreTracedToo(String id) {
        var problem = FactorProblems.problem(5, 40, 3, true);
        RiskBudgetSolver solver = Solvers.byId(id);
        SolverTrace t = new Tracer(problem, null, OPTIONS, 0, 1, 1024).trace(solver);
        if (!solver.supports(problem)) {
            assertThat(t.statusLabel()).isEqualTo(SolverTrace.NOT_APPLICABLE);
            return;
        }
        assertThat(t.reportedIterates()).as("%s: %s", t.statusLabel(), t.message()).isGreaterThan(1);
        assertThat(t.matchesUntraced()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aSolverThatThrowsIsReportedAsAnExceptionNotTraced() {
        var problem = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(5, 10, 1));
        SolverTrace t = new Tracer(problem, null, OPTIONS, 1, 1, 16).trace(Solvers.byId("test-throwing"));
        assertThat(t.ran()).isFalse();
        assertThat(t.statusLabel()).isEqualTo(SolverTrace.EXCEPTION);
        assertThat(t.message()).contains("ArithmeticException");
        assertThat(t.points()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aSolverThatReportsNothingStillEndsAtItsResult() {
        var problem = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(5, 10, 1));
        // the lying double returns 1/n and claims CONVERGED with residual 0; the judge recomputes the residual
        SolverTrace t = new Tracer(problem, null, OPTIONS, 1, 1, 16).trace(Solvers.byId("test-lying"));
        assertThat(t.reportedIterates()).isZero();
        assertThat(t.points()).hasSize(1);
        assertThat(t.points().get(0).kind()).isEqualTo(TracePoint.Kind.RESULT);
        double[] uniform = new double[5];
        java.util.Arrays.fill(uniform, 0.2);
        assertThat(t.points().get(0).maxAbsRrcError()).isEqualTo(
                io.paritybench.core.ConvergenceTest.residual(problem, uniform)).isGreaterThan(1e-6);
    }

    static Stream<String> iterative() {
        return Solvers.ids().stream().filter(id -> !id.startsWith("test-") && !id.equals("closed-form-n2")
                && !id.equals("inverse-vol"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("iterative")
    void recorderBoundKeepsTheLastIterate(String id) {
        var problem = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(12, 1e3, 3));
        SolverTrace small = new Tracer(problem, null, OPTIONS, 0, 1, 4).trace(Solvers.byId(id));
        SolverTrace large = new Tracer(problem, null, OPTIONS, 0, 1, 1 << 16).trace(Solvers.byId(id));
        TracePoint a = small.points().get(small.points().size() - 1);
        TracePoint b = large.points().get(large.points().size() - 1);
        assertThat(a.iteration()).isEqualTo(b.iteration());
        assertThat(Double.doubleToLongBits(a.maxAbsRrcError())).isEqualTo(Double.doubleToLongBits(b.maxAbsRrcError()));
        assertThat(small.points().size()).isLessThanOrEqualTo(5);
    }
}

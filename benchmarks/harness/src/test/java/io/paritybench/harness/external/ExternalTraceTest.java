package io.paritybench.harness.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.cases.CaseFiles;
import io.paritybench.harness.trace.SolverTrace;
import io.paritybench.harness.trace.TracePoint;
import io.paritybench.harness.trace.Tracer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The optional {@code trace} array of an external answer: read into records and checked ({@link ExternalTrace}),
 * then judged by the {@link Tracer} exactly as a built-in solver's iterates. No timing is asserted.
 */
class ExternalTraceTest {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final SolverOptions OPTIONS = SolverOptions.defaults().withTolerance(1e-9)
            .withTimeLimit(Duration.ofSeconds(60));

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @BeforeEach
    void stubs() {
        ExternalSolvers.use(Stubs.definitions());
    }

    @AfterEach
    void none() {
        ExternalSolvers.use(null);
    }

    private static CaseData rs10() throws Exception {
        return CaseFiles.read(Path.of(ExternalTraceTest.class.getResource("/cases/rs_n10_kappa1e2").toURI()));
    }

    @Test
    void aHandWrittenTraceIsReadIntoItsSteps() throws Exception {
        ExternalTrace t = ExternalTrace.parse(json("""
                [{"iteration": 0, "seconds": 0.0, "weights": [0.5, 0.5]},
                 {"iteration": 3, "seconds": 0.25, "weights": [0.25, 0.75], "note": "ignored"},
                 {"iteration": 4, "seconds": 0.25, "weights": [2, 6]}]"""), 2);

        assertThat(t.valid()).as(t.error()).isTrue();
        assertThat(t.steps()).extracting(ExternalTrace.Step::iteration).containsExactly(0, 3, 4);
        assertThat(t.steps()).extracting(ExternalTrace.Step::seconds).containsExactly(0.0, 0.25, 0.25);
        assertThat(t.steps().get(2).weights()).containsExactly(2.0, 6.0);
    }

    @Test
    void noTraceIsAbsentNotRejected() throws Exception {
        assertThat(ExternalTrace.parse(null, 3)).isEqualTo(ExternalTrace.ABSENT);
        assertThat(ExternalTrace.parse(json("null"), 3).present()).isFalse();
        ExternalTrace empty = ExternalTrace.parse(json("[]"), 3);
        assertThat(empty.valid()).isTrue();
        assertThat(empty.steps()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not an array        | {\"iteration\": 0}                                                             | not an array",
        "entry not an object | [1, 2]                                                                        | trace[0] is not an object",
        "repeated iteration  | [{\"iteration\": 1, \"seconds\": 0, \"weights\": [1, 1]}, {\"iteration\": 1, \"seconds\": 1, \"weights\": [1, 1]}] | trace[1]: iteration 1 does not increase",
        "time going back     | [{\"iteration\": 1, \"seconds\": 2, \"weights\": [1, 1]}, {\"iteration\": 2, \"seconds\": 1, \"weights\": [1, 1]}] | trace[1]: seconds 1.0 is before",
        "negative time       | [{\"iteration\": 1, \"seconds\": -1, \"weights\": [1, 1]}]                     | not a finite number >= 0",
        "infinite time       | [{\"iteration\": 1, \"seconds\": Infinity, \"weights\": [1, 1]}]               | not a finite number >= 0",
        "short iterate       | [{\"iteration\": 1, \"seconds\": 0, \"weights\": [1]}]                         | trace[0]: 1 weights for n = 2",
        "NaN weight          | [{\"iteration\": 1, \"seconds\": 0, \"weights\": [NaN, 1]}]                    | weight 0 is not finite",
        "null weight         | [{\"iteration\": 1, \"seconds\": 0, \"weights\": [1, null]}]                   | weight 1 is not finite",
        "missing weights     | [{\"iteration\": 1, \"seconds\": 0}]                                           | needs 'iteration', 'seconds' and 'weights'",
        "fractional iteration| [{\"iteration\": 1.5, \"seconds\": 0, \"weights\": [1, 1]}]                    | trace[0]:",
        "negative iteration  | [{\"iteration\": -1, \"seconds\": 0, \"weights\": [1, 1]}]                     | iteration -1 is negative",
        "weights not numbers | [{\"iteration\": 1, \"seconds\": 0, \"weights\": \"w\"}]                       | trace[0]:"})
    void aBadTraceIsRejectedWithTheReason(String what, String trace, String reason) throws Exception {
        ExternalTrace t = ExternalTrace.parse(json(trace), 2);

        assertThat(t.present()).isTrue();
        assertThat(t.valid()).isFalse();
        assertThat(t.steps()).isEmpty();
        assertThat(t.error()).contains(reason);
    }

    @Test
    void aBadTraceDoesNotFailTheAnswer() throws Exception {
        CaseData c = rs10();
        ExternalSolver ext = (ExternalSolver) ExternalSolvers.byId("stub-trace-order");
        ExternalRun run = ext.run(c.problem(), OPTIONS, Duration.ofSeconds(120));

        assertThat(run).isInstanceOf(ExternalRun.Answered.class);
        ExternalRun.Answered a = (ExternalRun.Answered) run;
        assertThat(a.claimsSuccess()).isTrue();
        assertThat(a.weights()).hasSize(10);
        assertThat(a.trace().valid()).isFalse();
        assertThat(a.trace().error()).contains("does not increase");
    }

    /** The tests of the built-in traces (TracerTest), on an external command's trace. */
    @Test
    void anExternalTraceIsJudgedLikeABuiltInOneAndEndsAtItsUntracedResult() throws Exception {
        CaseData c = rs10();
        ExternalSolver ext = (ExternalSolver) ExternalSolvers.byId("stub-ok");
        SolverTrace t = new Tracer(c.problem(), c.referenceWeights(), OPTIONS, 1, 2, 64).trace(ext);

        assertThat(t.ran()).as(t.message()).isTrue();
        List<TracePoint> points = t.points();
        assertThat(t.reportedIterates()).as("the stub reports every sweep").isGreaterThan(2);
        assertThat(points.get(0).iteration()).isZero();
        for (int k = 1; k < points.size(); k++) {
            assertThat(points.get(k).seconds()).isGreaterThanOrEqualTo(points.get(k - 1).seconds());
            if (points.get(k).kind() == TracePoint.Kind.ITERATE) {
                assertThat(points.get(k).iteration()).isGreaterThan(points.get(k - 1).iteration());
            }
        }
        assertThat(points.get(points.size() - 1).kind()).as("the last iterate is the answer")
                .isEqualTo(TracePoint.Kind.ITERATE);
        SolveResult untraced = ext.solve(c.problem(), OPTIONS);
        double last = points.get(points.size() - 1).maxAbsRrcError();
        assertThat(Double.doubleToLongBits(last)).as("last traced residual %s", last)
                .isEqualTo(Double.doubleToLongBits(ConvergenceTest.residual(c.problem(), untraced.weights())));
        assertThat(last).isLessThanOrEqualTo(1e-9);
        assertThat(points.get(points.size() - 1).maxRelWeightError()).as("w_rel against the reference").isFinite();
        assertThat(t.status()).isEqualTo(untraced.status());
        assertThat(t.note()).contains("the command's own");
        assertThat(t.repeats()).isBetween(1, 2);
    }

    @Test
    void anAnswerWithoutATraceOrWithARejectedOneEndsAtItsResult() throws Exception {
        CaseData c = rs10();
        SolverTrace liar = new Tracer(c.problem(), null, OPTIONS, 0, 1, 64).trace(ExternalSolvers.byId("stub-liar"));
        SolverTrace bad = new Tracer(c.problem(), null, OPTIONS, 0, 1, 64)
                .trace(ExternalSolvers.byId("stub-trace-nan"));

        assertThat(liar.points()).hasSize(1);
        assertThat(liar.points().get(0).kind()).isEqualTo(TracePoint.Kind.RESULT);
        assertThat(liar.points().get(0).maxAbsRrcError()).as("the harness judges the 1/n weights")
                .isGreaterThan(1e-6);
        assertThat(liar.note()).contains("no trace");
        assertThat(bad.points()).hasSize(1);
        assertThat(bad.points().get(0).kind()).isEqualTo(TracePoint.Kind.RESULT);
        assertThat(bad.points().get(0).maxAbsRrcError()).isLessThanOrEqualTo(1e-9);
        assertThat(bad.note()).contains("rejected").contains("weight 0 is not finite");
    }

    @Test
    void aFailedCommandIsAnExceptionAndAFactorFormProblemIsNotApplicable() throws Exception {
        CaseData c = rs10();
        SolverTrace crash = new Tracer(c.problem(), null, OPTIONS, 0, 1, 64).trace(ExternalSolvers.byId("stub-crash"));
        var factor = io.paritybench.core.testing.FactorProblems.problem(5, 40, 3, true);
        SolverTrace cannot = new Tracer(factor, null, OPTIONS, 0, 1, 64).trace(ExternalSolvers.byId("stub-ok"));

        assertThat(crash.ran()).isFalse();
        assertThat(crash.statusLabel()).isEqualTo(SolverTrace.EXCEPTION);
        assertThat(crash.message()).contains("boom: cannot factorise");
        assertThat(cannot.statusLabel()).isEqualTo(SolverTrace.NOT_APPLICABLE);
        assertThat(cannot.message()).contains("factor form");
    }
}

package io.paritybench.harness.sweep;

import io.paritybench.core.Criterion;
import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.cases.AccuracyTolerance;
import io.paritybench.core.generate.GeneratorSpec;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Classification of worker replies, without worker JVMs. */
class ClassifierTest {

    private static final SweepProblem PROBLEM = new SweepProblem.Generated(GeneratorSpec.randomSpectrum(6, 1e3, 11));
    private static final RiskBudgetProblem BUILT = PROBLEM.build();
    private static final ProblemReference REF = References.compute(PROBLEM, BUILT);
    private static final double TOL = 1e-10;

    private static Trial trial() {
        return new Trial(Stage.GRID, 0, PROBLEM, "s", TOL, 0, Duration.ofSeconds(1));
    }

    private static TrialRecord classify(SolveStatus status, double[] w) {
        return classify(REF, status, w);
    }

    private static TrialRecord classify(ProblemReference ref, SolveStatus status, double[] w) {
        return Classifier.classify(trial(), ref, BUILT, TOL, Criterion.ABS,
                new WorkerReply.Solved(status, w, 5, 0.0, 1000, "m"));
    }

    private static double[] equalWeights() {
        double[] w = new double[BUILT.n()];
        Arrays.fill(w, 1.0 / w.length);
        return w;
    }

    @Test
    void theReferenceIsCertifiedAndTheConditioningIsKnown() {
        assertThat(REF.kind()).isEqualTo(ProblemReference.Kind.REFERENCE_SOLVER);
        assertThat(REF.kappaSigma()).isBetween(0.999e3, 1.001e3);
        assertThat(REF.kappaW()).isGreaterThanOrEqualTo(1);
        assertThat(REF.accuracy()).isNotNull();
    }

    @Test
    void convergedWithTheReferenceWeightsIsOkAndAtTheFloor() {
        TrialRecord r = classify(SolveStatus.CONVERGED, REF.weights());

        assertThat(r.judgement().outcome()).isEqualTo(Outcome.OK);
        assertThat(r.judgement().wRel()).isLessThanOrEqualTo(0x1p-52);
        assertThat(r.judgement().atFloor()).isTrue();
        assertThat(r.result().status()).isEqualTo(SolveStatus.CONVERGED);
    }

    @Test
    void convergedWithWrongWeightsIsASilentFailureFoundByTheResidual() {
        TrialRecord r = classify(SolveStatus.CONVERGED, equalWeights());

        assertThat(r.judgement().outcome()).isEqualTo(Outcome.CLAIMED_SUCCESS_BUT_INACCURATE);
        assertThat(r.judgement().rrcAbs()).isGreaterThan(TOL);
        assertThat(r.judgement().atFloor()).isFalse();
    }

    @Test
    void convergedWithWeightsFurtherFromTheReferenceThanTheResidualAllowsIsASilentFailure() {
        // A reference 1e-4 away from the solution: the solver's exact weights meet the residual test, but are
        // 1e-4 from the reference, far beyond what a residual of 1e-10 permits. Only the weight check catches it.
        double[] shifted = REF.weights();
        shifted[0] *= 1 + 1e-4;
        ProblemReference moved = new ProblemReference(REF.kind(), shifted, REF.kappaSigma(), REF.kappaW(),
                REF.cancellation(), REF.rrcFloor(), REF.budgetMin(), REF.accuracy(), Double.NaN, "");

        TrialRecord r = classify(moved, SolveStatus.CONVERGED, REF.weights());

        assertThat(r.judgement().rrcAbs()).isLessThanOrEqualTo(TOL);
        assertThat(r.judgement().wRel()).isGreaterThan(r.judgement().weightAllowance());
        assertThat(r.judgement().outcome()).isEqualTo(Outcome.CLAIMED_SUCCESS_BUT_INACCURATE);
        assertThat(r.judgement().message()).contains("from the reference");
    }

    @Test
    void convergedWithoutAPortfolioIsInvalidOrNonFinite() {
        double[] negative = REF.weights();
        negative[1] = -negative[1];
        double[] unnormalised = REF.weights();
        for (int i = 0; i < unnormalised.length; i++) {
            unnormalised[i] *= 1.1;
        }
        double[] nan = REF.weights();
        nan[2] = Double.NaN;

        assertThat(classify(SolveStatus.CONVERGED, negative).judgement().outcome()).isEqualTo(Outcome.INVALID_WEIGHTS);
        assertThat(classify(SolveStatus.CONVERGED, unnormalised).judgement().outcome()).isEqualTo(Outcome.INVALID_WEIGHTS);
        assertThat(classify(SolveStatus.CONVERGED, new double[] {0.5, 0.5}).judgement().outcome())
                .isEqualTo(Outcome.INVALID_WEIGHTS);
        assertThat(classify(SolveStatus.CONVERGED, nan).judgement().outcome()).isEqualTo(Outcome.NON_FINITE);
    }

    @Test
    void aFailureStatusIsHonestWhateverTheWeights() {
        double[] nan = REF.weights();
        nan[0] = Double.NaN;

        TrialRecord r = classify(SolveStatus.NUMERICAL_BREAKDOWN, nan);
        TrialRecord s = classify(SolveStatus.MAX_ITERATIONS, REF.weights());

        assertThat(r.judgement().outcome()).isEqualTo(Outcome.REPORTED_FAILURE);
        assertThat(r.result().status()).isEqualTo(SolveStatus.NUMERICAL_BREAKDOWN);
        assertThat(s.judgement().outcome()).isEqualTo(Outcome.REPORTED_FAILURE);
        assertThat(s.judgement().atFloor()).as("the weights are still measured").isTrue();
    }

    @Test
    void exceptionsTimeoutsAndRejectionsAreClassifiedWithoutWeights() {
        TrialRecord threw = Classifier.classify(trial(), REF, BUILT, TOL, Criterion.ABS,
                new WorkerReply.Threw("java.lang.ArithmeticException", "boom", false, false, 10));
        TrialRecord rejected = Classifier.classify(trial(), REF, BUILT, TOL, Criterion.ABS,
                new WorkerReply.Threw("", "x does not support this problem (n = 10)", true, false, 0));
        TrialRecord misuseThrown = Classifier.classify(trial(), REF, BUILT, TOL, Criterion.ABS,
                new WorkerReply.Threw("java.lang.IllegalArgumentException", "dimension mismatch", false, false, 10));
        TrialRecord timedOut = Classifier.classify(trial(), REF, BUILT, TOL, Criterion.ABS,
                new WorkerReply.TimedOut(2_000_000_000L));
        TrialRecord died = Classifier.classify(trial(), REF, BUILT, TOL, Criterion.ABS,
                new WorkerReply.Died("exit code 1", 10));

        assertThat(threw.judgement().outcome()).isEqualTo(Outcome.EXCEPTION);
        assertThat(threw.judgement().message()).isEqualTo("java.lang.ArithmeticException: boom");
        assertThat(rejected.judgement().outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(rejected.judgement().message()).isEqualTo("x does not support this problem (n = 10)");
        assertThat(misuseThrown.judgement().outcome()).as("an exception from solve() is never NOT_APPLICABLE")
                .isEqualTo(Outcome.EXCEPTION);
        assertThat(misuseThrown.judgement().message()).isEqualTo("java.lang.IllegalArgumentException: dimension mismatch");
        assertThat(timedOut.judgement().outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(timedOut.result().timeMs()).isEqualTo(2000.0);
        assertThat(died.judgement().outcome()).isEqualTo(Outcome.EXCEPTION);
        for (TrialRecord r : new TrialRecord[] {threw, rejected, misuseThrown, timedOut, died}) {
            assertThat(r.result().status()).isNull();
            assertThat(r.judgement().rrcAbs()).isNaN();
        }
    }

    @Test
    void theToleranceIsRaisedToTheProblemsFloorAndTheWeightAllowanceFollowsIt() {
        ProblemReference hard = new ProblemReference(ProblemReference.Kind.REFERENCE_SOLVER, REF.weights(), 1e12,
                1e6, 1e7, 1e-11, 0.01, AccuracyTolerance.of(1e6, 1e-11), Double.NaN, "");

        assertThat(hard.tolerance(1e-10)).isCloseTo(1e-9, org.assertj.core.data.Offset.offset(1e-24));
        assertThat(hard.tolerance(1e-6)).isEqualTo(1e-6);
        // 10·κ_w·τ/b_min = 10·1e6·1e-9/0.01 = 1 exceeds the floor 100·κ_w·u = 1.1e-8.
        assertThat(hard.weightAllowance(1e-9)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(REF.weightAllowance(0)).isEqualTo(REF.accuracy().maxRelWeightError());
    }

    @Test
    void theSumToleranceAllowsNormalisationRoundingOnly() {
        assertThat(Classifier.sumTolerance(10)).isEqualTo(1e-12);
        assertThat(Classifier.sumTolerance(100_000)).isGreaterThan(1e-12).isLessThan(1e-10);
        assertThat(RiskMetrics.sumError(REF.weights())).isLessThanOrEqualTo(Classifier.sumTolerance(BUILT.n()));
    }
}

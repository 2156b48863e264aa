package io.paritybench.sqp;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.generate.ProblemGenerator;
import io.paritybench.core.testing.SharedCases;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The failure mode of the cold start (ALGORITHMS.md §3.5, §6.3), its fix, and the stopping rules. */
class SqpLeastSquaresTest {

    private static final SqpLeastSquares COLD = new SqpLeastSquares(SqpLeastSquares.Start.DIAGONAL);
    private static final SqpLeastSquares WARM = new SqpLeastSquares(SqpLeastSquares.Start.CCD);
    private static final SolverOptions TIGHT = SolverOptions.defaults().withTolerance(1e-12);

    /** ρ = −0.95, vol ratio 50, b = (0.02, 0.98): the low-budget asset hedges the other. */
    private static final CaseData HEDGED_PAIR = SharedCases.byName("n2_rho-0.95_volratio50_b0.02");

    /** A Haar-rotated spectrum 1 … 1e-3, n = 10, ERC: the ERC portfolio hedges along the small eigenvectors. */
    private static RiskBudgetProblem randomRotation() {
        return RiskBudgetProblem.erc(ProblemGenerator.randomSpectrum(10, 1e3, 3));
    }

    @Test
    void coldStartOnAHedgedPairCollapsesTheHedgeAndSaysSo() {
        SolveResult r = COLD.solve(HEDGED_PAIR.problem(), options(HEDGED_PAIR));
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.LOCAL_MINIMUM);
        double[] ref = HEDGED_PAIR.referenceWeights();
        assertThat(r.weights()[0]).as("the hedging asset's weight (reference %s)", ref[0])
                .isLessThan(1e-6 * ref[0]);
        assertThat(r.residual()).as("its RRC is ~0 against a budget of 0.02").isGreaterThan(0.01);
        assertThat(r.message()).contains("collapsed");
    }

    @Test
    void warmStartedVariantSolvesTheHedgedPair() {
        SolveResult r = WARM.solve(HEDGED_PAIR.problem(), options(HEDGED_PAIR));
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(RiskMetrics.maxRelWeightError(r.weights(), HEDGED_PAIR.referenceWeights()))
                .isLessThanOrEqualTo(HEDGED_PAIR.tolerance().maxRelWeightError());
        assertThat(r.counter("ccdSweeps")).isPositive();
    }

    @Test
    void coldStartOnARandomRotationDriftsToTheBoundary() {
        RiskBudgetProblem p = randomRotation();
        SolveResult r = COLD.solve(p, TIGHT);
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.LOCAL_MINIMUM);
        assertThat(ConvergenceTest.passes(p, r.weights(), 1e-3)).as("not even close to a solution").isFalse();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double w : r.weights()) {
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        assertThat(min / max).as("a weight collapsed").isLessThanOrEqualTo(SqpLeastSquares.COLLAPSE_RATIO * 10);
    }

    @Test
    void warmStartedVariantSolvesTheRandomRotation() {
        RiskBudgetProblem p = randomRotation();
        SolveResult r = WARM.solve(p, TIGHT);
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(ConvergenceTest.residual(p, r.weights())).isLessThanOrEqualTo(1e-12);
    }

    static Stream<Arguments> randomSpectra() {
        return Stream.of(5, 10, 20).flatMap(n -> Stream.of(1e1, 1e3, 1e6).flatMap(kappa ->
                Stream.of(1L, 2L, 3L, 4L).map(seed -> Arguments.of(n, kappa, seed))));
    }

    /**
     * Property over the random-spectrum family: the cold start either converges or reports the spurious minimum
     * (never a cap, stagnation or breakdown, and never a false success); the warm variant converges.
     */
    @ParameterizedTest(name = "n = {0}, kappa = {1}, seed = {2}")
    @MethodSource("randomSpectra")
    void coldEitherConvergesOrNamesTheLocalMinimumAndWarmConverges(int n, double kappa, long seed) {
        RiskBudgetProblem p = RiskBudgetProblem.erc(ProblemGenerator.randomSpectrum(n, kappa, seed));
        SolverOptions o = SolverOptions.defaults().withTolerance(1e-10);
        SolveResult cold = COLD.solve(p, o);
        assertThat(cold.status()).as(cold.message()).isIn(SolveStatus.CONVERGED, SolveStatus.LOCAL_MINIMUM);
        assertThat(cold.isSuccess()).isEqualTo(ConvergenceTest.passes(p, cold.weights(), 1e-10));
        SolveResult warm = WARM.solve(p, o);
        assertThat(warm.status()).as(warm.message()).isEqualTo(SolveStatus.CONVERGED);
    }

    @Test
    void aWarmStartThroughTheOptionsAvoidsTheSpuriousMinimum() {
        double[] start = HEDGED_PAIR.referenceWeights();
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < start.length; i++) {
            start[i] *= 1 + 1e-3 * (2 * rng.nextDouble() - 1);
        }
        SolveResult r = COLD.solve(HEDGED_PAIR.problem(), options(HEDGED_PAIR).withInitialPoint(start));
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(r.iterations()).as("local quadratic convergence from a 1e-3 start").isLessThanOrEqualTo(10);
    }

    @Test
    void theIterationCapIsReported() {
        CaseData c = SharedCases.byName("rs_n10_kappa1e2");
        SolveResult r = COLD.solve(c.problem(), options(c).withMaxIterations(2));
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.MAX_ITERATIONS);
        assertThat(r.iterations()).isEqualTo(2);
    }

    @Test
    void anUnreachableToleranceEndsAtTheFloorAsStagnationNotAsALocalMinimum() {
        CaseData c = SharedCases.byName("roncalli_n4_erc");
        SolveResult r = COLD.solve(c.problem(), SolverOptions.defaults().withTolerance(1e-19));
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.STAGNATED);
        assertThat(r.residual()).as("at the double-precision floor").isLessThanOrEqualTo(1e-15);
        assertThat(RiskMetrics.maxRelWeightError(r.weights(), c.referenceWeights()))
                .isLessThanOrEqualTo(c.tolerance().maxRelWeightError());
    }

    /**
     * At the floor every trial is rejected at the same point: the trials are counted apart from the iterations, each
     * costs one factorisation, and only an accepted trial reaches the observer and a new linearisation.
     */
    @Test
    void rejectedTrialsAreCountedApartFromTheLinearisations() {
        CaseData c = SharedCases.byName("roncalli_n4_erc");
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        SolveResult r = COLD.solve(c.problem(), SolverOptions.defaults().withTolerance(1e-19)
                .withObserver((it, t, x, d) -> seen.add(it)));
        long trials = r.counter("trialSteps");
        long rejected = r.counter("rejectedSteps");
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.STAGNATED);
        assertThat(rejected).as("the stall ends on rejected trials").isPositive();
        assertThat(r.counter("linearisations")).isEqualTo(r.iterations());
        assertThat(trials).as("more trials than linearisations: a rejection does not re-linearise")
                .isGreaterThan(r.iterations());
        assertThat(r.counter("factorizations")).isEqualTo(trials);
        long accepted = trials - rejected;
        assertThat(accepted).isBetween((long) r.iterations() - 1, (long) r.iterations());
        assertThat(seen).as("the start and every accepted point, once each").hasSize((int) accepted + 1)
                .isSorted().doesNotHaveDuplicates();
    }

    @Test
    void idsAndProviderListBothStarts() {
        assertThat(new SqpSolverProvider().solvers()).extracting(s -> s.id())
                .containsExactly("sqp-ls", "sqp-ls-warm");
    }

    private static SolverOptions options(CaseData c) {
        return SolverOptions.defaults().withTolerance(c.tolerance().maxAbsRrcError());
    }
}

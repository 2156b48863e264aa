package io.paritybench.greedy;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documented cases where the greedy step as printed in seed 000 fails and the exact coordinate step of
 * ALGORITHMS.md §6.1 succeeds. Both are shared reference cases ({@code /work/shared/cases}); their entries and
 * high-precision reference weights are copied here verbatim.
 */
class PublishedStepFailureTest {

    private static final double TOL = 1e-12;

    /** Max relative weight error allowed against the reference: 100·κ_w·u with κ_w ≈ 21 (case meta), ≥ 1e-13. */
    private static final double HEDGE_WREL = 100 * 21 * 1.1e-16;

    /**
     * {@code n2_rho-0.95_volratio50_b0.02}: a strong hedge, σ = (0.5, 0.01), ρ = −0.95, b = (0.02, 0.98).
     * From the paper's start ω⁰ = (½, ½) asset 1 carries the whole risk: CtR = (1.0193, −0.0193) (asset 2 hedges,
     * its contribution is negative). The greedy picks asset 1 (target 0.02, c = 0.9993). Its Taylor parabola
     * {@code CtR_1 + bΔ + aΔ²} has b &lt; 0 and a &gt; 0 with minimum ≈ 1.0145 (seed's a) or 1.0144 (correct A):
     * it never comes down to 0.02, so {@code b² − 4ac < 0} at the very first step — for the printed formula and
     * for the corrected one alike, because the local model itself is wrong so far from the solution. The true
     * {@code CtR_1(v)} dips to −1.10 near v ≈ 0.007 and crosses 0.02 once for v &gt; 0: the exact step finds that
     * crossing and, for n = 2, is the closed-form solution after one step.
     */
    @Test
    void strongHedgeGivesANegativeDiscriminantForTheTaylorStepButNotForTheExactStep() {
        RiskBudgetProblem problem = RiskBudgetProblem.of(
                new double[][] {{0.25, -0.0047499999999999999}, {-0.0047499999999999999, 0.0001}},
                new double[] {0.02, 0.97999999999999998});
        double[] reference = {0.018685182151439165, 0.98131481784856078};
        double[] start = {0.5, 0.5};
        SolverOptions options = SolverOptions.defaults().withTolerance(TOL);

        SolveResult published = GreedyBalancedBasket.published().solve(problem, options);
        assertThat(published.status()).isEqualTo(SolveStatus.NEGATIVE_DISCRIMINANT);
        assertThat(published.iterations()).isZero();
        assertThat(published.message()).contains("b^2 - 4ac").contains("asset 1");
        assertThat(ConvergenceTest.passes(problem, published.weights(), TOL)).isFalse();

        SolveResult corrected = GreedyBalancedBasket.corrected().solve(problem, options);
        assertThat(corrected.status()).isEqualTo(SolveStatus.NEGATIVE_DISCRIMINANT);

        SolveResult exact = GreedyBalancedBasket.exact().solve(problem, options.withInitialPoint(start));
        assertThat(exact.status()).isEqualTo(SolveStatus.CONVERGED);
        // One step in exact arithmetic; in double the rank-one-updated s² of this hedge (cancellation factor
        // ≈ 929 in Σw) misjudges the first step's residual, and the recomputation after n = 2 steps settles it.
        assertThat(exact.iterations()).isLessThanOrEqualTo(3);
        assertThat(RiskMetrics.maxRelWeightError(exact.weights(), reference)).isLessThanOrEqualTo(HEDGE_WREL);
    }

    /**
     * {@code n2_rho0.3_b0.5}: a benign ERC pair, σ = (0.3, 0.1), ρ = 0.3, solution w = (¼, ¾) (for b = ½,
     * w_1 = σ_2/(σ_1+σ_2) at every ρ, ALGORITHMS.md §4.1). At ω⁰ = (½, ½), CtR_1 = 0.839 &gt; ½, so ω_1 must
     * decrease; the smallest root of the Taylor quadratic is Δ = −0.450. The printed root divides by 2b instead of
     * 2a, i.e. multiplies that root by a/b = −0.613/0.388 &lt; 0: the step is +0.777, in the wrong direction. Every
     * later step repeats the mistake, ω_1 grows without bound and CtR_1 → 1: the run ends at the step cap.
     */
    @Test
    void benignPairSendsThePrintedStepTheWrongWayWhileTheExactStepConverges() {
        RiskBudgetProblem problem = RiskBudgetProblem.of(
                new double[][] {{0.089999999999999997, 0.0089999999999999993},
                        {0.0089999999999999993, 0.010000000000000002}},
                new double[] {0.5, 0.5});
        double[] reference = {0.25, 0.75};
        double[] start = {0.5, 0.5};
        SolverOptions options = SolverOptions.defaults().withTolerance(TOL);

        SolveResult oneStep = GreedyBalancedBasket.published().solve(problem, options.withMaxIterations(1));
        assertThat(oneStep.status()).isEqualTo(SolveStatus.MAX_ITERATIONS);
        assertThat(oneStep.weights()[0]).as("w_1 after one printed step (start ½, solution ¼)").isGreaterThan(0.5);
        SolveResult oneCorrected = GreedyBalancedBasket.corrected().solve(problem, options.withMaxIterations(1));
        assertThat(oneCorrected.weights()[0]).as("w_1 after one corrected step").isLessThan(0.5);

        SolveResult published = GreedyBalancedBasket.published().solve(problem, options);
        assertThat(published.status()).isEqualTo(SolveStatus.MAX_ITERATIONS);
        assertThat(published.iterations()).isEqualTo(GreedyBalancedBasket.defaultMaxSteps(2));
        assertThat(published.weights()[0]).as("w_1 runs away from ¼").isGreaterThan(0.8);
        assertThat(published.residual()).as("CtR_1 stays far above ½").isGreaterThan(0.4);

        SolveResult exact = GreedyBalancedBasket.exact().solve(problem, options.withInitialPoint(start));
        assertThat(exact.status()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(RiskMetrics.maxRelWeightError(exact.weights(), reference)).isLessThanOrEqualTo(1e-13);
        SolveResult corrected = GreedyBalancedBasket.corrected().solve(problem, options);
        assertThat(corrected.status()).isEqualTo(SolveStatus.CONVERGED);
    }
}

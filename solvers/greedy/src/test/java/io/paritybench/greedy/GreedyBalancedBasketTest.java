package io.paritybench.greedy;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMeasure;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.Solvers;
import io.paritybench.core.generate.ProblemGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GreedyBalancedBasketTest {

    /** The Roncalli (2013) four-asset ERC example (shared case {@code roncalli_n4_erc}). */
    private static final double[][] RONCALLI = {
            {0.010000000000000002, 0.0074999999999999997, 0.010000000000000002, 0.014999999999999999},
            {0.0074999999999999997, 0.022499999999999999, 0.014999999999999999, 0.022499999999999999},
            {0.010000000000000002, 0.014999999999999999, 0.040000000000000008, 0.044999999999999998},
            {0.014999999999999999, 0.022499999999999999, 0.044999999999999998, 0.089999999999999997}};
    private static final double[] RONCALLI_REF = {
            0.41014141645048036, 0.27342761096698692, 0.18985858354951965, 0.1265723890330131};

    @Test
    void providerPublishesTheThreeIds() {
        assertThat(new GreedySolverProvider().solvers()).extracting(RiskBudgetSolver::id)
                .containsExactly("greedy-published", "greedy-corrected", "greedy-exact");
        assertThat(Solvers.byId("greedy-exact")).isInstanceOf(GreedyBalancedBasket.class);
        assertThat(((GreedyBalancedBasket) Solvers.byId("greedy-published")).variant())
                .isEqualTo(GreedyBalancedBasket.Variant.PUBLISHED);
        assertThat(Solvers.byId("greedy-corrected").description()).contains("Bailey");
    }

    @ParameterizedTest
    @EnumSource(value = GreedyBalancedBasket.Variant.class, names = {"CORRECTED", "EXACT"})
    void roncalliExampleReachesTheReference(GreedyBalancedBasket.Variant variant) {
        RiskBudgetProblem problem = RiskBudgetProblem.erc(RONCALLI);
        SolveResult r = new GreedyBalancedBasket(variant).solve(problem,
                SolverOptions.defaults().withTolerance(1e-15));
        // κ_w ≈ 1.07 for this case: the floor is max(1e-13, 100·κ_w·u) = 1e-13 relative; the run stops at
        // 1e-15 in CtR or at the noise floor (reported STAGNATED), either way the weights are at the floor.
        assertThat(r.status()).isIn(SolveStatus.CONVERGED, SolveStatus.STAGNATED);
        assertThat(RiskMetrics.maxRelWeightError(r.weights(), RONCALLI_REF)).isLessThanOrEqualTo(1e-13);
    }

    /**
     * For n = 2 one exact coordinate step solves the problem (the other weight fixes the scale), so the exact
     * variant must agree with the stable closed form of ALGORITHMS.md §4.1 after at most two steps.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void exactStepSolvesTwoAssetsLikeTheClosedForm(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double s1 = Math.pow(10, rnd.nextDouble(-2, 0));
        double s2 = Math.pow(10, rnd.nextDouble(-2, 0));
        double rho = rnd.nextDouble(-0.95, 0.95);
        double b = rnd.nextDouble(0.02, 0.98);
        RiskBudgetProblem problem = RiskBudgetProblem.of(
                new double[][] {{s1 * s1, rho * s1 * s2}, {rho * s1 * s2, s2 * s2}}, new double[] {b, 1 - b});
        // §4.1 stable form: t = (b − ½)ρ, s = sqrt(t² + b(1 − b)), r = w1/w2.
        double t = (b - 0.5) * rho;
        double s = Math.sqrt(t * t + b * (1 - b));
        double ratio = (s2 / s1) * (t >= 0 ? (s + t) / (1 - b) : b / (s - t));
        double[] closed = {ratio / (1 + ratio), 1 / (1 + ratio)};

        SolveResult r = GreedyBalancedBasket.exact().solve(problem,
                SolverOptions.defaults().withTolerance(1e-14).withInitialPoint(new double[] {0.5, 0.5}));
        assertThat(r.status()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(r.iterations()).isLessThanOrEqualTo(2);
        // Both sides in double: the closed form is within 4.5e-16 (ALGORITHMS.md §4.1), κ_w ≤ ~20 for |ρ| ≤ 0.95.
        assertThat(RiskMetrics.maxRelWeightError(r.weights(), closed)).isLessThanOrEqualTo(1e-13);
    }

    @ParameterizedTest
    @EnumSource(GreedyBalancedBasket.Variant.class)
    void stepCapIsReportedAsMaxIterations(GreedyBalancedBasket.Variant variant) {
        RiskBudgetProblem problem = RiskBudgetProblem.erc(RONCALLI);
        SolveResult r = new GreedyBalancedBasket(variant).solve(problem,
                SolverOptions.defaults().withTolerance(1e-12).withMaxIterations(3));
        assertThat(r.status()).isEqualTo(SolveStatus.MAX_ITERATIONS);
        assertThat(r.iterations()).isEqualTo(3);
        assertThat(r.message()).contains("step cap 3");
    }

    @Test
    void timeLimitIsReportedAsTimeLimit() {
        // κ = 1e8 at n = 60: the exact greedy needs far more than 2000·n steps here (ALGORITHMS.md §8.3), so with an
        // unbounded step budget only the clock can end the run.
        RiskBudgetProblem problem = RiskBudgetProblem.erc(
                ProblemGenerator.randomSpectrum(60, 1e8, 5));
        SolveResult r = GreedyBalancedBasket.exact().solve(problem, SolverOptions.defaults().withTolerance(1e-14)
                .withMaxIterations(Integer.MAX_VALUE).withTimeLimit(Duration.ofMillis(20)));
        assertThat(r.status()).isEqualTo(SolveStatus.TIME_LIMIT);
        assertThat(r.message()).contains("time limit");
    }

    @Test
    void startingAtTheSolutionConvergesWithoutAStep() {
        RiskBudgetProblem problem = RiskBudgetProblem.erc(RONCALLI);
        for (GreedyBalancedBasket.Variant v : GreedyBalancedBasket.Variant.values()) {
            SolveResult r = new GreedyBalancedBasket(v).solve(problem,
                    SolverOptions.defaults().withTolerance(1e-14).withInitialPoint(RONCALLI_REF));
            assertThat(r.status()).as(v.id()).isEqualTo(SolveStatus.CONVERGED);
            assertThat(r.iterations()).as(v.id()).isZero();
        }
    }

    @Test
    void diagonalCovarianceIsSolvedByTheExactStart() {
        RiskBudgetProblem problem = RiskBudgetProblem.of(
                new double[][] {{0.04, 0, 0}, {0, 0.01, 0}, {0, 0, 0.09}}, new double[] {0.5, 0.3, 0.2});
        SolveResult r = GreedyBalancedBasket.exact().solve(problem, SolverOptions.defaults().withTolerance(1e-15));
        assertThat(r.status()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(r.iterations()).isZero();
    }

    @Test
    void misuseThrows() {
        RiskBudgetProblem problem = RiskBudgetProblem.erc(RONCALLI);
        assertThatThrownBy(() -> GreedyBalancedBasket.exact().solve(problem,
                SolverOptions.defaults().withInitialPoint(new double[] {1, 1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 2");
        RiskBudgetProblem es = problem.withMeasure(RiskMeasure.of(new double[] {0.01, 0.02, 0.03, 0.04}, 2.665,
                "ES 99%"));
        assertThat(GreedyBalancedBasket.exact().supports(es.measure())).isFalse();
        assertThatThrownBy(() -> GreedyBalancedBasket.exact().solve(es, SolverOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not support").hasMessageContaining("ES 99%");
    }
}

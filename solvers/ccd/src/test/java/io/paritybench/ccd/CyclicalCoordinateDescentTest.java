package io.paritybench.ccd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paritybench.ccd.CyclicalCoordinateDescent.Variant;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMeasure;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.Solvers;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import io.paritybench.core.testing.SharedCases;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CyclicalCoordinateDescentTest {

    /** A warm start 1e-3 away (relative) from the solution needs fewer sweeps than the cold start. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void warmStartFromANearbyPointTakesFewerSweeps(Variant v) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(40, 1e3, 5));
        CyclicalCoordinateDescent s = new CyclicalCoordinateDescent(v);
        SolverOptions o = SolverOptions.defaults().withTolerance(1e-12);
        SolveResult cold = s.solve(p, o);
        assertThat(cold.status()).as("%s", cold).isEqualTo(SolveStatus.CONVERGED);

        double[] near = cold.weights();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < near.length; i++) {
            near[i] *= 1 + 1e-3 * rnd.nextDouble(-1, 1);
        }
        SolveResult warm = s.solve(p, o.withInitialPoint(scaled(near, 123.0)));
        assertThat(warm.status()).as("%s", warm).isEqualTo(SolveStatus.CONVERGED);
        assertThat(warm.iterations()).as("warm vs cold (%d) sweeps", cold.iterations())
                .isLessThan(cold.iterations());
        assertThat(RiskMetrics.maxRelWeightError(warm.weights(), cold.weights())).isLessThan(1e-9);
    }

    static Stream<Arguments> illConditioned() {
        return Stream.of(Variant.values()).flatMap(v -> Stream.of(Arguments.of(v, 31L), Arguments.of(v, 32L)));
    }

    /**
     * κ(Σ) = 1e12 with random eigenvectors (κ_w of order 1e7, ALGORITHMS.md §8.3): the linear rate 1 − O(1/κ_w) makes
     * a tolerance of 1e-8 out of reach in 500 sweeps. The solver must say so rather than claim convergence.
     */
    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("illConditioned")
    void illConditionedRandomSpectrumIsReportedAsNotConverged(Variant v, long seed) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(20, 1e12, seed));
        SolveResult r = new CyclicalCoordinateDescent(v).solve(p,
                SolverOptions.defaults().withTolerance(1e-8).withMaxIterations(500));
        assertThat(r.status()).as("%s", r).isIn(SolveStatus.MAX_ITERATIONS, SolveStatus.STAGNATED);
        assertThat(r.residual()).isGreaterThan(1e-8);
        assertThat(RiskMetrics.allPositive(r.weights())).isTrue();
        if (r.status() == SolveStatus.MAX_ITERATIONS) {
            assertThat(r.iterations()).isEqualTo(500);
        }
    }

    /** Diagonal Σ: the cold start y_i = sqrt(b_i) is the solution (ALGORITHMS.md §4.2), so no sweep is needed. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void diagonalCovarianceIsSolvedByTheColdStart(Variant v) {
        double[] vol = {0.05, 0.2, 1.5, 30};
        double[] b = {0.1, 0.2, 0.3, 0.4};
        double[][] cov = new double[4][4];
        double[] expected = new double[4];
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            cov[i][i] = vol[i] * vol[i];
            expected[i] = Math.sqrt(b[i]) / vol[i];
            sum += expected[i];
        }
        for (int i = 0; i < 4; i++) {
            expected[i] /= sum;
        }
        SolveResult r = new CyclicalCoordinateDescent(v).solve(RiskBudgetProblem.of(cov, b),
                SolverOptions.defaults().withTolerance(1e-15));
        assertThat(r.status()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(r.iterations()).isZero();
        assertThat(RiskMetrics.maxRelWeightError(r.weights(), expected)).isLessThanOrEqualTo(4e-16);
    }

    /** An unreachable tolerance ends at the rounding floor as STAGNATED, long before the default cap. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void unreachableToleranceStagnatesAtTheRoundingFloor(Variant v) {
        CaseData c = SharedCases.byName("rs_n10_kappa1e2");
        SolveResult r = new CyclicalCoordinateDescent(v).solve(c.problem(),
                SolverOptions.defaults().withTolerance(Double.MIN_VALUE));
        assertThat(r.status()).as("%s", r).isEqualTo(SolveStatus.STAGNATED);
        assertThat(r.iterations()).isLessThan(1000);
        assertThat(RiskMetrics.maxRelWeightError(r.weights(), c.referenceWeights()))
                .isLessThanOrEqualTo(c.tolerance().maxRelWeightError());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void sweepCapGivesMaxIterationsAndCountersAreConsistent(Variant v) {
        CaseData c = SharedCases.byName("rs_n50_kappa1e4");
        SolveResult r = new CyclicalCoordinateDescent(v).solve(c.problem(),
                SolverOptions.defaults().withTolerance(1e-12).withMaxIterations(7));
        assertThat(r.status()).isEqualTo(SolveStatus.MAX_ITERATIONS);
        assertThat(r.iterations()).isEqualTo(7);
        assertThat(r.counter("sweeps")).isEqualTo(7);
        assertThat(r.counter("coordinateUpdates")).isEqualTo(7L * c.problem().n());
        // half a pass over Σ per sweep, not counted; matvecs = the product of the start + the common test
        assertThat(r.counter("matvecs")).isEqualTo(2);
    }

    @Test
    void exhaustedTimeLimitGivesTimeLimit() {
        CaseData c = SharedCases.byName("rs_n50_kappa1e4");
        SolveResult r = new CyclicalCoordinateDescent(Variant.CHOI).solve(c.problem(),
                SolverOptions.defaults().withTolerance(1e-12).withTimeLimit(Duration.ofNanos(1)));
        assertThat(r.status()).isEqualTo(SolveStatus.TIME_LIMIT);
    }

    /** The three update rules have the same fixed point. */
    @Test
    void variantsAgree() {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.randomSpectrum(30, 1e2, 9)
                .withBudgets(io.paritybench.core.generate.BudgetSpec.dirichlet(1.0)));
        SolverOptions o = SolverOptions.defaults().withTolerance(1e-13);
        double[] grr = new CyclicalCoordinateDescent(Variant.GRR).solve(p, o).weights();
        for (Variant v : new Variant[] {Variant.SPINU, Variant.CHOI}) {
            SolveResult r = new CyclicalCoordinateDescent(v).solve(p, o);
            assertThat(r.status()).isEqualTo(SolveStatus.CONVERGED);
            assertThat(RiskMetrics.maxRelWeightError(r.weights(), grr)).as("%s vs GRR", v).isLessThan(1e-10);
        }
    }

    @Test
    void supportsGaussianVarSinceAlgorithms7() {
        RiskBudgetProblem p = SharedCases.byName("roncalli_n4_erc").problem()
                .withMeasure(RiskMeasure.gaussianVaR(0.99, new double[] {0.01, 0.02, 0.0, 0.01}));
        CyclicalCoordinateDescent s = new CyclicalCoordinateDescent(Variant.SPINU);
        assertThat(s.supports(p.measure())).isTrue();
        assertThat(s.solve(p, SolverOptions.defaults()).status()).isEqualTo(SolveStatus.CONVERGED);
    }

    @Test
    void providerPublishesTheThreeVariantsUnderTheirIds() {
        for (Variant v : Variant.values()) {
            assertThat(Solvers.byId(v.id())).isInstanceOfSatisfying(CyclicalCoordinateDescent.class,
                    s -> assertThat(s.variant()).isEqualTo(v));
        }
        assertThat(Stream.of(Variant.values()).map(Variant::id)).containsExactly("ccd-grr", "ccd-spinu", "ccd-choi");
    }

    private static double[] scaled(double[] w, double f) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] * f;
        }
        return out;
    }
}

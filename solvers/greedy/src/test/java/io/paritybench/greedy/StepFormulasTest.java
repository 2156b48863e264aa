package io.paritybench.greedy;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The root formulas of the Taylor step and the exact coordinate step (ALGORITHMS.md §6.1 steps 3 and "exact"). */
class StepFormulasTest {

    @Test
    void stableRootIsTheSmallestRootAndThePublishedRootIsItTimesAOverB() {
        SplittableRandom rnd = new SplittableRandom(11);
        int checked = 0;
        for (int t = 0; t < 1000; t++) {
            double a = rnd.nextDouble(-5, 5);
            double b = rnd.nextDouble(-5, 5);
            double c = rnd.nextDouble(-1, 1);
            double disc = b * b - 4 * a * c;
            if (disc < 1e-3 || Math.abs(a) < 1e-3 || Math.abs(b) < 1e-3) {
                continue;
            }
            checked++;
            double r1 = (-b + Math.sqrt(disc)) / (2 * a);
            double r2 = (-b - Math.sqrt(disc)) / (2 * a);
            double smallest = Math.abs(r1) < Math.abs(r2) ? r1 : r2;
            double stable = TaylorStep.stableRoot(a, b, c);
            // Both are roots; the textbook pair is accurate to ~1e-13 relative for these well-separated draws.
            assertThat(stable).isCloseTo(smallest, org.assertj.core.data.Offset.offset(1e-10 * (1 + Math.abs(smallest))));
            double published = TaylorStep.publishedRoot(a, b, c);
            assertThat(published).isCloseTo(stable * a / b,
                    org.assertj.core.data.Offset.offset(1e-10 * (1 + Math.abs(stable * a / b))));
        }
        assertThat(checked).isGreaterThan(500);
    }

    @Test
    void withAVanishingTheStableRootTendsToTheLinearStepAndThePublishedRootToZero() {
        double b = 0.7;
        double c = -0.2;
        assertThat(TaylorStep.stableRoot(0, b, c)).isCloseTo(-c / b, org.assertj.core.data.Offset.offset(1e-16));
        assertThat(TaylorStep.publishedRoot(0, b, c)).isCloseTo(-c / b, org.assertj.core.data.Offset.offset(1e-16));
        double tiny = 1e-12;
        assertThat(TaylorStep.stableRoot(tiny, b, c)).isCloseTo(-c / b, org.assertj.core.data.Offset.offset(1e-11));
        // The printed /(2b) form is discontinuous at a = 0: for a → 0 it gives (a/b)·(−c/b) → 0.
        assertThat(Math.abs(TaylorStep.publishedRoot(tiny, b, c))).isLessThan(1e-11);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void exactStepHitsTheBudgetOnAFreshEvaluation(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 2 + rnd.nextInt(8);
        double[][] cov = RandomProblems.covariance(n, 2 * seed + 1);
        RiskBudgetProblem problem = RiskBudgetProblem.erc(cov);
        double[] w = RandomProblems.positiveWeights(n, rnd);
        double[] p = RiskMetrics.marginal(problem, w);
        double s2 = RiskMetrics.variance(problem, w);
        for (int i = 0; i < n; i++) {
            double q = p[i] - w[i] * cov[i][i];
            double rest = s2 - 2 * w[i] * p[i] + w[i] * w[i] * cov[i][i];
            for (double beta : new double[] {1e-3, 0.2, 0.5, 0.8, 0.999}) {
                double v = ExactCoordinateStep.positiveRoot(beta, cov[i][i], q, rest);
                assertThat(v).as("asset %d, beta %s", i, beta).isPositive().isFinite();
                double[] moved = w.clone();
                moved[i] = v;
                double ctr = RiskMetrics.relativeRiskContributions(problem, moved)[i];
                // Evaluation of CtR in double: error ≈ (cancellation in (Σw)_i)·u; these draws have modest
                // cancellation, so 1e-13 absolute (times β) is a loose bound that still catches a wrong root.
                assertThat(Math.abs(ctr - beta)).as("asset %d, beta %s", i, beta).isLessThanOrEqualTo(1e-13);
            }
        }
    }

    /**
     * A hedging asset (q_i &lt; 0): the strong hedge of {@code n2_rho-0.95_volratio50_b0.02} at ω = (½, ½), where
     * CtR_1(v) first dips below 0 and then rises to 1; the step must find the one positive crossing of each target.
     */
    @Test
    void exactStepOnAHedgingAsset() {
        double[][] cov = {{0.25, -0.00475}, {-0.00475, 0.0001}};
        RiskBudgetProblem problem = RiskBudgetProblem.erc(cov);
        double[] w = {0.5, 0.5};
        for (int i = 0; i < 2; i++) {
            int j = 1 - i;
            double q = cov[i][j] * w[j];
            assertThat(q).isNegative();
            double rest = cov[j][j] * w[j] * w[j];
            for (double beta : new double[] {1e-4, 0.02, 0.5, 0.98, 0.9999}) {
                double v = ExactCoordinateStep.positiveRoot(beta, cov[i][i], q, rest);
                double[] moved = w.clone();
                moved[i] = v;
                double ctr = RiskMetrics.relativeRiskContributions(problem, moved)[i];
                // Cancellation in (Σw)_i is up to ~1e3 here (ALGORITHMS.md §4.1 case meta): 1e-12 absolute.
                assertThat(v).isPositive();
                assertThat(Math.abs(ctr - beta)).as("asset %d, beta %s", i, beta).isLessThanOrEqualTo(1e-12);
            }
        }
    }
}

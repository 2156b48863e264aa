package io.paritybench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static final double[][] GOOD = {{0.04, 0.006, 0.0}, {0.006, 0.09, 0.01}, {0.0, 0.01, 0.16}};

    @Test
    void rejectsNonSquare() {
        assertThatThrownBy(() -> RiskBudgetProblem.erc(new double[][] {{1, 0}, {0}}))
                .isInstanceOf(InvalidProblemException.class).hasMessageContaining("not square").hasMessageContaining("row 2");
    }

    @Test
    void rejectsFewerThanTwoAssets() {
        assertThatThrownBy(() -> RiskBudgetProblem.erc(new double[][] {{1}})).hasMessageContaining("at least 2 assets");
    }

    @Test
    void rejectsNaNAndInfinityNamingTheEntry() {
        double[][] c = copy(GOOD);
        c[1][2] = Double.NaN;
        assertThatThrownBy(() -> RiskBudgetProblem.erc(c)).hasMessageContaining("(2, 3)").hasMessageContaining("NaN");
        double[][] d = copy(GOOD);
        d[0][0] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> RiskBudgetProblem.erc(d)).hasMessageContaining("(1, 1)").hasMessageContaining("Infinity");
    }

    @Test
    void copiesShareTheValidatedMatrixAndOperationsReadIt() {
        RiskBudgetProblem p = RiskBudgetProblem.erc(GOOD);
        RiskBudgetProblem q = p.withBudgets(new double[] {0.2, 0.3, 0.5}).withAssetNames(List.of("a", "b", "c"))
                .withMeasure(RiskMeasure.volatility());
        assertThat(q.covariance()).isDeepEqualTo(GOOD);
        double[] x = {1, 2, 3};
        double[] out = new double[3];
        q.multiplyCovariance(x, out);
        double[] row = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                s += GOOD[i][j] * x[j];
            }
            assertThat(out[i]).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-16));
            q.copyCovarianceRow(i, 0, row);
            assertThat(row).containsExactly(GOOD[i]);
        }
        double[] acc = new double[3];
        q.addCovarianceRow(1, 2.0, acc, 1, 3);
        assertThat(acc).containsExactly(0.0, 2 * GOOD[1][1], 2 * GOOD[1][2]);
        assertThat(q.dotCovarianceRow(2, x, 0, 2)).isEqualTo(GOOD[2][0] * x[0] + GOOD[2][1] * x[1]);
    }

    @Test
    void ofValidatedRunsTheQuadraticChecksButNotTheCholesky() {
        // symmetric with positive variances but indefinite: rejected by of(), accepted by ofValidated() (whose
        // contract is a matrix validated before and copied bit for bit)
        double[][] indefinite = {{1, 2}, {2, 1}};
        assertThatThrownBy(() -> RiskBudgetProblem.erc(indefinite)).hasMessageContaining("not positive definite");
        assertThat(RiskBudgetProblem.ofValidated(indefinite, null).n()).isEqualTo(2);
        double[][] asym = copy(GOOD);
        asym[0][1] = Math.nextUp(asym[0][1]);
        assertThatThrownBy(() -> RiskBudgetProblem.ofValidated(asym, null)).isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining("not exactly symmetric").hasMessageContaining("(1, 2)");
        double[][] nan = copy(GOOD);
        nan[2][2] = Double.NaN;
        assertThatThrownBy(() -> RiskBudgetProblem.ofValidated(nan, null)).hasMessageContaining("(3, 3)");
        assertThatThrownBy(() -> RiskBudgetProblem.ofValidated(GOOD, new double[] {0.5, 0.5, 0.5}))
                .hasMessageContaining("budgets sum");
    }

    @Test
    void rejectsAsymmetryNamingTheWorstEntry() {
        double[][] c = copy(GOOD);
        c[0][1] = 0.0061;
        c[2][1] = 0.0100000001;
        assertThatThrownBy(() -> RiskBudgetProblem.erc(c)).hasMessageContaining("not symmetric").hasMessageContaining("(1, 2)");
    }

    @Test
    void symmetrisesRoundingLevelAsymmetry() {
        double[][] c = copy(GOOD);
        c[0][1] = Math.nextUp(c[0][1]);
        RiskBudgetProblem p = RiskBudgetProblem.erc(c);
        assertThat(p.covariance(0, 1)).isEqualTo(p.covariance(1, 0));
    }

    @Test
    void rejectsZeroOrNegativeVarianceNamingTheAsset() {
        double[][] c = copy(GOOD);
        c[1][1] = 0;
        c[0][1] = c[1][0] = 0;
        c[1][2] = c[2][1] = 0;
        assertThatThrownBy(() -> RiskBudgetProblem.erc(c)).hasMessageContaining("variance of asset 2");
        double[][] d = copy(GOOD);
        d[2][2] = -1;
        assertThatThrownBy(() -> new RiskBudgetProblem(d, null, List.of("a", "b", "bonds"), null))
                .hasMessageContaining("asset 3 'bonds'");
    }

    @Test
    void rejectsIndefiniteMatricesWithThePivot() {
        double[][] c = {{1, 0.9, 0.9}, {0.9, 1, -0.9}, {0.9, -0.9, 1}};
        assertThatThrownBy(() -> RiskBudgetProblem.erc(c)).hasMessageContaining("not positive definite")
                .hasMessageContaining("pivot 3");
    }

    @Test
    void rejectsBadBudgets() {
        assertThatThrownBy(() -> RiskBudgetProblem.of(GOOD, new double[] {0.5, 0.5}))
                .hasMessageContaining("budgets have length 2").hasMessageContaining("3x3");
        assertThatThrownBy(() -> RiskBudgetProblem.of(GOOD, new double[] {0.5, 0.6, -0.1}))
                .hasMessageContaining("budget 3").hasMessageContaining("positive");
        assertThatThrownBy(() -> RiskBudgetProblem.of(GOOD, new double[] {0.5, 0.0, 0.5}))
                .hasMessageContaining("budget 2");
        assertThatThrownBy(() -> RiskBudgetProblem.of(GOOD, new double[] {0.5, Double.NaN, 0.5}))
                .hasMessageContaining("budget 2 is NaN");
        assertThatThrownBy(() -> RiskBudgetProblem.of(GOOD, new double[] {0.5, 0.3, 0.3}))
                .hasMessageContaining("sum to 1.1");
    }

    @Test
    void normalisesBudgetsOnlyWhenAsked() {
        RiskBudgetProblem p = RiskBudgetProblem.normalising(GOOD, new double[] {2, 1, 1});
        assertThat(p.budgets()).containsExactly(0.5, 0.25, 0.25);
        assertThat(RiskBudgetProblem.erc(GOOD).budgets()).containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3);
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> SolverOptions.defaults().withTolerance(0)).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> SolverOptions.defaults().withMaxIterations(-1)).hasMessageContaining("maxIterations");
        assertThatThrownBy(() -> SolverOptions.defaults().withInitialPoint(new double[] {1, -1}))
                .hasMessageContaining("weight 2 is -1");
    }

    @Test
    void concludeNeverCallsAFailedTestConverged() {
        RiskBudgetProblem p = RiskBudgetProblem.erc(GOOD);
        SolveResult r = SolveResult.conclude("x", p, SolverOptions.defaults(), new double[] {1, 1, 1},
                SolveStatus.CONVERGED, 1, null, "");
        assertThat(r.status()).isEqualTo(SolveStatus.STAGNATED);
        SolveResult nan = SolveResult.conclude("x", p, SolverOptions.defaults(), new double[] {1, Double.NaN, 1},
                SolveStatus.CONVERGED, 1, null, "");
        assertThat(nan.status()).isEqualTo(SolveStatus.NUMERICAL_BREAKDOWN);
        SolveResult neg = SolveResult.conclude("x", p, SolverOptions.defaults(), new double[] {1, -1, 1},
                SolveStatus.MAX_ITERATIONS, 1, null, "");
        assertThat(neg.status()).isEqualTo(SolveStatus.INVALID_ITERATE);
        assertThat(neg.message()).contains("weight 2 is -1");
    }

    @Test
    void concludeNeverWritesUnnormalisedWeights() {
        RiskBudgetProblem p = RiskBudgetProblem.erc(GOOD);
        SolveResult zero = SolveResult.conclude("x", p, SolverOptions.defaults(), new double[] {1e150, 0.0, 3e150},
                SolveStatus.NUMERICAL_BREAKDOWN, 1, null, "");
        assertThat(zero.status()).isEqualTo(SolveStatus.NUMERICAL_BREAKDOWN);
        assertThat(zero.weights()[0]).isCloseTo(0.25, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(zero.weights()[1]).isZero();
        assertThat(zero.message()).contains("weight 2 is 0.0");
        SolveResult negativeSum = SolveResult.conclude("x", p, SolverOptions.defaults(),
                new double[] {-4e150, 1e150, 1e150}, SolveStatus.MAX_ITERATIONS, 1, null, "");
        assertThat(negativeSum.status()).isEqualTo(SolveStatus.INVALID_ITERATE);
        assertThat(negativeSum.weights()).containsExactly(-1.0, 0.25, 0.25);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Test
    void budgetsWithinTheToleranceAreStoredNormalisedSoTheReferenceConverges() {
        double[] b = {0.3 + 4e-10, 0.7};
        RiskBudgetProblem p = RiskBudgetProblem.of(GOOD_2, b);
        assertThat(p.budget(0) + p.budget(1)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(2.3e-16));
        assertThat(p.budget(0) / p.budget(1)).isCloseTo(b[0] / b[1], org.assertj.core.api.Assertions.within(1e-15));
        SolveResult r = new io.paritybench.core.reference.ReferenceSolver().solve(p,
                SolverOptions.defaults().withTolerance(1e-14));
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.CONVERGED);
    }

    @Test
    void duplicateAssetNamesAreRejected() {
        assertThatThrownBy(() -> RiskBudgetProblem.erc(GOOD_2).withAssetNames(List.of("x", "x")))
                .hasMessageContaining("duplicate asset name 'x'");
    }

    private static final double[][] GOOD_2 = {{0.09, 0.009}, {0.009, 0.01}};
}

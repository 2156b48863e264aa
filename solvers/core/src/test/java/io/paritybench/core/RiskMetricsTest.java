package io.paritybench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.paritybench.core.cases.CaseData;
import io.paritybench.core.reference.ReferenceSolver;
import io.paritybench.core.testing.SharedCases;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The judge is scale-safe and compensated: it adds no more than a few ulps to what it judges. */
class RiskMetricsTest {

    static Stream<CaseData> cases() {
        return SharedCases.all().stream();
    }

    @ParameterizedTest(name = "x {0}")
    @ValueSource(doubles = {1e160, 1e-300, 3.0, 1e300, 0x1p900, 0x1p-1000})
    void referenceWeightsScaledByAnyFactorStillPassTheCheck(double factor) {
        CaseData c = SharedCases.byName("rs_n50_kappa1e4");
        double[] ref = c.referenceWeights();
        double[] scaled = new double[ref.length];
        for (int i = 0; i < ref.length; i++) {
            scaled[i] = ref[i] * factor;
        }
        double judged = ConvergenceTest.residual(c.problem(), scaled);
        assertThat(judged).as("scaled by %s", factor).isNotNaN().isLessThan(1e-14);
        assertThat(ConvergenceTest.passes(c.problem(), scaled, 1e-12)).isTrue();
        if (factor == Math.scalb(1.0, Math.getExponent(factor))) {
            // a power of two: bit-identical verdict
            assertThat(judged).isEqualTo(ConvergenceTest.residual(c.problem(), ref));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theExactAnswerIsJudgedWithinTheExactEvaluationFloor(CaseData c) throws java.io.IOException {
        double judged = ConvergenceTest.residual(c.problem(), c.referenceWeights());
        double floor;
        try (java.io.InputStream in = getClass().getResourceAsStream("/cases/" + c.name() + "/meta.json")) {
            floor = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("floors")
                    .path("max_abs_rrc_err_exact_eval").asDouble(Double.NaN);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Double.isFinite(floor), "no exact-evaluation floor");
        // the rounding of the stored weights is all there is: the judge adds at most a few ulps of RRC
        assertThat(judged).isLessThanOrEqualTo(floor * 1.01 + 4 * Math.ulp(1.0));
    }

    @Test
    void theResidualAgreesWithExactArithmeticUnderOneUlpChangesOfTheWeights() {
        // cancellation in Σw is 5e5 here: a plain double evaluation is off by about 1e-13
        CaseData c = SharedCases.byName("rs_n200_kappa1e8");
        double[] w = c.referenceWeights();
        for (int i = 0; i < w.length; i += 37) {
            double[] v = w.clone();
            v[i] = Math.nextUp(v[i]);
            double judged = ConvergenceTest.residual(c.problem(), v);
            double exact = exactResidual(c.problem(), v);
            assertThat(Math.abs(judged - exact)).as("asset %d: judged %s, exact %s", i + 1, judged, exact)
                    .isLessThanOrEqualTo(4 * Math.ulp(0.005));
        }
    }

    /** max_i |RRC_i − b_i| in exact products and sums (BigDecimal), rounded at the end. */
    private static double exactResidual(RiskBudgetProblem p, double[] w) {
        int n = p.n();
        java.math.BigDecimal[] sw = new java.math.BigDecimal[n];
        java.math.BigDecimal v = java.math.BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            java.math.BigDecimal s = java.math.BigDecimal.ZERO;
            for (int j = 0; j < n; j++) {
                s = s.add(new java.math.BigDecimal(p.covariance(i, j)).multiply(new java.math.BigDecimal(w[j])));
            }
            sw[i] = s;
            v = v.add(s.multiply(new java.math.BigDecimal(w[i])));
        }
        java.math.MathContext mc = new java.math.MathContext(40);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            java.math.BigDecimal rrc = new java.math.BigDecimal(w[i]).multiply(sw[i]).divide(v, mc);
            worst = Math.max(worst, rrc.subtract(new java.math.BigDecimal(p.budget(i))).abs().doubleValue());
        }
        return worst;
    }

    @Test
    void aSubnormalTwoAssetProblemSolvesToSixtyForty() {
        double[][] cov = {{4e-320, 0}, {0, 9e-320}};
        RiskBudgetProblem p = RiskBudgetProblem.erc(cov);
        double[] w = {0.6, 0.4};
        assertThat(RiskMetrics.relativeRiskContributions(p, w)[0]).isCloseTo(0.5, within(1e-3));
        SolveResult r = new ReferenceSolver().solve(p, SolverOptions.defaults().withTolerance(1e-10));
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(r.weights()[0] / (r.weights()[0] + r.weights()[1])).isCloseTo(0.6, within(1e-3));
    }

    @Test
    void hugeCovariancesAreJudgedLikeScaledOnes() {
        CaseData c = SharedCases.byName("rs_n10_kappa1e2");
        double[][] cov = c.problem().covariance();
        for (double[] row : cov) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.scalb(row[j], 1000);
            }
        }
        RiskBudgetProblem huge = RiskBudgetProblem.of(cov, c.problem().budgets());
        assertThat(ConvergenceTest.residual(huge, c.referenceWeights()))
                .isEqualTo(ConvergenceTest.residual(c.problem(), c.referenceWeights()));
        assertThat(RiskMetrics.variance(huge, c.referenceWeights()))
                .isEqualTo(Math.scalb(RiskMetrics.variance(c.problem(), c.referenceWeights()), 1000));
    }

    /** A factor model whose entries and dense materialisation are exact dyadic numbers: Σ is the same in both forms. */
    private static RiskBudgetProblem dyadicFactorProblem() {
        int n = 8;
        java.util.Random rnd = new java.util.Random(16);
        double[][] b = new double[n][2];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            b[i][0] = (rnd.nextInt(17) - 4) / 8.0;
            b[i][1] = (rnd.nextInt(17) - 8) / 8.0;
            d[i] = (1 + i) / 16.0;
        }
        double[] budgets = new double[n];
        java.util.Arrays.fill(budgets, 1.0 / n);
        budgets[0] = 0.5 / n;
        budgets[1] = 1.5 / n;
        return RiskBudgetProblem.of(FactorCovariance.of(b, new double[][] {{4, 1}, {1, 2}}, d), budgets);
    }

    @ParameterizedTest(name = "weights x {0}")
    @ValueSource(doubles = {1.0, 1e160, 1e-300})
    void theFactorFormIsJudgedLikeItsDenseMaterialisation(double factor) {
        RiskBudgetProblem factorForm = dyadicFactorProblem();
        RiskBudgetProblem dense = factorForm.toDense();
        double[] w = new ReferenceSolver().solve(dense, SolverOptions.defaults().withTolerance(1e-14)).weights();
        double[] scaled = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            scaled[i] = w[i] * factor;
        }
        double[] viaFactor = RiskMetrics.relativeRiskContributions(factorForm, scaled);
        double[] viaDense = RiskMetrics.relativeRiskContributions(dense, scaled);
        double[] mFactor = RiskMetrics.marginal(factorForm, scaled);
        double[] mDense = RiskMetrics.marginal(dense, scaled);
        for (int i = 0; i < w.length; i++) {
            assertThat(viaFactor[i]).as("RRC_%d", i + 1).isCloseTo(viaDense[i], within(4 * Math.ulp(viaDense[i])));
            assertThat(mFactor[i]).as("(Sigma w)_%d", i + 1).isCloseTo(mDense[i], within(4 * Math.ulp(mDense[i])));
        }
        assertThat(ConvergenceTest.residual(factorForm, scaled)).isNotNaN().isLessThan(1e-14);
        assertThat(ConvergenceTest.passes(factorForm, scaled, 1e-12)).isTrue();
        assertThat(RiskMetrics.budgetErrors(factorForm, scaled).rel()).isLessThan(1e-13);
    }

    @Test
    void theFactorFormIsCompensatedWhereBTransposeWCancels() {
        // Σ = 2^40 b b' + I with b = (1, ..., 1, -1, ..., -1) and the two halves of w nearly equal: b'w is about
        // 1e-10 of terms about 1, so an uncompensated B'w loses about 8 of its digits and 2^40 magnifies that
        int n = 64;
        java.util.Random rnd = new java.util.Random(7);
        double[][] b = new double[n][1];
        double[] d = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n / 2; i++) {
            b[i][0] = 1;
            b[n / 2 + i][0] = -1;
            w[i] = 1 + rnd.nextDouble();
            w[n / 2 + i] = w[i] * (1 + 1e-12 * rnd.nextDouble());
        }
        java.util.Arrays.fill(d, 1.0);
        double[] budgets = new double[n];
        java.util.Arrays.fill(budgets, 1.0 / n);
        RiskBudgetProblem factorForm = RiskBudgetProblem.of(FactorCovariance.of(b, new double[][] {{0x1p40}}, d),
                budgets);
        RiskBudgetProblem dense = factorForm.toDense();
        double[] mFactor = RiskMetrics.marginal(factorForm, w);
        double[] mDense = RiskMetrics.marginal(dense, w);
        double[] plain = factorForm.multiply(w);
        double worstPlain = 0;
        for (int i = 0; i < n; i++) {
            assertThat(mFactor[i]).as("(Sigma w)_%d", i + 1).isCloseTo(mDense[i], within(4 * Math.ulp(mDense[i])));
            worstPlain = Math.max(worstPlain, Math.abs(plain[i] / mDense[i] - 1));
        }
        // the problem does cancel: the plain O(nk) product is visibly off where the judge is not
        assertThat(worstPlain).isGreaterThan(1e-9);
    }

    /** The dyadic factor problem with B times {@code 2^(e/2)} and D times {@code 2^e}: Σ times exactly 2^e. */
    private static RiskBudgetProblem dyadicFactorProblemScaled(int e) {
        FactorCovariance f = dyadicFactorProblem().factor();
        int n = f.n();
        int k = f.k();
        double[] b = f.loadings();
        double[][] rows = new double[n][k];
        double[] d = f.idiosyncraticVariances();
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                rows[i][a] = Math.scalb(b[i * k + a], e / 2);
            }
            d[i] = Math.scalb(d[i], e);
        }
        double[] fc = f.factorCovariance();
        return RiskBudgetProblem.of(FactorCovariance.of(rows, new double[][] {{fc[0], fc[1]}, {fc[2], fc[3]}}, d),
                dyadicFactorProblem().budgets());
    }

    @ParameterizedTest(name = "Sigma x 2^{0}")
    @ValueSource(ints = {-1064, -1000, 1000, -700})
    void subnormalOrHugeFactorModelsAreJudgedLikeTheirScaledEquivalents(int e) {
        // B about 1e-160 and D about 1e-320 (subnormal): B F B' + D is 2^e times the well-scaled model exactly, and
        // an unscaled evaluation of B(F(B'w)) would lose every digit to underflow
        RiskBudgetProblem unit = dyadicFactorProblem();
        RiskBudgetProblem scaled = dyadicFactorProblemScaled(e);
        double[] w = new ReferenceSolver().solve(unit.toDense(), SolverOptions.defaults().withTolerance(1e-14))
                .weights();
        double[] rrcUnit = RiskMetrics.relativeRiskContributions(unit, w);
        double[] rrcScaled = RiskMetrics.relativeRiskContributions(scaled, w);
        for (int i = 0; i < w.length; i++) {
            assertThat(rrcScaled[i]).as("RRC_%d", i + 1).isCloseTo(rrcUnit[i], within(4 * Math.ulp(rrcUnit[i])));
        }
        assertThat(ConvergenceTest.residual(scaled, w)).isNotNaN().isLessThan(1e-14)
                .isCloseTo(ConvergenceTest.residual(unit, w), within(1e-15));
        assertThat(ConvergenceTest.passes(scaled, w, 1e-12)).isTrue();
        assertThat(RiskMetrics.variance(scaled, w)).isEqualTo(Math.scalb(RiskMetrics.variance(unit, w), e));
        io.paritybench.core.cases.CaseScore unitScore = io.paritybench.core.cases.CaseScore.score(
                new CaseData("unit", unit, w, null), w);
        io.paritybench.core.cases.CaseScore scaledScore = io.paritybench.core.cases.CaseScore.score(
                new CaseData("scaled", scaled, w, null), w);
        assertThat(scaledScore.maxAbsRrcError()).isCloseTo(unitScore.maxAbsRrcError(), within(1e-15));
        assertThat(scaledScore.maxRelRrcError()).isCloseTo(unitScore.maxRelRrcError(), within(1e-14));
    }

    @Test
    void decimalScalesOfAFactorModelAreJudgedLikeTheModel() {
        // B x 1e-160, D x 1e-320 (rounded; D subnormal with a few bits): judged like the same stored numbers scaled
        // back up by powers of two
        FactorCovariance f = dyadicFactorProblem().factor();
        int n = f.n();
        double[][] tiny = new double[n][2];
        double[][] back = new double[n][2];
        double[] dTiny = new double[n];
        double[] dBack = new double[n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 2; a++) {
                tiny[i][a] = f.loadings()[i * 2 + a] * 1e-160;
                back[i][a] = Math.scalb(tiny[i][a], 532);
            }
            dTiny[i] = f.idiosyncraticVariances()[i] * 1e-320;
            dBack[i] = Math.scalb(dTiny[i], 1064);
        }
        double[][] fc = {{4, 1}, {1, 2}};
        double[] budgets = dyadicFactorProblem().budgets();
        RiskBudgetProblem small = RiskBudgetProblem.of(FactorCovariance.of(tiny, fc, dTiny), budgets);
        RiskBudgetProblem normal = RiskBudgetProblem.of(FactorCovariance.of(back, fc, dBack), budgets);
        double[] w = new ReferenceSolver().solve(normal.toDense(), SolverOptions.defaults().withTolerance(1e-14))
                .weights();
        double[] a = RiskMetrics.relativeRiskContributions(small, w);
        double[] c = RiskMetrics.relativeRiskContributions(normal, w);
        for (int i = 0; i < n; i++) {
            assertThat(a[i]).as("RRC_%d", i + 1).isCloseTo(c[i], within(4 * Math.ulp(c[i])));
        }
        assertThat(ConvergenceTest.residual(small, w)).isNotNaN().isLessThan(1e-14);
    }
}

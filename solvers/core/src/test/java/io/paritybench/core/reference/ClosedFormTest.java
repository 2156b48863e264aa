package io.paritybench.core.reference;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.generate.Conditioning;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import io.paritybench.core.oracle.AnalyticOracles;
import io.paritybench.core.oracle.ClosedFormTwoAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference solver against the closed forms of ALGORITHMS.md §4. The reference is correctly rounded (0.5 ulp =
 * 1.1e-16 relative) and the closed forms evaluated in double carry a few ulps of their own (§8.4: ≤ 4.5e-16 for
 * the n = 2 stable form), so agreement to 1e-15 relative is what both being right means; for inputs whose
 * weights are sensitive to the rounding of Σ itself the bound is widened by κ_w·u (§2.4).
 */
class ClosedFormTest {

    private static final double U = 0x1p-53;
    private final ReferenceSolver solver = new ReferenceSolver();

    private double[] solve(RiskBudgetProblem p) {
        SolveResult r = solver.solve(p, SolverOptions.defaults().withTolerance(1e-6));
        assertThat(r.counter("certified")).as(r.message()).isEqualTo(1L);
        return r.weights();
    }

    /** §4.1, the draws of §8.4: normal (σ ∈ [0.01, 1], |ρ| ≤ 0.99) and extreme (σ ∈ [0.01, 100], |ρ| ≤ 0.9999). */
    @ParameterizedTest(name = "extreme={0}")
    @ValueSource(booleans = {false, true})
    void twoAssetsMatchTheStableClosedForm(boolean extreme) {
        SplittableRandom rng = new SplittableRandom(extreme ? 84 : 48);
        double worst = 0;
        for (int k = 0; k < 300; k++) {
            double lo = Math.log(0.01);
            double hi = Math.log(extreme ? 100 : 1);
            double s1 = Math.exp(lo + (hi - lo) * rng.nextDouble());
            double s2 = Math.exp(lo + (hi - lo) * rng.nextDouble());
            double rho = (extreme ? 0.9999 : 0.99) * (2 * rng.nextDouble() - 1);
            double b = extreme ? 1e-4 + (1 - 2e-4) * rng.nextDouble() : 0.01 + 0.98 * rng.nextDouble();
            double[][] cov = {{s1 * s1, rho * s1 * s2}, {rho * s1 * s2, s2 * s2}};
            RiskBudgetProblem p = RiskBudgetProblem.of(cov, new double[] {b, 1 - b});
            double[] w = solve(p);
            // the oracle on the correlation actually stored (ρ recomputed from the rounded Σ)
            double storedRho = p.correlation()[0][1];
            double[] expected = ClosedFormTwoAssets.weights(p.volatilities()[0], p.volatilities()[1], storedRho,
                    b, 1 - b);
            double err = RiskMetrics.maxRelWeightError(w, expected);
            double kappaW = Conditioning.of(p, w).kappaWeights();
            assertThat(err).as("draw %d: s=(%s, %s), rho=%s, b=%s", k, s1, s2, rho, b)
                    .isLessThanOrEqualTo(Math.max(1e-15, 4 * kappaW * U));
            worst = Math.max(worst, err);
        }
        System.out.printf("n=2 closed form (extreme=%s): worst relative difference %.3e%n", extreme, worst);
    }

    /** §4.2: diagonal Σ, w ∝ sqrt(b)/σ. */
    @Test
    void diagonalCovarianceGivesSquareRootBudgetsOverVolatility() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 25;
        double[][] cov = new double[n][n];
        double[] b = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = Math.exp(Math.log(1e-3) + Math.log(1e5) * rng.nextDouble());
            cov[i][i] = v * v;
            b[i] = 1e-3 + rng.nextDouble();
            sum += b[i];
        }
        for (int i = 0; i < n; i++) {
            b[i] /= sum;
        }
        RiskBudgetProblem p = RiskBudgetProblem.of(cov, b);
        assertThat(RiskMetrics.maxRelWeightError(solve(p), AnalyticOracles.diagonal(p))).isLessThanOrEqualTo(1e-15);
    }

    /** §4.3: constant correlation with equal budgets, w ∝ 1/σ, including ρ close to −1/(n−1). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "constant-correlation:n=10,rho=0.5,seed=1",
        "constant-correlation:n=40,rho=0.95,volmin=0.01,volmax=1,seed=2",
        "constant-correlation:n=10,rho=-0.1,seed=3",
        "constant-correlation:n=10,gap=1e-3,seed=4",
        "constant-correlation:n=50,gap=1e-2,seed=5"})
    void constantCorrelationGivesInverseVolatility(String spec) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.parse(spec));
        double[] w = solve(p);
        double kappaW = Conditioning.of(p, w).kappaWeights();
        double err = RiskMetrics.maxRelWeightError(w, AnalyticOracles.inverseVolatility(p));
        System.out.printf("%s: kappa_w = %.3g, relative difference %.3e%n", spec, kappaW, err);
        // Σ_ij = σ_iσ_jρ is rounded, which perturbs C by u relative: allowance κ_w·u on top of 1e-15
        assertThat(err).isLessThanOrEqualTo(1e-15 + 4 * kappaW * U);
    }

    /** §4.4: two blocks of equicorrelation with budgets constant inside each block, via the n = 2 closed form. */
    @ParameterizedTest(name = "n={0}, rhoin={1}, rhoout={2}, beta1={3}")
    @CsvSource({"7, 0.6, 0.2, 0.1", "9, 0.3, -0.2, 0.02", "12, 0.9, 0.5, 0.125"})
    void twoEquicorrelatedBlocksReduceToTwoAssets(int n, double rhoIn, double rhoOut, double beta1) {
        GeneratorSpec spec = GeneratorSpec.parse("block:n=" + n + ",blocks=2,rhoin=" + rhoIn + ",rhoout=" + rhoOut
                + ",volmin=0.05,volmax=0.5,seed=" + n);
        double[][] cov = ProblemGenerator.covariance(spec);
        int m1 = (n + 1) / 2;
        int m2 = n - m1;
        double beta2 = (1 - m1 * beta1) / m2;
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = i < m1 ? beta1 : beta2;
        }
        RiskBudgetProblem p = RiskBudgetProblem.normalising(cov, b);
        double[][] c = p.correlation();
        // the block correlations as stored (recomputed from the rounded Σ, averaged over the block)
        double in1 = average(c, 0, m1, 0, m1, true);
        double in2 = average(c, m1, n, m1, n, true);
        double out = average(c, 0, m1, m1, n, false);
        double a11 = 1 + (m1 - 1) * in1;
        double a22 = 1 + (m2 - 1) * in2;
        double a12 = Math.sqrt((double) m1 * m2) * out;
        double[] z = ClosedFormTwoAssets.weights(Math.sqrt(a11), Math.sqrt(a22), a12 / Math.sqrt(a11 * a22),
                m1 * p.budget(0), m2 * p.budget(n - 1));
        double[] vol = p.volatilities();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < m1 ? z[0] / (Math.sqrt(m1) * vol[i]) : z[1] / (Math.sqrt(m2) * vol[i]);
        }
        double[] w = solve(p);
        double kappaW = Conditioning.of(p, w).kappaWeights();
        assertThat(RiskMetrics.maxRelWeightError(w, normalised(x))).isLessThanOrEqualTo(2e-15 + 4 * kappaW * U);
    }

    /** §4.5: block-diagonal Σ of 2×2 blocks; each block by the n = 2 closed form, then combined. */
    @Test
    void independentPairsCombineTheirTwoAssetSolutions() {
        SplittableRandom rng = new SplittableRandom(45);
        int n = 20;
        double[][] cov = new double[n][n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = 0.01 + rng.nextDouble();
        }
        for (int k = 0; k < n; k += 2) {
            double s1 = 0.05 + 0.5 * rng.nextDouble();
            double s2 = 0.05 + 0.5 * rng.nextDouble();
            double rho = 1.9 * rng.nextDouble() - 0.95;
            cov[k][k] = s1 * s1;
            cov[k + 1][k + 1] = s2 * s2;
            cov[k][k + 1] = rho * s1 * s2;
            cov[k + 1][k] = cov[k][k + 1];
        }
        RiskBudgetProblem p = RiskBudgetProblem.normalising(cov, b);
        double[] vol = p.volatilities();
        double[][] c = p.correlation();
        double[] x = new double[n];
        for (int k = 0; k < n; k += 2) {
            double bk = p.budget(k) + p.budget(k + 1);
            double[] v = ClosedFormTwoAssets.weights(vol[k], vol[k + 1], c[k][k + 1], p.budget(k) / bk,
                    p.budget(k + 1) / bk);
            double var = v[0] * v[0] * cov[k][k] + 2 * v[0] * v[1] * cov[k][k + 1] + v[1] * v[1] * cov[k + 1][k + 1];
            double f = Math.sqrt(bk) / Math.sqrt(var);
            x[k] = f * v[0];
            x[k + 1] = f * v[1];
        }
        double[] w = solve(p);
        double kappaW = Conditioning.of(p, w).kappaWeights();
        assertThat(RiskMetrics.maxRelWeightError(w, normalised(x))).isLessThanOrEqualTo(2e-15 + 4 * kappaW * U);
    }

    private static double average(double[][] c, int r0, int r1, int c0, int c1, boolean offDiagonalOnly) {
        double s = 0;
        int k = 0;
        for (int i = r0; i < r1; i++) {
            for (int j = c0; j < c1; j++) {
                if (!offDiagonalOnly || i != j) {
                    s += c[i][j];
                    k++;
                }
            }
        }
        return s / k;
    }

    private static double[] normalised(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        double[] w = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            w[i] = x[i] / s;
        }
        return w;
    }
}

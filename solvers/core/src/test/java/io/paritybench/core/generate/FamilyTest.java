package io.paritybench.core.generate;

import io.paritybench.core.RiskBudgetProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Determinism, validity and the defining structure of every generator family. */
class FamilyTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "random-spectrum:n=30,kappa=1e10,seed=1",
        "constant-correlation:n=12,rho=0.3,budgets=dirichlet:1,seed=2",
        "constant-correlation:n=12,gap=1e-6,seed=2",
        "block:n=11,blocks=3,rhoin=0.8,rhoout=0.3,budgets=tiny,seed=3",
        "factor:n=40,k=3,idio=1e-8,budgets=dirichlet:0.3,seed=4",
        "factor:n=40,k=5,idio=1e-10,mixed=1,seed=4",
        "negative-correlation:n=13,seed=5",
        "vol-spread:n=25,volmin=1e-3,volmax=1e2,budgets=tiny:4:1e-4,seed=6",
        "sample:n=30,kappa=1e4,t=31,seed=7",
        "sample:n=12,seed=8"})
    void everyFamilyIsDeterministicExactlySymmetricAndPositiveDefinite(String text) {
        GeneratorSpec spec = GeneratorSpec.parse(text);
        RiskBudgetProblem a = ProblemGenerator.problem(spec);
        RiskBudgetProblem b = ProblemGenerator.problem(spec);
        RiskBudgetProblem other = ProblemGenerator.problem(spec.withSeed(spec.seed() + 1));
        int n = spec.n();
        double[][] sa = a.covariance();
        double[][] sb = b.covariance();
        for (int i = 0; i < n; i++) {
            assertThat(Arrays.equals(sa[i], sb[i])).as("row %d identical for the same seed", i).isTrue();
            for (int j = 0; j < n; j++) {
                assertThat(Double.doubleToRawLongBits(sa[i][j])).isEqualTo(Double.doubleToRawLongBits(sa[j][i]));
            }
        }
        assertThat(Arrays.equals(a.budgets(), b.budgets())).isTrue();
        assertThat(Arrays.deepEquals(sa, other.covariance())).as("another seed gives another matrix").isFalse();
        assertThat(ProblemGenerator.covariance(spec)).isDeepEqualTo(sa);
        // positive definite: the problem was accepted (validated by Cholesky) and the smallest eigenvalue is positive
        double[] ev = RandomSpectrumTest.eigenvalues(sa);
        assertThat(ev[0]).isPositive();
        double sum = 0;
        for (double v : a.budgets()) {
            assertThat(v).isPositive();
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-13));
    }

    @Test
    void constantCorrelationHasOneCorrelationAndGapApproachesTheLowerLimit() {
        int n = 9;
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.parse("constant-correlation:n=9,rho=0.3,seed=1"));
        double[][] c = p.correlation();
        RiskBudgetProblem q = ProblemGenerator.problem(GeneratorSpec.parse("constant-correlation:n=9,gap=1e-4,seed=1"));
        double[][] d = q.correlation();
        double limit = -1.0 / (n - 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    // C recomputed from the rounded Σ: a few ulps
                    assertThat(c[i][j]).isCloseTo(0.3, within(1e-15));
                    assertThat(d[i][j]).isCloseTo(limit * (1 - 1e-4), within(1e-15));
                }
            }
        }
        double[] vol = p.volatilities();
        for (double v : vol) {
            assertThat(v).isBetween(0.1, 0.4);
        }
        // the smallest eigenvalue of C is 1 + (n − 1)ρ = gap; checked to 1e-6 relative
        assertThat(RandomSpectrumTest.eigenvalues(d)[0]).isCloseTo(1e-4, within(1e-4 * 1e-6));
        assertThatThrownBy(() -> ProblemGenerator.problem(GeneratorSpec.parse("constant-correlation:n=5,rho=-0.3")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blocksHaveTheirCorrelationsAndSizesAsEqualAsPossible() {
        RiskBudgetProblem p = ProblemGenerator.problem(
                GeneratorSpec.parse("block:n=8,blocks=3,rhoin=0.5,rhoout=-0.1,seed=4"));
        int[] g = ProblemGenerator.blockOf(8, 3);
        assertThat(g).containsExactly(0, 0, 0, 1, 1, 1, 2, 2);
        double[][] c = p.correlation();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                if (i != j) {
                    assertThat(c[i][j]).isCloseTo(g[i] == g[j] ? 0.5 : -0.1, within(1e-15));
                }
            }
        }
        assertThatThrownBy(() -> ProblemGenerator.problem(GeneratorSpec.parse("block:n=8,blocks=2,rhoin=0.1,rhoout=-0.6")))
                .hasMessageContaining("not numerically positive definite");
    }

    @Test
    void factorModelsAreNearSingularAndMixedLoadingsGiveNegativeCorrelations() {
        GeneratorSpec spec = GeneratorSpec.parse("factor:n=30,k=2,idio=1e-8,seed=9");
        double[][] s = ProblemGenerator.covariance(spec);
        double[] ev = RandomSpectrumTest.eigenvalues(s);
        // n − k eigenvalues equal the idiosyncratic variance
        assertThat(ev[0]).isCloseTo(1e-8, within(1e-8 * 1e-6));
        assertThat(ev[27]).isCloseTo(1e-8, within(1e-8 * 1e-6));
        assertThat(ev[28]).isGreaterThan(1e-4);
        assertThat(minOffDiagonal(s)).as("market loadings are positive").isGreaterThan(-1.0);
        double[][] mixed = ProblemGenerator.covariance(spec.with("mixed", 1));
        assertThat(minOffDiagonal(correlationOf(mixed))).isLessThan(-0.5);
    }

    @Test
    void negativeCorrelationPairsHedgeEachOther() {
        double[][] c = correlationOf(ProblemGenerator.covariance(
                GeneratorSpec.parse("negative-correlation:n=6,pairrho=0.9,mix=0,seed=1")));
        assertThat(c[0][1]).isCloseTo(-0.9, within(1e-15));
        assertThat(c[4][5]).isCloseTo(-0.9, within(1e-15));
        assertThat(c[0][2]).isCloseTo(0.0, within(0.0));
        double[][] mixed = correlationOf(ProblemGenerator.covariance(
                GeneratorSpec.parse("negative-correlation:n=7,pairrho=0.9,mix=0.2,seed=1")));
        assertThat(mixed[2][3]).isBetween(-0.9, -0.5);
    }

    @Test
    void volSpreadCoversTheRequestedDecades() {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.parse("vol-spread:n=200,seed=2"));
        double[] vol = p.volatilities();
        double lo = Arrays.stream(vol).min().orElseThrow();
        double hi = Arrays.stream(vol).max().orElseThrow();
        assertThat(lo).isGreaterThanOrEqualTo(1e-2 * (1 - 1e-15));
        assertThat(hi).isLessThanOrEqualTo(1e2 * (1 + 1e-15));
        // 200 log-uniform draws over four decades reach both outer decades
        assertThat(hi / lo).isGreaterThan(1e3);
    }

    @Test
    void sampleCovarianceConvergesToThePopulation() {
        GeneratorSpec spec = GeneratorSpec.parse("sample:n=4,kappa=10,t=200000,seed=3");
        double[][] s = ProblemGenerator.covariance(spec);
        // population: the random-spectrum matrix drawn first from the same stream
        double[][] pop = Matrices.randomSpectrum(4, 10, new Draws(new java.util.SplittableRandom(3).split()));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                // standard error of a sample covariance entry ≈ sqrt(2/T)·scale ≈ 3e-3; 5 standard errors
                assertThat(s[i][j]).isCloseTo(pop[i][j], within(0.016));
            }
        }
        assertThatThrownBy(() -> ProblemGenerator.problem(GeneratorSpec.parse("sample:n=10,t=10")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void budgetSpecsGiveTheirBudgets() {
        GeneratorSpec base = GeneratorSpec.parse("random-spectrum:n=10,seed=5");
        double[] equal = ProblemGenerator.problem(base).budgets();
        assertThat(equal).containsOnly(0.1);
        double[] tiny = ProblemGenerator.problem(base.withBudgets(BudgetSpec.tiny(3, 1e-4))).budgets();
        assertThat(Arrays.stream(tiny).filter(v -> v == 1e-4).count()).isEqualTo(3);
        assertThat(Arrays.stream(tiny).filter(v -> v != 1e-4).distinct().count()).isEqualTo(1);
        double[] d1 = ProblemGenerator.problem(base.withBudgets(BudgetSpec.dirichlet(0.5))).budgets();
        double[] d2 = ProblemGenerator.problem(base.withBudgets(BudgetSpec.dirichlet(0.5))).budgets();
        assertThat(d1).isEqualTo(d2);
        assertThat(Arrays.stream(d1).distinct().count()).isEqualTo(10);
        // the budgets stream is independent of the matrix family: same seed, same Dirichlet draw
        double[] d3 = ProblemGenerator.problem(GeneratorSpec.parse("factor:n=10,seed=5,budgets=dirichlet:0.5")).budgets();
        assertThat(d3).isEqualTo(d1);
    }

    @Test
    void dirichletDrawsHaveTheRightMean() {
        // E[b_i] = 1/n for Dirichlet(alpha, ..., alpha); averaged over 400 draws of n = 5, alpha = 2
        double[] mean = new double[5];
        for (int s = 0; s < 400; s++) {
            double[] b = ProblemGenerator.budgets(BudgetSpec.dirichlet(2), 5, new Draws(new java.util.SplittableRandom(s)));
            for (int i = 0; i < 5; i++) {
                mean[i] += b[i] / 400;
            }
        }
        for (double m : mean) {
            // sd of one component: sqrt((1/5)(4/5)/(10+1)) ≈ 0.12; of the mean of 400: 0.006; 5 standard errors
            assertThat(m).isCloseTo(0.2, within(0.03));
        }
    }

    private static double minOffDiagonal(double[][] a) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j) {
                    m = Math.min(m, a[i][j]);
                }
            }
        }
        return m;
    }

    private static double[][] correlationOf(double[][] s) {
        return Matrices.correlationOf(s);
    }
}

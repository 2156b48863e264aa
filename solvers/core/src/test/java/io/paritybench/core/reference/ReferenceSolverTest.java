package io.paritybench.core.reference;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.SharedCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.paritybench.core.generate.Conditioning;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceSolverTest {

    private final ReferenceSolver solver = new ReferenceSolver();

    static List<CaseData> cases() {
        return SharedCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesEverySharedReferenceToOneUlp(CaseData c) {
        SolveResult r = solver.solve(c.problem(), SolverOptions.defaults().withTolerance(1e-6));
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(r.counter("certified")).isEqualTo(1L);
        double[] w = r.weights();
        double[] ref = c.referenceWeights();
        int worstUlps = 0;
        for (int i = 0; i < w.length; i++) {
            // distance in units in the last place: 0 = identical bits, 1 = adjacent doubles
            long ulps = Math.abs(Double.doubleToLongBits(w[i]) - Double.doubleToLongBits(ref[i]));
            worstUlps = (int) Math.max(worstUlps, ulps);
        }
        System.out.printf("%s: worst %d ulp, %s%n", c.name(), worstUlps, r.message());
        assertThat(worstUlps).as("worst weight distance in ulps").isLessThanOrEqualTo(1);
    }

    /**
     * Independent check on generated problems of every family: the relative risk contributions of the returned
     * weights, evaluated exactly (BigDecimal, 50 digits), must be within the first-order effect of rounding exact
     * weights to double, {@code |RRC_i − b_i| ≤ 2(1 + canc)·u·b_i} (ALGORITHMS.md §2.4); a weight error of k ulps
     * would show as k times that.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "random-spectrum:n=30,kappa=1e12,seed=11",
        "constant-correlation:n=20,gap=1e-5,budgets=dirichlet:0.5,seed=12",
        "block:n=25,blocks=4,rhoin=0.9,rhoout=-0.05,budgets=tiny,seed=13",
        "factor:n=40,k=5,idio=1e-10,mixed=1,budgets=dirichlet:1,seed=14",
        "negative-correlation:n=21,pairrho=0.99,mix=0.05,seed=15",
        "vol-spread:n=30,volmin=1e-3,volmax=1e3,budgets=tiny:5:1e-4,seed=16",
        "sample:n=30,kappa=1e6,t=32,seed=17"})
    void exactRiskContributionsOfGeneratedProblemsAreAtTheRoundingFloor(String text) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.parse(text));
        SolveResult r = solver.solve(p, SolverOptions.defaults().withTolerance(1e-6));
        assertThat(r.counter("certified")).as(r.message()).isEqualTo(1L);
        double[] w = r.weights();
        double canc = Conditioning.of(p, w).cancellation();
        int n = p.n();
        MathContext mc = new MathContext(50);
        BigDecimal[] bw = new BigDecimal[n];
        BigDecimal bsum = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            bw[i] = new BigDecimal(w[i]);
            bsum = bsum.add(new BigDecimal(p.budget(i)));
        }
        BigDecimal[] contrib = new BigDecimal[n];
        BigDecimal v = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal s = BigDecimal.ZERO;
            for (int j = 0; j < n; j++) {
                s = s.add(new BigDecimal(p.covariance(i, j)).multiply(bw[j]));
            }
            contrib[i] = bw[i].multiply(s);
            v = v.add(contrib[i]);
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal bhat = new BigDecimal(p.budget(i)).divide(bsum, mc);
            double rel = contrib[i].divide(v, mc).subtract(bhat).abs().divide(bhat, mc).doubleValue();
            worst = Math.max(worst, rel);
        }
        System.out.printf("%s: exact max|RRC/b - 1| = %.3e, 2(1+canc)u = %.3e%n", text, worst, 2 * (1 + canc) * 0x1p-53);
        assertThat(worst).isLessThanOrEqualTo(2.2 * (1 + canc) * 0x1p-53);
    }

    @Test
    void scalingSigmaByAPowerOfTwoGivesIdenticalBits() {
        CaseData c = SharedCases.byName("rs_n50_kappa1e4");
        double[][] cov = c.problem().covariance();
        for (double[] row : cov) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= 0x1p-6;
            }
        }
        SolverOptions o = SolverOptions.defaults().withTolerance(1e-6);
        double[] a = solver.solve(c.problem(), o).weights();
        double[] b = solver.solve(RiskBudgetProblem.of(cov, c.problem().budgets()), o).weights();
        assertThat(Arrays.equals(a, b)).isTrue();
    }

    @Test
    void aToleranceBelowTheDoubleFloorIsReportedAsStagnationWithCertifiedWeights() {
        CaseData c = SharedCases.byName("rs_n200_kappa1e8");
        // the double-evaluated residual of the exact answer is 1.6e-13 here (meta.json floors)
        SolveResult r = solver.solve(c.problem(), SolverOptions.defaults().withTolerance(1e-16));
        assertThat(r.status()).isEqualTo(SolveStatus.STAGNATED);
        assertThat(r.counter("certified")).isEqualTo(1L);
        assertThat(r.message()).contains("exceeds tol");
        assertThat(r.weights()).isEqualTo(c.referenceWeights());
        assertThat(r.counter("certifiedResidualLog10")).isLessThanOrEqualTo(-20L);
    }

    @Test
    void aWarmStartGivesTheSameAnswerAndAnIterationCapIsHonoured() {
        CaseData c = SharedCases.byName("fm_n30_k2_idio1e-4_budgets");
        double[] start = new double[c.problem().n()];
        Arrays.fill(start, 1.0);
        SolveResult warm = solver.solve(c.problem(),
                SolverOptions.defaults().withTolerance(1e-6).withInitialPoint(start));
        SolveResult cold = solver.solve(c.problem(), SolverOptions.defaults().withTolerance(1e-6));
        assertThat(warm.weights()).isEqualTo(cold.weights());
        // the file's budgets sum to 1 within 1e-9 and are stored as b/sum(b): within 1 ulp of the file's reference
        for (int i = 0; i < warm.weights().length; i++) {
            assertThat(Math.abs(Double.doubleToLongBits(warm.weights()[i])
                    - Double.doubleToLongBits(c.referenceWeights()[i]))).isLessThanOrEqualTo(1L);
        }
        SolveResult capped = solver.solve(c.problem(), SolverOptions.defaults().withTolerance(1e-15).withMaxIterations(3));
        assertThat(capped.status()).isEqualTo(SolveStatus.MAX_ITERATIONS);
        assertThat(capped.counter("certified")).isEqualTo(0L);
        assertThat(capped.iterations()).isLessThanOrEqualTo(3);
    }
}

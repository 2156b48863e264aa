package io.paritybench.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.Deadline;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The coordinate-descent start of the reference's Newton phase ({@link CoordinateStart}). */
class CoordinateStartTest {

    private static double[] correlation(RiskBudgetProblem p) {
        int n = p.n();
        double[] vol = p.volatilities();
        double[][] s = p.covariance();
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = s[i][j] / (vol[i] * vol[j]);
            }
        }
        return c;
    }

    /** Spinu's barrier {@code ½ y'Cy − Σ b_i ln y_i}. */
    private static double barrier(double[] c, int n, double[] b, double[] y) {
        double f = 0;
        for (int i = 0; i < n; i++) {
            double r = 0;
            for (int j = 0; j < n; j++) {
                r += c[i * n + j] * y[j];
            }
            f += 0.5 * y[i] * r - b[i] * Math.log(y[i]);
        }
        return f;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void theSweepsLowerTheBarrierAndStayInTheOrthant(int seed) {
        int n = 300;
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.parse(
                "random-spectrum:n=" + n + ",kappa=1e" + (2 + 2 * seed) + ",budgets=dirichlet:1,seed=" + seed));
        double[] c = correlation(p);
        double[] b = p.budgets().clone();
        double min = Arrays.stream(b).min().orElseThrow();
        for (int i = 0; i < n; i++) {
            b[i] /= min;
        }
        double[] y0 = new double[n];
        Arrays.fill(y0, 1.0);
        CoordinateStart.Start s = CoordinateStart.of(c, n, b, y0, Deadline.after(Duration.ofMinutes(1)));
        assertThat(s.sweeps()).isBetween(1, n / 16);
        assertThat(y0).containsOnly(1.0);
        assertThat(Arrays.stream(s.y()).allMatch(v -> v > 0 && Double.isFinite(v))).isTrue();
        assertThat(barrier(c, n, b, s.y())).isLessThan(barrier(c, n, b, y0));
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {2, 100, CoordinateStart.MIN_N - 1})
    void belowTheThresholdNewtonStartsWhereItWould(int n) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            c[i * n + i] = 1;
        }
        double[] b = new double[n];
        Arrays.fill(b, 1.0);
        double[] y0 = new double[n];
        Arrays.fill(y0, 3.0);
        CoordinateStart.Start s = CoordinateStart.of(c, n, b, y0, Deadline.after(Duration.ofMinutes(1)));
        assertThat(s.sweeps()).isZero();
        assertThat(s.y()).isSameAs(y0);
    }

    /** From n = 256 the start goes through the sweeps; the certified answer does not depend on where they began. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"random-spectrum:n=400,kappa=1e6,budgets=dirichlet:0.5,seed=7",
        "factor:n=300,k=3,idio=1e-3,seed=8"})
    void theCertifiedAnswerIsTheSameFromAnyStart(String text) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.parse(text));
        ReferenceSolver solver = new ReferenceSolver();
        SolveResult cold = solver.solve(p, SolverOptions.defaults());
        double[] start = new double[p.n()];
        for (int i = 0; i < start.length; i++) {
            start[i] = 1 + (i % 7);
        }
        SolveResult warm = solver.solve(p, SolverOptions.defaults().withInitialPoint(start));
        for (SolveResult r : new SolveResult[] {cold, warm}) {
            assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.CONVERGED);
            assertThat(r.counter("certified")).isEqualTo(1L);
            assertThat(r.counter("coordinateSweeps")).isPositive();
        }
        assertThat(warm.weights()).isEqualTo(cold.weights());
    }
}

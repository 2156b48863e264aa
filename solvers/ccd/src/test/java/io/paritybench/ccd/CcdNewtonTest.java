package io.paritybench.ccd;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When the CCD-then-Newton hybrid switches, and what it says about it. */
class CcdNewtonTest {

    private static RiskBudgetProblem randomSpectrum(int n, double kappa, long seed) {
        return ProblemGenerator.problem(GeneratorSpec.randomSpectrum(n, kappa, seed));
    }

    @Test
    void aProblemCcdSolvesQuicklyNeverReachesNewton() {
        double[][] cov = {{4, 0.1, 0}, {0.1, 1, 0.05}, {0, 0.05, 0.25}};
        RiskBudgetProblem p = RiskBudgetProblem.of(cov, new double[] {0.5, 0.3, 0.2});
        SolveResult r = new CcdNewton().solve(p, SolverOptions.defaults().withTolerance(1e-6));
        assertThat(r.status()).as("%s", r).isEqualTo(SolveStatus.CONVERGED);
        assertThat(r.counter("newtonIterations")).isZero();
        assertThat(r.message()).contains("no switch to Newton");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void slowContractionHandsOverToNewtonEarly(long seed) {
        RiskBudgetProblem p = randomSpectrum(30, 1e8, seed);
        SolveResult r = new CcdNewton().solve(p, SolverOptions.defaults());
        assertThat(r.status()).as("%s", r).isEqualTo(SolveStatus.CONVERGED);
        assertThat(ConvergenceTest.passes(p, r.weights(), 1e-10)).isTrue();
        long sweeps = r.counter("sweeps");
        assertThat(sweeps).isBetween((long) CcdNewton.WINDOW, (long) CcdNewton.SWEEP_BUDGET);
        assertThat(r.counter("switchedAfterSweeps")).isEqualTo(sweeps);
        assertThat(r.counter("newtonIterations")).isPositive();
        assertThat(r.iterations()).isEqualTo(sweeps + r.counter("newtonIterations"));
        assertThat(r.counter("newtonFactorizations")).isPositive();
        assertThat(r.message()).contains("switched to newton after " + sweeps + " sweeps", "per-sweep contraction");
    }

    @ParameterizedTest(name = "cap {0}")
    @ValueSource(ints = {2, 6, 9})
    void theIterationCapBoundsSweepsPlusNewtonIterations(int cap) {
        RiskBudgetProblem p = randomSpectrum(30, 1e10, 4);
        SolveResult r = new CcdNewton().solve(p, SolverOptions.defaults().withTolerance(1e-14).withMaxIterations(cap));
        assertThat(r.iterations()).isLessThanOrEqualTo(cap);
        assertThat(r.status()).isIn(SolveStatus.MAX_ITERATIONS, SolveStatus.STAGNATED, SolveStatus.CONVERGED);
    }
}

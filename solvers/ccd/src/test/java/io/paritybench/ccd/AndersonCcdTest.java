package io.paritybench.ccd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What Anderson acceleration adds to Spinu-form CCD, on seeded random spectra. */
class AndersonCcdTest {

    private static RiskBudgetProblem randomSpectrum(int n, double kappa, long seed) {
        return ProblemGenerator.problem(GeneratorSpec.randomSpectrum(n, kappa, seed));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void needsFarFewerSweepsThanPlainCcdOnAnIllConditionedProblem(long seed) {
        RiskBudgetProblem p = randomSpectrum(30, 1e6, seed);
        SolverOptions o = SolverOptions.defaults().withTolerance(1e-10);
        SolveResult plain = new CyclicalCoordinateDescent(CyclicalCoordinateDescent.Variant.SPINU).solve(p, o);
        SolveResult fast = new AndersonCcd().solve(p, o);
        assertThat(fast.status()).as("%s", fast).isEqualTo(SolveStatus.CONVERGED);
        assertThat(ConvergenceTest.passes(p, fast.weights(), 1e-10)).isTrue();
        assertThat(fast.iterations()).as("sweeps, against %d for ccd-spinu (%s)", plain.iterations(), plain.status())
                .isLessThan(plain.iterations() / 2);
        long steps = fast.counter("extrapolationsAccepted") + fast.counter("extrapolationsShortened")
                + fast.counter("extrapolationsRejected");
        assertThat(steps).isLessThan(fast.iterations());
        assertThat(fast.counter("extrapolationsAccepted")).isPositive();
        assertThat(fast.counter("sweeps")).isEqualTo(fast.iterations());
        assertThat(fast.message()).contains("extrapolations:");
    }

    @ParameterizedTest(name = "memory {0}")
    @ValueSource(ints = {1, 2, 5, 10})
    void convergesWithAnyMemory(int memory) {
        RiskBudgetProblem p = randomSpectrum(20, 1e4, 7);
        SolveResult r = new AndersonCcd(memory).solve(p, SolverOptions.defaults());
        assertThat(r.status()).as("%s", r).isEqualTo(SolveStatus.CONVERGED);
        assertThat(r.counter("memory")).isEqualTo(memory);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 10})
    void fullMemoryAtSmallNConvergesWhereMemoryFiveReachesTheSweepCap(long seed) {
        RiskBudgetProblem p = randomSpectrum(30, 1e9, seed);
        SolverOptions o = SolverOptions.defaults().withTolerance(1e-10);
        SolveResult five = new AndersonCcd(5).solve(p, o);
        SolveResult auto = new AndersonCcd().solve(p, o);
        assertThat(five.status()).as("%s", five).isNotEqualTo(SolveStatus.CONVERGED);
        assertThat(auto.status()).as("%s", auto).isEqualTo(SolveStatus.CONVERGED);
        assertThat(ConvergenceTest.passes(p, auto.weights(), 1e-10)).isTrue();
        assertThat(auto.counter("memory")).isEqualTo(30);
    }

    @Test
    void theDefaultMemoryIsTheDimensionUpToTheLimitAndFiveAbove() {
        AndersonCcd d = new AndersonCcd();
        assertThat(d.memoryFor(1)).isEqualTo(1);
        assertThat(d.memoryFor(AndersonCcd.FULL_MEMORY_MAX_N)).isEqualTo(AndersonCcd.FULL_MEMORY_MAX_N);
        assertThat(d.memoryFor(AndersonCcd.FULL_MEMORY_MAX_N + 1)).isEqualTo(AndersonCcd.DEFAULT_MEMORY);
        assertThat(new AndersonCcd(7).memoryFor(3)).isEqualTo(7);
    }

    @Test
    void rejectsANonPositiveMemory() {
        assertThatThrownBy(() -> new AndersonCcd(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDiagonalProblemIsSolvedInOneSweep() {
        double[][] cov = {{4, 0, 0}, {0, 1, 0}, {0, 0, 0.25}};
        RiskBudgetProblem p = RiskBudgetProblem.of(cov, new double[] {0.5, 0.3, 0.2});
        SolveResult r = new AndersonCcd().solve(p, SolverOptions.defaults().withTolerance(1e-14));
        assertThat(r.status()).as("%s", r).isEqualTo(SolveStatus.CONVERGED);
        assertThat(r.iterations()).isLessThanOrEqualTo(1);
    }
}

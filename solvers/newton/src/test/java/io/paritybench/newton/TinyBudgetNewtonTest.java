package io.paritybench.newton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Budgets spanning up to 1e300: with the barrier scaled by b_min, S is about 1e300 and the iterate about 1e150.
 * These ended NUMERICAL_BREAKDOWN with a coordinate rounded to zero by the damped step, and the raw iterate (weights
 * summing to 3e151) was returned.
 */
class TinyBudgetNewtonTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "random-spectrum:n=10,kappa=100,budgets=dirichlet:0.01,seed=1",
            "random-spectrum:n=50,kappa=1e6,budgets=tiny:3:1e-300,seed=2",
            "factor:n=50,k=3,budgets=tiny:3:1e-300,seed=2"})
    void convergesOnBudgetsSpanningUpTo1e300(String spec) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.parse(spec));
        SolveResult r = new LogBarrierNewton().solve(p, SolverOptions.defaults());
        assertThat(r.status()).as("%s", r).isEqualTo(SolveStatus.CONVERGED);
        assertThat(ConvergenceTest.passes(p, r.weights(), 1e-10)).isTrue();
    }

    /** Whatever the status, the weights written are normalised (never of order 1e150). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "random-spectrum:n=50,kappa=1e6,budgets=tiny:3:1e-300,seed=2",
            "random-spectrum:n=100,kappa=1e8,budgets=dirichlet:0.01,seed=5"})
    void everySolverOfTheModuleWritesNormalisedWeights(String spec) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.parse(spec));
        for (SolveResult r : new SolveResult[] {new LogBarrierNewton().solve(p, SolverOptions.defaults()),
                new TruncatedNewtonCg().solve(p, SolverOptions.defaults())}) {
            double sum = 0;
            for (double w : r.weights()) {
                sum += w;
            }
            assertThat(sum).as("%s", r).isCloseTo(1.0, within(1e-12));
        }
    }
}

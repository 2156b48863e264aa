package io.paritybench.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Budgets spanning up to 1e300 (a budget of 1e-300, Dirichlet(0.01) draws down to 1e-169): the reference certifies
 * them, and its weights sum to one. Before the barrier's damped step was evaluated without cancellation, these ended
 * NUMERICAL_BREAKDOWN with a zero weight (and weights summing to 5.3) or at the iteration cap in the damped phase.
 */
class TinyBudgetReferenceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "random-spectrum:n=10,kappa=100,budgets=dirichlet:0.01,seed=1",
            "random-spectrum:n=10,kappa=100,budgets=tiny:1:1e-300,seed=1",
            "random-spectrum:n=50,kappa=1e6,budgets=tiny:3:1e-300,seed=2",
            "random-spectrum:n=50,kappa=1e4,budgets=dirichlet:0.01,seed=3",
            "random-spectrum:n=30,kappa=1e4,budgets=tiny:3:1e-12,seed=4",
            "factor:n=50,k=3,budgets=tiny:3:1e-300,seed=2"})
    void certifiesBudgetsSpanningUpTo1e300(String spec) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.parse(spec));
        SolveResult r = new ReferenceSolver().solve(p, SolverOptions.defaults());
        assertThat(ReferenceSolver.isCertified(r)).as("%s", r).isTrue();
        assertThat(r.status()).isEqualTo(SolveStatus.CONVERGED);
        double sum = 0;
        for (double w : r.weights()) {
            assertThat(w).isPositive();
            sum += w;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-15));
    }

    /** Where the budgets span beyond what the Newton phase reaches within its cap, the status says so. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"random-spectrum:n=200,kappa=1e4,budgets=tiny:5:1e-300,seed=6"})
    void anUncertifiedSolveIsAStatusWithNormalisedWeights(String spec) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.parse(spec));
        SolveResult r = new ReferenceSolver().solve(p, SolverOptions.defaults());
        if (ReferenceSolver.isCertified(r)) {
            return; // nothing to check: certified, as the test above requires of its cases
        }
        assertThat(r.status()).isNotEqualTo(SolveStatus.CONVERGED);
        double sum = 0;
        for (double w : r.weights()) {
            sum += w;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
    }
}

package io.paritybench.newton;

import static org.assertj.core.api.Assertions.assertThat;

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
 * newton-cg on ill-conditioned problems: an accurate direction gets the larger CG cap, and a stop at the decrement's
 * floor after CG hit that cap says that it is CG's floor, never "the noise floor of double precision". The first case
 * stopped 13 times on the {@code 2n} cap at max|RRC−b| = 1.3e-8 with a message naming double precision.
 */
class NewtonCgFloorTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "random-spectrum:n=50,kappa=1e10,budgets=dirichlet:1,seed=1",
            "random-spectrum:n=50,kappa=1e10,budgets=dirichlet:1,seed=2",
            "random-spectrum:n=100,kappa=1e12,seed=3"})
    void stagnationAtTheCgCapIsReportedAsSuch(String spec) {
        RiskBudgetProblem p = ProblemGenerator.problem(GeneratorSpec.parse(spec));
        SolveResult r = new TruncatedNewtonCg().solve(p, SolverOptions.defaults().withTolerance(1e-13));
        SolveResult direct = new LogBarrierNewton().solve(p, SolverOptions.defaults().withTolerance(1e-13));
        double residual = ConvergenceTest.residual(p, r.weights());
        double floor = ConvergenceTest.residual(p, direct.weights());
        assertThat(r.status()).as("%s", r).isIn(SolveStatus.CONVERGED, SolveStatus.STAGNATED);
        if (r.message().contains("conjugate-gradient cap")) {
            assertThat(r.status()).isEqualTo(SolveStatus.STAGNATED);
        } else {
            // a stop called the floor of double precision is within a factor 100 of the floor Cholesky reaches
            assertThat(residual).as("%s against newton's %s", r, floor).isLessThanOrEqualTo(100 * floor + 1e-15);
        }
    }
}

package io.paritybench.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskBudgetSolver;
import io.paritybench.core.RiskMeasure;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.AccuracyTolerance;
import io.paritybench.core.generate.Conditioning;
import io.paritybench.core.reference.ReferenceSolver;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of solvers with a factor-form path ({@code Σ = BFB' + D}): on seeded problems with n = 50–200 the
 * factor-form solve converges and its weights agree with the certified reference of the same problem materialised
 * as dense, within the per-case tolerance of ALGORITHMS.md §8.3 ({@link AccuracyTolerance}, from the dense
 * problem's κ_w and double floor, or κ(J)·tol/min b for a solver that stops at the residual tolerance); so does the dense solve of the same solver. A solver module's test extends it in
 * a few lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FactorFormContractTest {

    /** @return the solvers under test (each must support both forms) */
    protected abstract List<RiskBudgetSolver> solvers();


    Stream<Arguments> cases() {
        return solvers().stream().flatMap(s -> Stream.of(
                Arguments.of(s, 1L, 50, 1, true), Arguments.of(s, 2L, 120, 5, false),
                Arguments.of(s, 3L, 200, 12, false), Arguments.of(s, 4L, 200, 3, true)));
    }

    @ParameterizedTest(name = "{0} seed={1} n={2} k={3} erc={4}")
    @MethodSource("cases")
    void factorFormAgreesWithTheMaterialisedDenseProblem(RiskBudgetSolver solver, long seed, int n, int k,
                                                         boolean erc) {
        RiskBudgetProblem factor = FactorProblems.problem(seed, n, k, erc);
        RiskBudgetProblem dense = factor.toDense();
        assertThat(solver.supports(factor)).isTrue();
        assertThat(solver.supports(dense)).isTrue();
        SolveResult ref = new ReferenceSolver().solve(dense, SolverOptions.defaults().withTolerance(1e-6));
        assertThat(ref.counter("certified")).isEqualTo(1L);
        double[] w = ref.weights();
        Conditioning cond = Conditioning.of(dense, w);
        AccuracyTolerance tol = AccuracyTolerance.of(cond.kappaWeights(), cond.rrcFloorNaive());
        SolverOptions options = SolverOptions.defaults().withTolerance(tol.maxAbsRrcError());

        // a solver that stops at max|RRC-b| <= tol has relative budget errors up to tol/min b, hence relative weight
        // errors up to about κ(J)·tol/min b
        double minB = java.util.Arrays.stream(dense.budgets()).min().orElseThrow();
        double weightTol = Math.max(tol.maxRelWeightError(), cond.kappaJacobian() * tol.maxAbsRrcError() / minB);
        SolveResult viaFactor = solver.solve(factor, options);
        SolveResult viaDense = solver.solve(dense, options);
        assertThat(viaFactor.status()).as(viaFactor.toString()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(viaDense.status()).as(viaDense.toString()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(RiskMetrics.maxRelWeightError(viaFactor.weights(), w)).as("factor vs reference")
                .isLessThanOrEqualTo(weightTol);
        assertThat(RiskMetrics.maxRelWeightError(viaDense.weights(), w)).as("dense vs reference")
                .isLessThanOrEqualTo(weightTol);
    }

    Stream<RiskBudgetSolver> solverStream() {
        return solvers().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solverStream")
    void factorFormWithAnotherMeasureIsDeclinedOrSolved(RiskBudgetSolver solver) {
        RiskBudgetProblem p = FactorProblems.problem(9, 30, 2, true).withMeasure(RiskMeasure.gaussianVaR(0.95,
                java.util.stream.DoubleStream.generate(() -> 0.01).limit(30).toArray()));
        if (!solver.supports(p)) {
            assertThatThrownBy(() -> solver.solve(p, SolverOptions.defaults()))
                    .isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThat(solver.solve(p, SolverOptions.defaults()).status()).isEqualTo(SolveStatus.CONVERGED);
        }
    }
}

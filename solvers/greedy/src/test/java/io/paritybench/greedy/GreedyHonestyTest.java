package io.paritybench.greedy;

import io.paritybench.core.ConvergenceTest;
import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.RiskMetrics;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every variant's status tells the truth on seeded random problems ({@link RandomProblems#problem}): CONVERGED
 * exactly when the harness check passes on the returned weights, the returned weights are the last admissible
 * iterate (finite, positive), and the exact step never reports one of the Taylor step's failures. Each problem is
 * solved at a reachable tolerance (1e-9) and at one below the double-precision floor of most of them (1e-15),
 * which exercises the confirmation and stagnation paths.
 */
class GreedyHonestyTest {

    static Stream<Arguments> cases() {
        return Stream.of(GreedyBalancedBasket.Variant.values()).flatMap(v ->
                LongStream.rangeClosed(1, 40).boxed().flatMap(seed ->
                        Stream.of(Arguments.of(v, seed, 1e-9), Arguments.of(v, seed, 1e-15))));
    }

    @ParameterizedTest(name = "{0} seed {1} tol {2}")
    @MethodSource("cases")
    void statusMatchesTheHarnessCheck(GreedyBalancedBasket.Variant variant, long seed, double tol) {
        RiskBudgetProblem problem = RandomProblems.problem(seed);
        SolverOptions options = SolverOptions.defaults().withTolerance(tol);
        SolveResult r = new GreedyBalancedBasket(variant).solve(problem, options);

        double[] w = r.weights();
        assertThat(r.solverId()).isEqualTo(variant.id());
        assertThat(r.status() == SolveStatus.CONVERGED)
                .as("CONVERGED <=> harness check (%s: %s)", r.status(), r.message())
                .isEqualTo(ConvergenceTest.passes(problem, w, tol));
        assertThat(RiskMetrics.allPositive(w)).as("returned weights are the last admissible iterate").isTrue();
        assertThat(RiskMetrics.sumError(w)).isLessThanOrEqualTo(1e-14);
        assertThat(r.iterations()).isBetween(0, GreedyBalancedBasket.defaultMaxSteps(problem.n()));
        assertThat(r.counter("steps")).isEqualTo(r.iterations());
        assertThat(r.message()).isNotBlank();
        if (variant == GreedyBalancedBasket.Variant.EXACT) {
            assertThat(r.status()).isNotIn(EnumSet.of(SolveStatus.NEGATIVE_DISCRIMINANT,
                    SolveStatus.INVALID_ITERATE, SolveStatus.NO_ADMISSIBLE_STEP, SolveStatus.NUMERICAL_BREAKDOWN));
        }
    }
}

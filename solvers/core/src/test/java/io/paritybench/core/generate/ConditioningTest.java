package io.paritybench.core.generate;

import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.SharedCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Conditioning of the shared cases against the values stored in their meta.json (computed in 60 digits). */
class ConditioningTest {

    static List<CaseData> cases() {
        return SharedCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheStoredConditionNumbers(CaseData c) {
        Conditioning k = Conditioning.of(c.problem(), c.referenceWeights());
        // κ_w and canc: 1e-6 relative (double evaluation of well-defined quantities; errors are ≈ κ(J)·u)
        assertThat(k.kappaWeights()).isCloseTo(c.meta().kappaWeights(), within(1e-6 * c.meta().kappaWeights()));
        assertThat(k.cancellation()).isCloseTo(c.meta().cancellation(), within(1e-6 * c.meta().cancellation()));
        // eigenvalue ratios: the smallest eigenvalue has an absolute error ≈ u·λ_max, so 1e-4 relative
        assertThat(k.kappaSigma()).isCloseTo(c.meta().conditionNumber(), within(1e-4 * c.meta().conditionNumber()));
        double kc = c.meta().kappaCorrelation();
        double kj = c.meta().kappaJacobian();
        assertThat(k.kappaCorrelation()).isCloseTo(kc, within(1e-4 * kc));
        assertThat(k.kappaJacobian()).isCloseTo(kj, within(1e-4 * kj));
        // the double floor of the exact answer: within the first-order bound 2(1 + canc)·u·max b plus summation error
        double bound = 2 * (1 + k.cancellation()) * 0x1p-53 * (c.problem().n() + 2);
        assertThat(k.rrcFloorNaive()).isLessThanOrEqualTo(bound);
    }

    @Test
    void rejectsWeightsThatAreNotASolutionCandidate() {
        CaseData c = SharedCases.byName("roncalli_n4_erc");
        assertThatThrownBy(() -> Conditioning.of(c.problem(), new double[] {0.5, 0.5, 0.0, 0.0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Conditioning.of(c.problem(), new double[] {0.5, 0.5}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedProblemsCarryACertifiedReferenceAndTheirConditioning() {
        GeneratedProblem g = ProblemGenerator.generate(GeneratorSpec.parse("random-spectrum:n=20,kappa=1e6,seed=3"));
        assertThat(g.certified()).isTrue();
        assertThat(g.problem()).isEqualTo(ProblemGenerator.problem(g.spec()));
        // ALGORITHMS.md §8.3: κ(Σ) = 1e6 at n = 20 gives κ_w between 4e2 and 2.6e4; allow a decade either side
        assertThat(g.conditioning().kappaWeights()).isBetween(40.0, 2.6e5);
        assertThat(g.conditioning().kappaSigma()).isCloseTo(1e6, within(1e4));
        assertThat(g.conditioning().cancellation()).isGreaterThanOrEqualTo(1.0);
        assertThat(g.toString()).contains("random-spectrum:n=20");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"random-spectrum:n=300,kappa=1e6,seed=2",
        "random-spectrum:n=120,kappa=1e10,budgets=dirichlet:1,seed=5", "factor:n=200,k=3,idio=1e-3,seed=1",
        "vol-spread:n=150,kappa=1e3,seed=4"})
    void theLargeOrderEstimatesAgreeWithTheExactFigures(String spec) {
        GeneratedProblem g = ProblemGenerator.generate(GeneratorSpec.parse(spec));
        Conditioning exact = g.conditioning();
        Conditioning est = Conditioning.estimated(g.problem(), g.referenceWeights());
        // Lanczos Ritz values, here within 1e-6 (extreme eigenvalues not clustered at these n; the eigenvalue
        // decomposition's own λ_min is accurate only to about u·λ_max, 1e-6 relative at κ = 1e10)
        assertThat(est.kappaSigma()).isCloseTo(exact.kappaSigma(), within(1e-6 * exact.kappaSigma()));
        assertThat(est.kappaCorrelation()).isCloseTo(exact.kappaCorrelation(), within(1e-6 * exact.kappaCorrelation()));
        assertThat(est.kappaJacobian()).isCloseTo(exact.kappaJacobian(), within(1e-6 * exact.kappaJacobian()));
        // Hager-Higham: a lower estimate of the norm, within a factor of 3
        assertThat(est.kappaWeights()).isLessThanOrEqualTo(exact.kappaWeights() * (1 + 1e-9))
                .isGreaterThanOrEqualTo(exact.kappaWeights() / 3);
        assertThat(est.cancellation()).isEqualTo(exact.cancellation());
        assertThat(est.rrcFloorNaive()).isEqualTo(exact.rrcFloorNaive());
    }
}

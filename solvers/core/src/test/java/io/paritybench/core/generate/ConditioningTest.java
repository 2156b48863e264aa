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
}

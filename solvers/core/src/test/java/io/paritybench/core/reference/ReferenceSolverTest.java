package io.paritybench.core.reference;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.testing.SharedCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceSolverTest {

    private final ReferenceSolver solver = new ReferenceSolver();

    static List<CaseData> cases() {
        return SharedCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesEverySharedReferenceToOneUlp(CaseData c) {
        SolveResult r = solver.solve(c.problem(), SolverOptions.defaults().withTolerance(1e-6));
        assertThat(r.status()).as(r.message()).isEqualTo(SolveStatus.CONVERGED);
        assertThat(r.counter("certified")).isEqualTo(1L);
        double[] w = r.weights();
        double[] ref = c.referenceWeights();
        int worstUlps = 0;
        for (int i = 0; i < w.length; i++) {
            // distance in units in the last place: 0 = identical bits, 1 = adjacent doubles
            long ulps = Math.abs(Double.doubleToLongBits(w[i]) - Double.doubleToLongBits(ref[i]));
            worstUlps = (int) Math.max(worstUlps, ulps);
        }
        System.out.printf("%s: worst %d ulp, %s%n", c.name(), worstUlps, r.message());
        assertThat(worstUlps).as("worst weight distance in ulps").isLessThanOrEqualTo(1);
    }
}

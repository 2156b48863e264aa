package io.paritybench.ccd;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.ccd.CyclicalCoordinateDescent.Variant;
import io.paritybench.core.SolveResult;
import io.paritybench.core.SolveStatus;
import io.paritybench.core.SolverOptions;
import io.paritybench.core.cases.AccuracyTolerance;
import io.paritybench.core.cases.CaseData;
import io.paritybench.core.cases.CaseScore;
import io.paritybench.core.testing.SharedCases;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared case within CCD's reach (κ_w below {@link CcdCases#MAX_KAPPA_WEIGHTS}), every variant, solved at the
 * case's achievable residual. The weight error is held to the case's achievable accuracy or, where that is
 * tighter, to κ(J)·tol, what a linearly convergent method that stops as soon as the residual passes can promise.
 */
class CcdAccuracyTest {

    static Stream<Arguments> casesAndVariants() {
        return SharedCases.all().stream().filter(CcdCases::withinReach)
                .flatMap(c -> Stream.of(Variant.values()).map(v -> Arguments.of(c, v)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesAndVariants")
    void solvesWellConditionedCasesToTheirAchievableAccuracy(CaseData c, Variant v) {
        AccuracyTolerance tol = c.tolerance();
        SolveResult r = new CyclicalCoordinateDescent(v).solve(c.problem(),
                SolverOptions.defaults().withTolerance(tol.maxAbsRrcError()));
        CaseScore s = CaseScore.score(c, r.weights());
        assertThat(r.status()).as("%s", r).isEqualTo(SolveStatus.CONVERGED);
        assertThat(s.maxAbsRrcError()).isLessThanOrEqualTo(tol.maxAbsRrcError());
        assertThat(s.maxRelWeightError()).as("relative weight error, kappa_w = %.3g, kappa(J) = %.3g",
                        c.meta().kappaWeights(), CcdCases.kappaJacobian(c))
                .isLessThanOrEqualTo(CcdCases.reachableWeightError(c));
    }
}

package io.paritybench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemSourceTest {

    @ParameterizedTest
    @CsvSource({"random-spectrum, 10, 1e2", "random-spectrum, 50, 1e6", "factor, 10, 1e2", "factor, 50, 1e6",
            "factor, 20, 1e8"})
    void conditionNumberIsTheOneAskedFor(String family, int n, double kappa) {
        BenchProblem p = ProblemSource.build(family, n, kappa);
        double[] lambda = eigenvalues(p.problem().covariance());
        double achieved = lambda[n - 1] / lambda[0];
        // eigenvalues of a symmetric matrix are computed to ~1e-16·λ_max absolute, so λ_min to ~1e-16·κ relative
        assertThat(achieved).isCloseTo(kappa, within(kappa * (1e-9 + 1e-14 * kappa)));
        assertThat(p.problem().n()).isEqualTo(n);
        assertThat(p.conditionNumber()).isEqualTo(kappa);
    }

    @ParameterizedTest
    @CsvSource({"random-spectrum, 20, 1e4", "factor, 20, 1e4"})
    void sameParametersGiveTheSameMatrix(String family, int n, double kappa) {
        assertThat(ProblemSource.build(family, n, kappa).problem().covariance())
                .isDeepEqualTo(ProblemSource.build(family, n, kappa).problem().covariance());
    }

    @ParameterizedTest
    @CsvSource({"random-spectrum, 0.5", "factor, NaN", "nope, 1e2"})
    void rejectsBadParameters(String family, double kappa) {
        assertThatThrownBy(() -> ProblemSource.build(family, 10, kappa)).isInstanceOf(IllegalArgumentException.class);
    }

    static double[] eigenvalues(double[][] a) {
        int n = a.length;
        DMatrixRMaj m = new DMatrixRMaj(a);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertThat(eig.decompose(m)).isTrue();
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(lambda);
        return lambda;
    }
}

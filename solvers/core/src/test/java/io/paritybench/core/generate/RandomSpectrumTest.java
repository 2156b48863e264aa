package io.paritybench.core.generate;

import io.paritybench.core.RiskBudgetProblem;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RandomSpectrumTest {

    @ParameterizedTest(name = "n={0}, kappa={1}")
    @CsvSource({"2, 10", "5, 1e3", "20, 1e6", "50, 1e9", "100, 1e12"})
    void reproducesTheRequestedConditionNumberAndSpectrumEnds(int n, double kappa) {
        double[][] s = ProblemGenerator.randomSpectrum(n, kappa, 20240601L + n);
        double[] ev = eigenvalues(s);
        // largest eigenvalue 1, smallest 1/kappa; 1 % relative on kappa is the stated contract
        assertThat(ev[n - 1]).isCloseTo(1.0, within(1e-12));
        assertThat(ev[n - 1] / ev[0] / kappa).isCloseTo(1.0, within(0.01));
        assertThat(RiskBudgetProblem.erc(s).n()).isEqualTo(n);
    }

    @ParameterizedTest(name = "n={0}")
    @CsvSource({"3", "40"})
    void sameSeedGivesIdenticalBitsAndDifferentSeedsDiffer(int n) {
        double[][] a = ProblemGenerator.randomSpectrum(n, 1e4, 7L);
        double[][] b = ProblemGenerator.randomSpectrum(n, 1e4, 7L);
        double[][] c = ProblemGenerator.randomSpectrum(n, 1e4, 8L);
        for (int i = 0; i < n; i++) {
            assertThat(Arrays.equals(a[i], b[i])).as("row %d", i).isTrue();
            for (int j = 0; j < n; j++) {
                assertThat(Double.doubleToRawLongBits(a[i][j])).isEqualTo(Double.doubleToRawLongBits(a[j][i]));
            }
        }
        assertThat(Arrays.deepEquals(a, c)).isFalse();
    }

    static double[] eigenvalues(double[][] s) {
        int n = s.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertThat(eig.decompose(new DMatrixRMaj(s))).isTrue();
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(ev);
        return ev;
    }
}

package io.paritybench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.paritybench.core.RiskBudgetProblem;
import io.paritybench.core.generate.GeneratorSpec;
import io.paritybench.core.generate.ProblemGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixCacheTest {

    @TempDir
    Path dir;

    @AfterEach
    void noSideFile() {
        System.clearProperty(SideFile.PROPERTY);
    }

    @Test
    void aKeptProblemComesBackBitForBit() {
        System.setProperty(SideFile.PROPERTY, dir.resolve("side.jsonl").toString());
        GeneratorSpec spec = GeneratorSpec.randomSpectrum(30, 1e8, 7);
        RiskBudgetProblem p = ProblemGenerator.problem(spec);
        assertThat(MatrixCache.find(spec.toString())).isNull();
        MatrixCache.put(spec.toString(), p);
        RiskBudgetProblem back = MatrixCache.find(spec.toString());
        assertThat(back.covariance()).isDeepEqualTo(p.covariance());
        assertThat(back.budgets()).containsExactly(p.budgets());
        assertThat(MatrixCache.directory()).isDirectoryContaining("glob:**.bin");
    }

    @Test
    void withoutASideFileNothingIsKept() {
        GeneratorSpec spec = GeneratorSpec.randomSpectrum(10, 1e2, 7);
        assertThat(MatrixCache.directory()).isNull();
        RiskBudgetProblem p = MatrixCache.get(spec.toString(), () -> ProblemGenerator.problem(spec));
        assertThat(p.n()).isEqualTo(10);
        assertThat(MatrixCache.find(spec.toString())).isNull();
    }
}

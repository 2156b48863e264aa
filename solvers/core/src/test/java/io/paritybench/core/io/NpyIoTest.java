package io.paritybench.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** float64 C-order .npy files as NumPy writes them (fixtures made by numpy.save), read bit for bit. */
class NpyIoTest {

    private static final double[][] COV3 = {{0.09, 0.009, 0.0}, {0.009, 0.01, 1e-3}, {0.0, 1e-3, 0.04}};

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(NpyIoTest.class.getResource("/npy/" + name).toURI());
    }

    @Test
    void readsLittleAndBigEndianFloat64AsNumPyWritesThem() throws Exception {
        assertThat(CsvIo.readMatrix(fixture("cov3.npy")).values()).isDeepEqualTo(COV3);
        assertThat(CsvIo.readMatrix(fixture("cov3_be.npy")).values()).isDeepEqualTo(COV3);
        double[][] b = CsvIo.readMatrix(fixture("b_5x2.npy")).values();
        assertThat(b).hasNumberOfRows(5);
        assertThat(b[4]).containsExactly(8.0, 9.0);
    }

    @Test
    void rejectsOtherDtypesFortranOrderAndTruncatedFiles(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> CsvIo.readMatrix(fixture("cov3_f32.npy"))).hasMessageContaining("'<f4'")
                .hasMessageContaining("float64");
        assertThatThrownBy(() -> CsvIo.readMatrix(fixture("cov3_fortran.npy"))).hasMessageContaining("Fortran");
        Path cut = dir.resolve("cut.npy");
        byte[] all = Files.readAllBytes(fixture("cov3.npy"));
        Files.write(cut, java.util.Arrays.copyOf(all, all.length - 5));
        assertThatThrownBy(() -> CsvIo.readMatrix(cut)).hasMessageContaining("truncated");
        Path text = dir.resolve("text.npy");
        Files.writeString(text, "1,2\n3,4\n");
        assertThatThrownBy(() -> CsvIo.readMatrix(text)).hasMessageContaining("not a .npy file");
    }

    @Test
    void writesWhatItReadsBitForBit(@TempDir Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] m = new double[7][9000];
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rnd.nextGaussian() * Math.exp(rnd.nextDouble(-700, 700));
            }
        }
        Path f = dir.resolve("m.npy");
        NpyIo.writeMatrix(f, m);
        assertThat(CsvIo.readMatrix(f).values()).isDeepEqualTo(m);
    }
}

package io.paritybench.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvIoTest {

    @Test
    void readsAMatrixWithAndWithoutNames() {
        LabeledMatrix m = CsvIo.readMatrix(new StringReader("a,b\n1,0.5\n0.5,2\n"), "m.csv");
        assertThat(m.names()).containsExactly("a", "b");
        assertThat(m.values()[1]).containsExactly(0.5, 2.0);
        assertThat(CsvIo.readMatrix(new StringReader("1,0\n0,1\n"), "m.csv").hasNames()).isFalse();
    }

    @Test
    void namesFileLineAndColumnOfABadValue() {
        assertThatThrownBy(() -> CsvIo.readMatrix(new StringReader("1,2\n3,x\n"), "cov.csv"))
                .isInstanceOf(CsvFormatException.class).hasMessage("cov.csv: line 2, column 2: not a number: 'x'");
        assertThatThrownBy(() -> CsvIo.readMatrix(new StringReader("1,2\n3\n"), "cov.csv"))
                .hasMessageContaining("cov.csv: line 2").hasMessageContaining("1 values, expected 2");
        assertThatThrownBy(() -> CsvIo.readMatrix(new StringReader(""), "e.csv")).hasMessageContaining("empty");
    }

    @Test
    void readsVectorsAsARowOrAColumn() {
        assertThat(CsvIo.readVector(new StringReader("0.2,0.8\n"), "b")).containsExactly(0.2, 0.8);
        assertThat(CsvIo.readVector(new StringReader("0.2\n0.8\n"), "b")).containsExactly(0.2, 0.8);
        assertThatThrownBy(() -> CsvIo.readVector(new StringReader("1,2\n3,4\n"), "b"))
                .hasMessageContaining("one row or one column");
    }

    @Test
    void turnsReturnsIntoASampleCovarianceWithDivisorTMinusOne() {
        String csv = "date,x,y\n2024-01-01,1,2\n2024-01-02,3,2\n2024-01-03,5,5\n";
        LabeledMatrix m = CsvIo.readReturnsAsCovariance(new StringReader(csv), "r.csv");
        assertThat(m.names()).containsExactly("x", "y");
        // x = 1,3,5 (mean 3): var = (4+0+4)/2 = 4; y = 2,2,5 (mean 3): var = (1+1+4)/2 = 3; cov = (2+0+4)/2 = 3
        assertThat(m.values()[0]).containsExactly(4.0, 3.0);
        assertThat(m.values()[1]).containsExactly(3.0, 3.0);
    }

    @Test
    void writesDoublesThatReadBackBitForBit(@TempDir Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] m = new double[5][5];
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.exp(rnd.nextDouble(-700, 700)) * (rnd.nextBoolean() ? 1 : -1);
            }
        }
        m[0] = new double[] {Double.MIN_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 0.1, -0.0};
        m[1][0] = 4.9e-321;
        Path f = dir.resolve("m.csv");
        CsvIo.writeMatrix(f, m, List.of("a", "b", "c", "d", "e"));
        LabeledMatrix back = CsvIo.readMatrix(f);
        assertThat(back.values()).isDeepEqualTo(m);
        assertThat(Files.readString(f)).startsWith("a,b,c,d,e\n");
    }

    /** Rows past the parallel threshold are formatted on all cores and written in order: the bytes of row-by-row. */
    @Test
    void aLargeMatrixIsWrittenInRowOrderWithTheSameBytesAsRowByRow(@TempDir Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(11);
        int rows = CsvIo.PARALLEL_WRITE_MIN_ROWS + 301;
        double[][] m = new double[rows][4];
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-30, 30));
            }
        }
        Path f = dir.resolve("big.csv");
        CsvIo.writeMatrix(f, m, List.of("α", "b", "c", "d"));
        java.io.StringWriter expected = new java.io.StringWriter();
        expected.write("α,b,c,d\n");
        for (double[] row : m) {
            CsvIo.writeRow(expected, row);
        }
        assertThat(Files.readString(f)).isEqualTo(expected.toString());
        assertThat(CsvIo.readMatrix(f).values()).isDeepEqualTo(m);
    }

    @Test
    void aFirstRowOfNumbersIsDataAndNamedVectorsKeepTheirNames() {
        LabeledVector row = CsvIo.readLabeledVector(new StringReader("b,a\n0.4,0.6\n"), "b.csv");
        assertThat(row.alignTo(List.of("a", "b"), "budgets")).containsExactly(0.6, 0.4);
        LabeledVector col = CsvIo.readLabeledVector(new StringReader("asset,budget\nb,0.4\na,0.6\n"), "b.csv");
        assertThat(col.alignTo(List.of("a", "b"), "budgets")).containsExactly(0.6, 0.4);
        LabeledVector titled = CsvIo.readLabeledVector(new StringReader("budget\n0.4\n0.6\n"), "b.csv");
        assertThat(titled.hasNames()).isFalse();
        assertThatThrownBy(() -> row.alignTo(List.of("a", "c"), "budgets")).hasMessageContaining("missing 'c'")
                .hasMessageContaining("unknown 'b'");
        assertThat(CsvIo.readMatrix(new StringReader("1,2\n3,4\n"), "m").values()).hasNumberOfRows(2);
    }

    @Test
    void dateColumnsAreRecognisedWithAndWithoutAHeader() {
        for (String date : List.of("2024-01-0%d", "2024010%d", "0%d/01/2024", "2024/01/0%d", "2024-01-0%dT10:00:00Z")) {
            StringBuilder csv = new StringBuilder();
            double[][] x = {{1, 2}, {3, 2}, {5, 5}, {2, 7}};
            for (int t = 0; t < x.length; t++) {
                csv.append(String.format(date, t + 1)).append(',').append(x[t][0]).append(',').append(x[t][1])
                        .append('\n');
            }
            LabeledMatrix noHeader = CsvIo.readReturnsAsCovariance(new StringReader(csv.toString()), "r.csv");
            assertThat(noHeader.hasNames()).as(date).isFalse();
            assertThat(noHeader.values()).as(date).isDeepEqualTo(CsvIo.sampleCovariance(x));
            LabeledMatrix header = CsvIo.readReturnsAsCovariance(new StringReader("when,x,y\n" + csv), "r.csv");
            assertThat(header.names()).as(date).containsExactly("x", "y");
        }
    }

    @Test
    void rejectsReturnsThatCannotGiveAPositiveDefiniteCovariance() {
        assertThatThrownBy(() -> CsvIo.readReturnsAsCovariance(new StringReader("a,b,c\n1,2,3\n2,1,0\n0,1,1\n"),
                "r.csv")).hasMessageContaining("3 observations of 3 assets");
        StringBuilder constant = new StringBuilder("a,b\n");
        for (int t = 0; t < 30; t++) {
            constant.append("0.01,").append(t % 7 * 0.001).append('\n');
        }
        assertThatThrownBy(() -> CsvIo.readReturnsAsCovariance(new StringReader(constant.toString()), "r.csv"))
                .hasMessageContaining("asset 1 'a' is constant");
    }

    @Test
    void namesAMissingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> CsvIo.readMatrix(dir.resolve("nope.csv"))).hasMessageContaining("nope.csv")
                .hasMessageContaining("not found");
    }
}

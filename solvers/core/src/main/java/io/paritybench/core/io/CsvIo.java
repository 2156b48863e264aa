package io.paritybench.core.io;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * CSV input and output of matrices and vectors. Reading streams once through Jackson's CSV parser with its fast
 * double parser ({@link CsvGrid}); a dense n×n matrix costs its own 8n² bytes plus one row. Numbers are written
 * with the shortest decimal that round-trips exactly (Schubfach, identical on every JVM). Every parse error names
 * the file, line and column.
 *
 * <ul>
 *   <li>input is UTF-8 (a byte-order mark is skipped; anything else is rejected with the byte offset); the
 *       separator is {@code ,}, {@code ;} or tab, detected from the first line; {@code #} starts a comment line;</li>
 *   <li>covariance: n rows of n numbers, optionally preceded by one header row of asset names;</li>
 *   <li>budgets / weights / expected returns: one row or one column of numbers, optionally named: a header row of
 *       asset names over one row, or a column of names beside one column (then matched by name);</li>
 *   <li>asset returns: an optional header row of names, an optional leading date/time column (ISO dates,
 *       yyyymmdd integers, day/month/year forms), then T rows of returns. A first row of numbers is data.</li>
 * </ul>
 */
public final class CsvIo {

    /** A column whose standard deviation is at most this times its largest |value| is constant up to rounding. */
    public static final double CONSTANT_COLUMN_TOLERANCE = 1e-13;

    private CsvIo() {
    }

    /** @return the shortest decimal that parses back to exactly {@code v} */
    public static String format(double v) {
        return NumberOutput.toString(v, true);
    }

    /** Reads a numeric matrix with an optional header row of names; a {@code .npy} file is read by {@link NpyIo}. */
    public static LabeledMatrix readMatrix(Path file) {
        if (NpyIo.isNpy(file)) {
            return NpyIo.readMatrix(file);
        }
        return withReader(file, r -> readMatrix(r, file.toString()));
    }

    /** Reads a numeric matrix with an optional header row of names; {@code source} names the input in errors. */
    public static LabeledMatrix readMatrix(Reader reader, String source) {
        CsvGrid g = CsvGrid.read(reader, source, CsvGrid.LabelColumn.NONE);
        return new LabeledMatrix(g.values(), g.header());
    }

    /** Reads a vector written as one row or one column; names, if any, are dropped (see {@link #readLabeledVector}). */
    public static double[] readVector(Path file) {
        return readLabeledVector(file).values();
    }

    /** Reads a vector written as one row or one column; names, if any, are dropped. */
    public static double[] readVector(Reader reader, String source) {
        return readLabeledVector(reader, source).values();
    }

    /** Reads a vector with the asset names it is labelled with, if any. */
    public static LabeledVector readLabeledVector(Path file) {
        return withReader(file, r -> readLabeledVector(r, file.toString()));
    }

    /**
     * Reads one row or one column of numbers: a header row of names over one row names the entries; so does a
     * leading column of names beside one column of numbers; a lone title over one column names nothing.
     */
    public static LabeledVector readLabeledVector(Reader reader, String source) {
        CsvGrid g = CsvGrid.read(reader, source, CsvGrid.LabelColumn.TEXT);
        double[][] v = g.values();
        int rows = v.length;
        int width = v[0].length;
        if (g.labels() != null) {
            if (width != 1) {
                throw new CsvFormatException(source, "expected a column of names beside one column of numbers, found "
                        + width + " numbers per row");
            }
            return new LabeledVector(column(v), g.labels(), source);
        }
        if (rows == 1) {
            return new LabeledVector(v[0], g.header(), source);
        }
        if (width == 1) {
            return new LabeledVector(column(v), null, source);
        }
        throw new CsvFormatException(source, "expected one row or one column of numbers, found " + rows + " rows of "
                + width);
    }

    private static double[] column(double[][] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i][0];
        }
        return out;
    }

    /**
     * Reads asset returns (optional header of names, optional leading date column, T rows) and returns the sample
     * covariance (divisor T − 1) with the asset names (null without a header).
     *
     * @throws CsvFormatException unless T > n (else the sample covariance is singular) and every column varies
     *                            beyond rounding ({@link #CONSTANT_COLUMN_TOLERANCE} of its own scale)
     */
    public static LabeledMatrix readReturnsAsCovariance(Path file) {
        return withReader(file, r -> readReturnsAsCovariance(r, file.toString()));
    }

    /** @see #readReturnsAsCovariance(Path) */
    public static LabeledMatrix readReturnsAsCovariance(Reader reader, String source) {
        CsvGrid g = CsvGrid.read(reader, source, CsvGrid.LabelColumn.DATES);
        double[][] x = g.values();
        int t = x.length;
        int n = x[0].length;
        List<String> names = g.header();
        if (n < 2) {
            throw new CsvFormatException(source, "returns file has " + n + " asset column(s), need at least 2");
        }
        if (t < 2) {
            throw new CsvFormatException(source, "returns file needs at least 2 observations, found " + t);
        }
        if (t <= n) {
            throw new CsvFormatException(source, "returns file has " + t + " observations of " + n
                    + " assets: the sample covariance is singular unless there are more observations than assets");
        }
        double[][] cov = sampleCovariance(x);
        for (int j = 0; j < n; j++) {
            double scale = 0;
            for (double[] row : x) {
                scale = Math.max(scale, Math.abs(row[j]));
            }
            double sd = Math.sqrt(cov[j][j]);
            if (!(sd > CONSTANT_COLUMN_TOLERANCE * scale)) {
                String who = "asset " + (j + 1) + (names == null ? "" : " '" + names.get(j) + "'");
                throw new CsvFormatException(source, who + " is constant over the " + t + " observations up to rounding"
                        + String.format(Locale.ROOT, " (standard deviation %.3g for values of size %.3g)", sd, scale)
                        + ": its variance is not positive");
            }
        }
        return new LabeledMatrix(cov, names);
    }

    /** @return the sample covariance (divisor T − 1) of T observations (rows) of n variables */
    public static double[][] sampleCovariance(double[][] x) {
        int t = x.length;
        int n = x[0].length;
        double[] mean = new double[n];
        for (double[] row : x) {
            for (int j = 0; j < n; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < n; j++) {
            mean[j] /= t;
        }
        double[][] cov = new double[n][n];
        double[] d = new double[n];
        for (double[] row : x) {
            for (int j = 0; j < n; j++) {
                d[j] = row[j] - mean[j];
            }
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    cov[i][j] += d[i] * d[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                cov[i][j] /= (t - 1);
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }

    /** Rows formatted per batch of {@link #writeMatrix} (the batch's text, about 24 bytes a number, is held at once). */
    private static final int WRITE_BATCH_ROWS = 128;
    /** Smallest row count whose rows {@link #writeMatrix} formats on all cores. */
    static final int PARALLEL_WRITE_MIN_ROWS = 512;

    /**
     * Writes a matrix, optionally with a header row of names (UTF-8). The rows are formatted ({@link #format}, the
     * shortest decimal that parses back to each value) in batches of {@value #WRITE_BATCH_ROWS}, on all cores from
     * {@value #PARALLEL_WRITE_MIN_ROWS} rows, and written in order: the same bytes as one row after the other.
     */
    public static void writeMatrix(Path file, double[][] m, List<String> names) {
        withStream(file, out -> {
            if (names != null) {
                out.write((String.join(",", names) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            boolean parallel = m.length >= PARALLEL_WRITE_MIN_ROWS;
            byte[][] text = new byte[Math.min(WRITE_BATCH_ROWS, m.length)][];
            for (int r0 = 0; r0 < m.length; r0 += WRITE_BATCH_ROWS) {
                int first = r0;
                int rows = Math.min(WRITE_BATCH_ROWS, m.length - r0);
                IntStream batch = IntStream.range(0, rows);
                (parallel ? batch.parallel() : batch).forEach(i -> text[i] = rowText(m[first + i]));
                for (int i = 0; i < rows; i++) {
                    out.write(text[i]);
                    text[i] = null;
                }
            }
        });
    }

    /** @return one row of numbers and its newline, as the ASCII bytes {@link #writeRow} writes */
    private static byte[] rowText(double[] row) {
        return rowLine(row).toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the row's numbers ({@link #format}) separated by commas, and a newline */
    private static StringBuilder rowLine(double[] row) {
        StringBuilder s = new StringBuilder(row.length * 24);
        for (int j = 0; j < row.length; j++) {
            if (j > 0) {
                s.append(',');
            }
            s.append(format(row[j]));
        }
        s.append('\n');
        return s;
    }

    /** Writes a vector as one row. */
    public static void writeVector(Path file, double[] v) {
        withWriter(file, w -> writeRow(w, v));
    }

    /** Writes one row of numbers followed by a newline. */
    public static void writeRow(Writer w, double[] row) throws IOException {
        w.append(rowLine(row));
    }

    private interface ReadAction<T> {
        T apply(Reader r);
    }

    private interface WriteAction {
        void apply(Writer w) throws IOException;
    }

    /**
     * Opens UTF-8 text strictly: a UTF-8 byte-order mark is skipped, UTF-16/32 marks and malformed bytes are
     * rejected with the byte offset and line.
     */
    private static <T> T withReader(Path file, ReadAction<T> action) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(4);
            byte[] bom = in.readNBytes(4);
            in.reset();
            String wide = Utf8.wideByteOrderMark(bom);
            if (wide != null) {
                throw new CsvFormatException(file.toString(), "line 1: not UTF-8 text: the file starts with a " + wide
                        + " byte-order mark; save it as UTF-8");
            }
            if (bom.length >= 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
                in.skipNBytes(3);
            }
            CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                return action.apply(new BufferedReader(new InputStreamReader(in, dec), 1 << 16));
            } catch (CsvGrid.NotUtf8 e) {
                throw new CsvFormatException(file.toString(), Utf8.describeFirstError(file));
            }
        } catch (NoSuchFileException e) {
            throw new CsvFormatException(file.toString(), "file not found");
        } catch (IOException e) {
            throw new CsvFormatException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    private interface StreamAction {
        void apply(OutputStream out) throws IOException;
    }

    private static void withStream(Path file, StreamAction action) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                action.apply(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void withWriter(Path file, WriteAction action) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                action.apply(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

package io.paritybench.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV input and output of matrices and vectors (commons-csv). Numbers are written with {@code %.17g}, which
 * round-trips every double exactly and is identical on every JVM. Every parse error names the file, line and column.
 *
 * <ul>
 *   <li>covariance: n rows of n numbers, optionally preceded by one header row of asset names;</li>
 *   <li>budgets / weights: one row or one column of numbers;</li>
 *   <li>asset returns: a header row of names, optionally a leading date column, then T rows of returns.</li>
 * </ul>
 */
public final class CsvIo {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setCommentMarker('#').build();

    private CsvIo() {
    }

    /** @return the double formatted with 17 significant digits (exact round trip) */
    public static String format(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    /** Reads a numeric matrix with an optional header row of names. */
    public static LabeledMatrix readMatrix(Path file) {
        return withReader(file, r -> readMatrix(r, file.toString()));
    }

    /** Reads a numeric matrix with an optional header row of names; {@code source} names the input in errors. */
    public static LabeledMatrix readMatrix(Reader reader, String source) {
        List<Row> records = records(reader, source);
        if (records.isEmpty()) {
            throw new CsvFormatException(source, "file is empty");
        }
        List<String> names = null;
        int first = 0;
        if (!isNumeric(records.get(0).get(0))) {
            names = new ArrayList<>();
            for (String s : records.get(0).rec()) {
                names.add(s);
            }
            first = 1;
        }
        if (records.size() == first) {
            throw new CsvFormatException(source, "no numeric rows after the header");
        }
        int width = records.get(first).size();
        double[][] values = new double[records.size() - first][];
        for (int r = first; r < records.size(); r++) {
            Row rec = records.get(r);
            if (rec.size() != width) {
                throw new CsvFormatException(source, rec.line(), 0,
                        "row has " + rec.size() + " values, expected " + width);
            }
            values[r - first] = parseRow(rec, 0, source);
        }
        if (names != null && names.size() != width) {
            throw new CsvFormatException(source, 1, 0, "header has " + names.size() + " names but rows have " + width + " values");
        }
        return new LabeledMatrix(values, names);
    }

    /** Reads a vector written as one row or one column. */
    public static double[] readVector(Path file) {
        return withReader(file, r -> readVector(r, file.toString()));
    }

    /** Reads a vector written as one row or one column (an optional header row is skipped). */
    public static double[] readVector(Reader reader, String source) {
        LabeledMatrix m = readMatrix(reader, source);
        double[][] v = m.values();
        if (v.length == 1) {
            return v[0];
        }
        if (v[0].length == 1) {
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i][0];
            }
            return out;
        }
        throw new CsvFormatException(source, "expected one row or one column of numbers, found " + v.length + " rows of "
                + v[0].length);
    }

    /**
     * Reads asset returns (header of names, optional leading date column, T rows) and returns the sample covariance
     * (divisor T − 1) with the asset names.
     */
    public static LabeledMatrix readReturnsAsCovariance(Path file) {
        return withReader(file, r -> readReturnsAsCovariance(r, file.toString()));
    }

    /** @see #readReturnsAsCovariance(Path) */
    public static LabeledMatrix readReturnsAsCovariance(Reader reader, String source) {
        List<Row> records = records(reader, source);
        if (records.size() < 3) {
            throw new CsvFormatException(source, "returns file needs a header row and at least 2 observations, found "
                    + records.size() + " rows");
        }
        Row header = records.get(0);
        if (isNumeric(header.get(0))) {
            throw new CsvFormatException(source, 1, 1, "returns file needs a header row of asset names");
        }
        boolean dateColumn = !isNumeric(records.get(1).get(0));
        int skip = dateColumn ? 1 : 0;
        List<String> names = new ArrayList<>();
        for (int c = skip; c < header.size(); c++) {
            names.add(header.get(c));
        }
        int n = names.size();
        if (n < 2) {
            throw new CsvFormatException(source, 1, 0, "returns file has " + n + " asset column(s), need at least 2");
        }
        int t = records.size() - 1;
        double[][] x = new double[t][];
        for (int r = 1; r < records.size(); r++) {
            Row rec = records.get(r);
            if (rec.size() != header.size()) {
                throw new CsvFormatException(source, rec.line(), 0, "row has " + rec.size() + " values, expected "
                        + header.size());
            }
            x[r - 1] = parseRow(rec, skip, source);
        }
        return new LabeledMatrix(sampleCovariance(x), names);
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

    /** Writes a matrix, optionally with a header row of names. */
    public static void writeMatrix(Path file, double[][] m, List<String> names) {
        withWriter(file, w -> {
            if (names != null) {
                w.write(String.join(",", names));
                w.write('\n');
            }
            for (double[] row : m) {
                writeRow(w, row);
            }
        });
    }

    /** Writes a vector as one row. */
    public static void writeVector(Path file, double[] v) {
        withWriter(file, w -> writeRow(w, v));
    }

    /** Writes one row of numbers followed by a newline. */
    public static void writeRow(Writer w, double[] row) throws IOException {
        for (int j = 0; j < row.length; j++) {
            if (j > 0) {
                w.write(',');
            }
            w.write(format(row[j]));
        }
        w.write('\n');
    }

    private static double[] parseRow(Row rec, int skip, String source) {
        double[] row = new double[rec.size() - skip];
        for (int c = skip; c < rec.size(); c++) {
            String s = rec.get(c);
            try {
                row[c - skip] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new CsvFormatException(source, rec.line(), c + 1,
                        s.isEmpty() ? "empty value" : "not a number: '" + s + "'");
            }
        }
        return row;
    }

    /** A parsed record and the physical line it ended on (1-based). */
    private record Row(CSVRecord rec, long line) {
        int size() {
            return rec.size();
        }

        String get(int i) {
            return rec.get(i);
        }
    }

    private static boolean isNumeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<Row> records(Reader reader, String source) {
        try (CSVParser p = FORMAT.parse(reader)) {
            List<Row> out = new ArrayList<>();
            for (CSVRecord r : p) {
                out.add(new Row(r, Math.max(1, p.getCurrentLineNumber())));
            }
            return out;
        } catch (IOException | UncheckedIOException e) {
            throw new CsvFormatException(source, "cannot read: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new CsvFormatException(source, "malformed CSV: " + e.getMessage());
        }
    }

    private interface ReadAction<T> {
        T apply(Reader r);
    }

    private interface WriteAction {
        void apply(Writer w) throws IOException;
    }

    private static <T> T withReader(Path file, ReadAction<T> action) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return action.apply(r);
        } catch (NoSuchFileException e) {
            throw new CsvFormatException(file.toString(), "file not found");
        } catch (IOException e) {
            throw new CsvFormatException(file.toString(), "cannot read: " + e.getMessage());
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

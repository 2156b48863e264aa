package io.paritybench.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A numeric CSV table read in one streaming pass (Jackson's CSV parser and its fast double parser): an optional
 * header row, an optional leading label column (dates, asset names), then rows of numbers of one width.
 *
 * <p>Memory: the numbers themselves (one {@code double[]} per row) plus one row buffer; no per-cell objects are kept.
 * The separator ({@code ,}, {@code ;} or tab) is detected from the first line. A first row that is all numbers is
 * data, never names; a first row whose first cell is a date and whose other cells are numbers is data too.
 *
 * @param header     names from the header row (without the label column's), or null
 * @param labels     the leading label column of each data row (dates, names), or null when there is none
 * @param values     the numeric rows
 * @param labelTitle the header cell over the label column, or null
 * @param separator  the separator used
 */
record CsvGrid(List<String> header, List<String> labels, double[][] values, String labelTitle, char separator) {

    /** Whether a leading text column is allowed, and how it is recognised. */
    enum LabelColumn {
        /** Never: every cell of a data row is a number. */
        NONE,
        /** A leading column of dates or times (ISO, yyyymmdd, day/month/year, ...), or of any text. */
        DATES,
        /** A leading column of text (asset names), recognised when the first data cell is not a number. */
        TEXT
    }

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .build();

    private static final int PEEK = 1 << 16;

    private static final Pattern DATE = Pattern.compile(String.join("|",
            "\\d{4}-\\d{1,2}-\\d{1,2}([T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?",
            "\\d{4}/\\d{1,2}/\\d{1,2}( \\d{1,2}:\\d{2}(:\\d{2})?)?",
            "\\d{4}-\\d{2}",
            "\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}( \\d{1,2}:\\d{2}(:\\d{2})?)?",
            "\\d{1,2}[- ]?[A-Za-z]{3,9}[- ,]*\\d{2,4}",
            "[A-Za-z]{3,9} \\d{1,2},? \\d{4}"));

    private static final Pattern DATE_TITLE = Pattern.compile("(?i).*(date|time|day|period|month|year).*|");

    static CsvGrid read(Reader in, String source, LabelColumn mode) {
        try {
            BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, PEEK);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset(); // no byte-order mark
            }
            char sep = separator(reader);
            try (CsvParser p = FACTORY.createParser(reader)) {
                p.setSchema(CsvSchema.emptySchema().withColumnSeparator(sep).withComments());
                return new Builder(source, mode, sep).read(p);
            }
        } catch (CharacterCodingException e) {
            throw new NotUtf8(e);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            if (e.getCause() instanceof CharacterCodingException c) {
                throw new NotUtf8(c);
            }
            throw new CsvFormatException(source, Math.max(line, 1), 0, "malformed CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CsvFormatException(source, "cannot read: " + e.getMessage());
        }
    }

    /** Thrown when the text is not UTF-8; the caller (which has the bytes) finds the offset. */
    static final class NotUtf8 extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotUtf8(CharacterCodingException cause) {
            super(cause);
        }
    }

    /** @return the separator: the most frequent of {@code , ; TAB} on the first non-comment line (',' on ties) */
    private static char separator(BufferedReader r) throws IOException {
        r.mark(PEEK);
        int comma = 0;
        int semi = 0;
        int tab = 0;
        boolean lineStart = true;
        boolean comment = false;
        boolean quoted = false;
        boolean content = false;
        for (int i = 0; i < PEEK - 1; i++) {
            int c = r.read();
            if (c < 0) {
                break;
            }
            if (c == '\n' || c == '\r') {
                if (content && !quoted) {
                    break;
                }
                lineStart = true;
                comment = false;
                continue;
            }
            if (lineStart && c == '#') {
                comment = true;
            }
            lineStart = false;
            if (comment) {
                continue;
            }
            content |= !Character.isWhitespace(c) || c == '\t';
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semi++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        r.reset();
        if (semi > comma && semi >= tab) {
            return ';';
        }
        if (tab > comma && tab > semi) {
            return '\t';
        }
        return ',';
    }

    static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** @return whether the text is a date or date-time in a common form (a yyyymmdd integer must be a valid date) */
    static boolean isDate(String s) {
        if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
            int y = Integer.parseInt(s.substring(0, 4));
            int m = Integer.parseInt(s.substring(4, 6));
            int d = Integer.parseInt(s.substring(6, 8));
            return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
        }
        return DATE.matcher(s).matches();
    }

    /** Accumulates rows while streaming. */
    private static final class Builder {
        private final String source;
        private final LabelColumn mode;
        private final char sep;
        private final List<double[]> rows = new ArrayList<>();
        private List<String> labels;
        private List<String> header;
        private String labelTitle;
        private boolean decided;
        private boolean labelColumn;
        private int width = -1;
        private double[] buf = new double[64];
        private final List<String> firstRow = new ArrayList<>();
        private long firstRowLine;

        Builder(String source, LabelColumn mode, char sep) {
            this.source = source;
            this.mode = mode;
            this.sep = sep;
        }

        CsvGrid read(CsvParser p) throws IOException {
            JsonToken t = p.nextToken(); // the document's wrapping array
            int rowIndex = 0;
            while (t != null && (t = p.nextToken()) != null) {
                if (t != JsonToken.START_ARRAY) {
                    continue;
                }
                if (rowIndex == 0) {
                    firstRowLine = readFirstRow(p);
                    if (firstRow.size() == 1 && firstRow.get(0).isEmpty()) {
                        firstRow.clear();
                    } else {
                        rowIndex++;
                    }
                    continue;
                }
                if (!decided) {
                    decide(p);
                    rowIndex++;
                    continue;
                }
                dataRow(p);
                rowIndex++;
            }
            if (rowIndex == 0) {
                throw new CsvFormatException(source, "file is empty");
            }
            if (!decided) {
                decideSingleRow();
            }
            if (rows.isEmpty()) {
                throw new CsvFormatException(source, "no numeric rows after the header");
            }
            if (header != null && header.size() != width) {
                throw new CsvFormatException(source, firstRowLine, 0, "header has " + header.size()
                        + " names but rows have " + width + " values" + hint(String.join("", header)));
            }
            return new CsvGrid(header, labels, rows.toArray(new double[0][]), labelTitle, sep);
        }

        /** @return the line the row starts on */
        private long readFirstRow(CsvParser p) throws IOException {
            JsonToken t;
            long line = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                if (line == 0) {
                    line = p.currentTokenLocation().getLineNr();
                }
                firstRow.add(p.getText());
            }
            return Math.max(line, 1);
        }

        private boolean allNumbers(List<String> cells, int from) {
            for (int i = from; i < cells.size(); i++) {
                if (!isNumber(cells.get(i))) {
                    return false;
                }
            }
            return cells.size() > from;
        }

        /** Only one row in the file: it is a lone header if no cell is a number, else data. */
        private void decideSingleRow() {
            decided = true;
            if (mode == LabelColumn.DATES && isDate(firstRow.get(0)) && allNumbers(firstRow, 1)) {
                labelColumn = true;
                labels = new ArrayList<>(List.of(firstRow.get(0)));
                width = firstRow.size() - 1;
                rows.add(parse(firstRow, 1, firstRowLine));
            } else if (firstRow.stream().anyMatch(CsvGrid::isNumber)) {
                width = firstRow.size();
                rows.add(parse(firstRow, 0, firstRowLine));
            }
        }

        /** Sees the second row: decides whether the first row is a header and whether there is a label column. */
        private void decide(CsvParser p) throws IOException {
            decided = true;
            List<String> second = new ArrayList<>();
            long line = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                if (line == 0) {
                    line = p.currentTokenLocation().getLineNr();
                }
                second.add(p.getText());
            }
            boolean firstIsData;
            if (allNumbers(firstRow, 0)) {
                firstIsData = true;
                labelColumn = mode == LabelColumn.DATES && isDate(firstRow.get(0)) && isDate(second.get(0));
            } else if (mode == LabelColumn.DATES && isDate(firstRow.get(0)) && allNumbers(firstRow, 1)) {
                firstIsData = true;
                labelColumn = true;
            } else if (mode == LabelColumn.TEXT && allNumbers(firstRow, 1) && !isNumber(second.get(0))) {
                firstIsData = true; // name, value rows
                labelColumn = true;
            } else {
                firstIsData = false;
                String s0 = second.get(0);
                labelColumn = switch (mode) {
                    case NONE -> false;
                    case TEXT -> !isNumber(s0);
                    case DATES -> !isNumber(s0) || isDate(s0)
                            || (DATE_TITLE.matcher(firstRow.get(0)).matches() && second.size() == firstRow.size());
                };
            }
            int skip = labelColumn ? 1 : 0;
            if (labelColumn) {
                labels = new ArrayList<>();
            }
            if (firstIsData) {
                width = firstRow.size() - skip;
                addParsed(firstRow, skip, firstRowLine);
            } else {
                header = new ArrayList<>(firstRow.subList(labelColumn && firstRow.size() > 1 ? 1 : 0, firstRow.size()));
                labelTitle = labelColumn ? firstRow.get(0) : null;
                if (labelColumn && firstRow.size() == second.size() - 1) {
                    header = new ArrayList<>(firstRow); // header names only the value columns
                    labelTitle = null;
                }
            }
            if (width < 0) {
                width = second.size() - skip;
            }
            addParsed(second, skip, line);
        }

        private void addParsed(List<String> cells, int skip, long line) {
            if (cells.size() - skip != width) {
                throw rowWidth(cells.size() - skip, line, String.join("", cells));
            }
            if (labelColumn) {
                labels.add(cells.get(0));
            }
            rows.add(parse(cells, skip, line));
        }

        private double[] parse(List<String> cells, int skip, long line) {
            double[] row = new double[cells.size() - skip];
            for (int c = skip; c < cells.size(); c++) {
                String s = cells.get(c);
                try {
                    if (s.isEmpty()) {
                        throw new NumberFormatException();
                    }
                    row[c - skip] = NumberInput.parseDouble(s, true);
                } catch (NumberFormatException e) {
                    throw notANumber(s, line, c + 1);
                }
            }
            return row;
        }

        private void dataRow(CsvParser p) throws IOException {
            int k = 0;
            int col = 0;
            long line = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                if (col++ == 0) {
                    line = p.currentTokenLocation().getLineNr();
                }
                if (col == 1 && labelColumn) {
                    labels.add(p.getText());
                    continue;
                }
                if (k == buf.length) {
                    buf = Arrays.copyOf(buf, 2 * k);
                }
                int len = p.getTextLength();
                try {
                    if (len == 0) {
                        throw new NumberFormatException();
                    }
                    buf[k] = NumberInput.parseDouble(p.getTextCharacters(), p.getTextOffset(), len, true);
                } catch (NumberFormatException e) {
                    throw notANumber(p.getText(), line, col);
                }
                k++;
            }
            if (k == 0 && col <= 1 && !labelColumn) {
                return; // a line of blanks
            }
            if (k != width) {
                if (labelColumn && col >= 1) {
                    labels.remove(labels.size() - 1);
                }
                throw rowWidth(k, line, "");
            }
            rows.add(Arrays.copyOf(buf, k));
        }

        private CsvFormatException rowWidth(int k, long line, String text) {
            return new CsvFormatException(source, line, 0, "row has " + k + " values, expected " + width + hint(text));
        }

        private CsvFormatException notANumber(String s, long line, int col) {
            return new CsvFormatException(source, line, col,
                    s.isEmpty() ? "empty value" : "not a number: '" + s + "'" + hint(s));
        }

        private String hint(String text) {
            for (char c : new char[] {',', ';', '\t'}) {
                if (c != sep && text.indexOf(c) >= 0) {
                    return " (the separator is " + name(sep) + "; this row contains " + name(c) + ")";
                }
            }
            return "";
        }

        private static String name(char c) {
            return c == '\t' ? "tab" : "'" + c + "'";
        }
    }
}

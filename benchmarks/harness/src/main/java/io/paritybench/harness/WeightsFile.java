package io.paritybench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paritybench.core.io.CsvFormatException;
import io.paritybench.core.io.CsvIo;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads candidate weights in any of the forms a user is likely to have:
 * <ul>
 *   <li>one row or one column of numbers, with an optional header row ({@link CsvIo#readVector});</li>
 *   <li>a table with a header containing a {@code weight} column, such as the output of
 *       {@code paritybench solve --format csv} ({@code asset,weight,rrc,budget}): that column is used;</li>
 *   <li>a JSON object with a {@code weights} array, such as the output of {@code paritybench solve --format json}.</li>
 * </ul>
 * Every rejection names the file and the problem ({@link InputException} or {@link CsvFormatException}).
 */
final class WeightsFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat TABLE = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true).setCommentMarker('#').build();

    private WeightsFile() {
    }

    /** @return the weights in the file, in file order */
    static double[] read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "file not found");
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read: " + e.getMessage());
        }
        String source = file.toString();
        if (text.stripLeading().startsWith("{")) {
            return fromJson(text, source);
        }
        int column = weightColumn(text, source);
        if (column >= 0) {
            return fromTable(text, column, source);
        }
        return CsvIo.readVector(new StringReader(text), source);
    }

    private static double[] fromJson(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(source, "not valid JSON: " + CliErrors.oneLine(e.getOriginalMessage()));
        }
        JsonNode weights = root.get("weights");
        if (weights == null || !weights.isArray() || weights.isEmpty()) {
            throw new InputException(source, "JSON has no non-empty \"weights\" array");
        }
        double[] w = new double[weights.size()];
        for (int i = 0; i < w.length; i++) {
            JsonNode v = weights.get(i);
            if (v.isNumber()) {
                w[i] = v.doubleValue();
            } else if (v.isTextual()) {
                try {
                    w[i] = Double.parseDouble(v.asText());
                } catch (NumberFormatException e) {
                    throw new InputException(source, "weight " + (i + 1) + " is not a number: '" + v.asText() + "'");
                }
            } else {
                throw new InputException(source, "weight " + (i + 1) + " is not a number: " + v);
            }
        }
        return w;
    }

    /** @return the index of a {@code weight} column in a header row of several names, or −1 */
    private static int weightColumn(String text, String source) {
        List<CSVRecord> records = records(text, source, 1);
        if (records.isEmpty() || records.get(0).size() < 2) {
            return -1;
        }
        CSVRecord header = records.get(0);
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).toLowerCase(Locale.ROOT);
            if (h.equals("weight") || h.equals("weights")) {
                return c;
            }
        }
        return -1;
    }

    private static double[] fromTable(String text, int column, String source) {
        List<CSVRecord> records = records(text, source, Integer.MAX_VALUE);
        if (records.size() < 2) {
            throw new CsvFormatException(source, "no rows after the header");
        }
        int width = records.get(0).size();
        double[] w = new double[records.size() - 1];
        for (int r = 1; r < records.size(); r++) {
            CSVRecord rec = records.get(r);
            if (rec.size() != width) {
                throw new CsvFormatException(source, "data row " + r + " has " + rec.size()
                        + " values, expected " + width);
            }
            String cell = rec.get(column);
            try {
                w[r - 1] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new CsvFormatException(source, "data row " + r + ", column " + (column + 1)
                        + ": not a number: '" + cell + "'");
            }
        }
        return w;
    }

    private static List<CSVRecord> records(String text, String source, int max) {
        try (CSVParser p = CSVParser.parse(text, TABLE)) {
            List<CSVRecord> out = new java.util.ArrayList<>();
            for (CSVRecord r : p) {
                out.add(r);
                if (out.size() >= max) {
                    break;
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new CsvFormatException(source, "malformed CSV: " + CliErrors.oneLine(e.getMessage()));
        }
    }
}

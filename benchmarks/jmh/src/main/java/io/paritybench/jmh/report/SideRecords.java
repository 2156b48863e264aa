package io.paritybench.jmh.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the side file the benchmarks append to: one {@link SideRecord} per line, as JSON through Jackson
 * databind. A line that is not a side record is an error that names the file and the line, never skipped.
 */
public final class SideRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SideRecords() {
    }

    /**
     * @return the records of the file, in order; none if the file does not exist
     * @throws IllegalArgumentException {@code FILE:LINE: problem} for a line that is not a side record
     */
    public static List<SideRecord> read(Path file) throws IOException {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        List<SideRecord> out = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readValue(line, SideRecord.class));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": not a side record: "
                        + e.getOriginalMessage().lines().findFirst().orElse(""), e);
            }
        }
        return out;
    }

    /** @return the records of this type in the file, in order */
    public static <T extends SideRecord> List<T> read(Path file, Class<T> type) throws IOException {
        return read(file).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** @return the record as one line of JSON (with its {@code kind}) */
    public static String line(SideRecord record) {
        try {
            return JSON.writerFor(SideRecord.class).writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise side record " + record, e);
        }
    }
}

package io.paritybench.jmh.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the side file the benchmarks append to (one JSON object per line; values kept as text). */
public final class SideRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SideRecords() {
    }

    /** @return the records of the file, in order; none if the file does not exist */
    public static List<Map<String, String>> read(Path file) throws IOException {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        List<Map<String, String>> out = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                System.err.println(file + ":" + lineNumber + ": skipping a line that is not JSON (" + e.getMessage()
                        + ")");
                continue;
            }
            Map<String, String> record = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    record.put(e.getKey(), e.getValue().isContainerNode() ? e.getValue().toString()
                            : e.getValue().asText());
                }
            }
            out.add(Collections.unmodifiableMap(record));
        }
        return out;
    }
}

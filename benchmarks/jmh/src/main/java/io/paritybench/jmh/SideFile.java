package io.paritybench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records that JMH cannot aggregate (probe outcomes, maxima of errors, the conditioning of each problem), appended as one JSON object per line to the
 * file named by the system property {@value #PROPERTY} or, failing that, the environment variable {@value #ENV}
 * (environment variables reach the forked benchmark JVMs whatever their JVM options). Every record is also printed
 * to standard output, which JMH shows in its log; with neither setting, printing is all that happens. The
 * conditioning records double as a cache: a trial finds the conditioning of its problem there instead of
 * recomputing it.
 */
final class SideFile {

    static final String PROPERTY = "paritybench.jmh.side";
    static final String ENV = "PARITYBENCH_JMH_SIDE";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SideFile() {
    }

    /** @return the side file configured for this JVM, or null */
    static Path configured() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    /**
     * @return the first record of the configured side file whose {@code kind} and {@code key} field have these
     *         values (values as text), or null when there is none or no side file
     */
    static Map<String, String> find(String kind, String key, String value) {
        Path file = configured();
        if (file == null || !Files.exists(file)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    continue;
                }
                if (kind.equals(node.path("kind").asText()) && value.equals(node.path(key).asText())) {
                    Map<String, String> out = new LinkedHashMap<>();
                    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                    while (it.hasNext()) {
                        Map.Entry<String, JsonNode> e = it.next();
                        out.put(e.getKey(), e.getValue().asText());
                    }
                    return out;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the side file " + file, e);
        }
        return null;
    }

    /** Appends one record (an insertion-ordered map of JSON values) and prints it. */
    static void append(Map<String, Object> record) {
        String line;
        try {
            line = JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise side record " + record, e);
        }
        System.out.println("[side] " + line);
        Path file = configured();
        if (file == null) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the side file " + file, e);
        }
    }
}

package io.paritybench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Records that JMH cannot aggregate (probe outcomes, maxima of errors), appended as one JSON object per line to the
 * file named by the system property {@value #PROPERTY} or, failing that, the environment variable {@value #ENV}
 * (environment variables reach the forked benchmark JVMs whatever their JVM options). Every record is also printed
 * to standard output, which JMH shows in its log; with neither setting, printing is all that happens.
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

package io.paritybench.jmh;

import io.paritybench.jmh.report.SideRecord;
import io.paritybench.jmh.report.SideRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;

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
     * @return the first record of this type in the configured side file that matches, or null when there is none or
     *         no side file
     * @throws IllegalArgumentException {@code FILE:LINE: problem} when a line of the file is not a side record
     */
    static <T extends SideRecord> T find(Class<T> type, Predicate<T> match) {
        Path file = configured();
        if (file == null || !Files.exists(file)) {
            return null;
        }
        try {
            for (T r : SideRecords.read(file, type)) {
                if (match.test(r)) {
                    return r;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the side file " + file, e);
        }
        return null;
    }

    /** Appends one record and prints it. */
    static void append(SideRecord record) {
        String line = SideRecords.line(record);
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

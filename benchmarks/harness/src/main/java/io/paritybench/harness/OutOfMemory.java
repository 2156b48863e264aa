package io.paritybench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The one-line message for an {@link OutOfMemoryError}: the heap the JVM had, the problem size n (from the input
 * file's first line) and the heap a dense n-asset run needs, with the way to give it ({@code PARITYBENCH_JAVA_OPTS}).
 */
final class OutOfMemory {

    /**
     * Dense n×n double matrices alive at the peak of a solve: the matrix read, the validated problem's copy, the
     * Cholesky factor of the positive-definiteness check and the solver's own copy, plus slack.
     */
    static final double DENSE_COPIES = 5;

    private OutOfMemory() {
    }

    /** @return the message, e.g. "out of memory (heap limit 256 MiB): n = 5000 needs about 1.2 GiB of heap; ..." */
    static String message(List<String> args, long maxHeapBytes) {
        int n = sizeFromInput(args);
        String limit = "out of memory (heap limit " + bytes(maxHeapBytes) + ")";
        String how = "run with PARITYBENCH_JAVA_OPTS=-Xmx" + "%s" + " (scripts/paritybench passes it to java)";
        if (n < 2) {
            return limit + ": " + String.format(Locale.ROOT, how, gigabytes(2 * maxHeapBytes)) + " or a smaller input";
        }
        long need = heapFor(n);
        return limit + String.format(Locale.ROOT, ": n = %d assets needs about %s of heap for a dense problem; ", n,
                bytes(need)) + String.format(Locale.ROOT, how, gigabytes(need));
    }

    /** @return the heap a dense n-asset solve needs: {@link #DENSE_COPIES} n×n doubles plus 64 MiB */
    static long heapFor(int n) {
        return (long) (DENSE_COPIES * 8.0 * n * n) + (64L << 20);
    }

    private static String gigabytes(long b) {
        long g = (b + (1L << 30) - 1) >> 30;
        return Math.max(g, 1) + "g";
    }

    private static String bytes(long b) {
        return b >= (1L << 30) ? String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", b >> 20);
    }

    /** @return the number of columns on the first data line of --cov/--returns, or -1 */
    private static int sizeFromInput(List<String> args) {
        for (int i = 0; i + 1 < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--cov") || a.equals("--returns")) {
                return columns(Path.of(args.get(i + 1)));
            }
            if (a.startsWith("--cov=") || a.startsWith("--returns=")) {
                return columns(Path.of(a.substring(a.indexOf('=') + 1)));
            }
        }
        return -1;
    }

    private static int columns(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int best = 0;
                for (char sep : new char[] {',', ';', '\t'}) {
                    best = Math.max(best, (int) line.chars().filter(c -> c == sep).count());
                }
                return best + 1;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}

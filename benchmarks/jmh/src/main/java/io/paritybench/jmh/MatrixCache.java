package io.paritybench.jmh;

import io.paritybench.core.RiskBudgetProblem;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Generated problems kept on disk between the trials (forked JVMs) of one run, in the directory
 * {@code <side file>.matrices/} beside the side file ({@link SideFile}): generating a random-spectrum matrix costs a
 * Haar QR (about 2 s at n = 1000 and 15 s at n = 2000), reading it back a fraction of that. The file is Σ and b as
 * raw doubles, so the problem is the same bit for bit; it is validated again on reading. Without a side file nothing
 * is kept.
 */
final class MatrixCache {

    private MatrixCache() {
    }

    /** @return the cache directory of the configured side file, or null */
    static Path directory() {
        Path side = SideFile.configured();
        return side == null ? null : side.resolveSibling(side.getFileName() + ".matrices");
    }

    /** @return the cached problem of this spec, or null */
    static RiskBudgetProblem find(String spec) {
        Path dir = directory();
        if (dir == null) {
            return null;
        }
        Path file = dir.resolve(name(spec));
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int n = in.readInt();
            double[][] cov = new double[n][n];
            for (double[] row : cov) {
                for (int j = 0; j < n; j++) {
                    row[j] = in.readDouble();
                }
            }
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = in.readDouble();
            }
            return RiskBudgetProblem.of(cov, b);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cached problem " + file, e);
        }
    }

    /** @return the cached problem of this spec, or the generated one, which is then kept */
    static RiskBudgetProblem get(String spec, Supplier<RiskBudgetProblem> generate) {
        RiskBudgetProblem cached = find(spec);
        if (cached != null) {
            return cached;
        }
        RiskBudgetProblem p = generate.get();
        put(spec, p);
        return p;
    }

    /** Keeps a problem (written to a temporary file, then moved into place). */
    static void put(String spec, RiskBudgetProblem p) {
        Path dir = directory();
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "problem", ".tmp");
            int n = p.n();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp),
                    1 << 16))) {
                out.writeInt(n);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        out.writeDouble(p.covariance(i, j));
                    }
                }
                for (int i = 0; i < n; i++) {
                    out.writeDouble(p.budget(i));
                }
            }
            Files.move(tmp, dir.resolve(name(spec)), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the problem " + spec + " in " + dir, e);
        }
    }

    static String name(String spec) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(spec.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16) + ".bin";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

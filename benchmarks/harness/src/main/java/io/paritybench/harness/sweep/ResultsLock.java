package io.paritybench.harness.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one-writer rule of a results file: an exclusive OS file lock on {@code NAME.lock} beside {@code NAME.csv},
 * held for the whole sweep, with the holder (pid, host, start time) written into it so that a second sweep on the
 * same file can say who has it. The lock goes away with the process, however it ends; the file stays (it is
 * ignored by version control).
 */
final class ResultsLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ResultsLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @return the lock file of a results file: {@code NAME.csv → NAME.lock} */
    static Path pathFor(Path results) {
        String name = results.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return results.resolveSibling(stem + ".lock");
    }

    /**
     * @throws IllegalArgumentException naming the holder when another process (or this one) writes the file
     */
    static ResultsLock acquire(Path results) {
        Path p = pathFor(results);
        FileChannel ch = null;
        try {
            Path parent = p.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = Files.readString(p, StandardCharsets.UTF_8).strip();
                ch.close();
                throw new IllegalArgumentException(results + " is being written by another sweep ("
                        + (holder.isEmpty() ? "holder unknown" : holder) + ", lock " + p
                        + "): wait for it to finish or give another --out");
            }
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "unknown host";
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on " + host + " since "
                    + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new ResultsLock(ch, l);
        } catch (IOException e) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new UncheckedIOException(p + ": cannot lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the results lock: " + e.getMessage(), e);
        }
    }
}

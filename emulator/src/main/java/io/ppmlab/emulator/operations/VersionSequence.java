package io.ppmlab.emulator.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dataverse's row version: one number for the whole database that grows with every write. Blocks of
 * numbers are reserved on disk before use, so after a crash the sequence resumes above anything handed
 * out (gaps are allowed, repeats are not), without a disk write per row.
 */
public final class VersionSequence {
    private static final long BLOCK = 100_000;
    private final AtomicLong next;
    private final Path file;
    private long reservedUpTo;

    public VersionSequence(Path file) {
        this.file = file;
        long start = read(file);
        this.next = new AtomicLong(start);
        this.reservedUpTo = start;
    }

    /** An in-memory sequence for tests. */
    public static VersionSequence inMemory() { return new VersionSequence(null); }

    public long next() {
        long v = next.getAndIncrement();
        if (v >= reservedUpTo) reserve(v);
        return v;
    }

    private synchronized void reserve(long v) {
        if (v < reservedUpTo) return;
        long upTo = v + BLOCK;
        if (file != null) write(file, upTo);
        reservedUpTo = upTo;
    }

    private static long read(Path file) {
        if (file == null || !Files.exists(file)) return 1_000;
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read version sequence " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, long value) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(value));
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

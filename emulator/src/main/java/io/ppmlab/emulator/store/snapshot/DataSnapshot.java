package io.ppmlab.emulator.store.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Snapshot and restore of a CLOSED data directory (no emulator has it open): the one mechanism by which every lab run
 * starts from the same data, the training tenant resets its demo and CI reuses a generated organisation.
 *
 * <p>Chronicle Map files are sparse (a generated {@code limits} organisation is ~1.4 GB on disk for tens of GB of
 * apparent size), so a plain copy would write the holes out. {@link #copyTree} keeps them: with GNU {@code cp
 * --sparse=always} where present (it finds holes with {@code SEEK_HOLE}, near-instant), else a Java copy that leaves
 * every all-zero block unwritten. A restore first copies into a sibling directory and then swaps it in, so a crash
 * half-way leaves either the old directory or the restored one, never a mixture.
 */
public final class DataSnapshot {
    private static final int BLOCK = 1 << 20;

    /** How a copy was made, for the caller's log. */
    public enum Method { CP_SPARSE, JAVA_SPARSE }

    /** What a take or restore did. */
    public record Copied(Path from, Path to, long files, long apparentBytes, long millis, Method method) {}

    private final boolean allowCp;

    /** The default: GNU cp when available, the Java copy otherwise. */
    public DataSnapshot() { this(true); }

    /** {@code allowCp = false} forces the Java copy (tests of the fallback). */
    public DataSnapshot(boolean allowCp) { this.allowCp = allowCp; }

    /** Copies {@code dataDir} to a new {@code snapshotDir} (which must not exist yet). */
    public Copied take(Path dataDir, Path snapshotDir) {
        requireDirectory(dataDir);
        if (Files.exists(snapshotDir)) throw new IllegalArgumentException("snapshot " + snapshotDir + " exists already");
        return copyTree(dataDir, snapshotDir);
    }

    /**
     * Makes {@code dataDir} an exact copy of {@code snapshotDir}: files the snapshot lacks are gone, the rest are the
     * snapshot's bytes. The copy goes to {@code <dataDir>.restoring} first and is then renamed into place.
     */
    public Copied restore(Path snapshotDir, Path dataDir) {
        requireDirectory(snapshotDir);
        Path staging = dataDir.resolveSibling(dataDir.getFileName() + ".restoring");
        Path old = dataDir.resolveSibling(dataDir.getFileName() + ".old");
        try {
            deleteTree(staging);
            deleteTree(old);
            Copied copied = copyTree(snapshotDir, staging);
            if (Files.exists(dataDir)) Files.move(dataDir, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, dataDir, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
            return new Copied(snapshotDir, dataDir, copied.files(), copied.apparentBytes(), copied.millis(), copied.method());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + dataDir + " from " + snapshotDir, e);
        }
    }

    /** Removes a directory tree if it exists. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }

    Copied copyTree(Path from, Path to) {
        long t0 = System.nanoTime();
        Method method = allowCp && copyWithCp(from, to) ? Method.CP_SPARSE : Method.JAVA_SPARSE;
        if (method == Method.JAVA_SPARSE) copyWithJava(from, to);
        long[] files = {0};
        long[] bytes = {0};
        try (Stream<Path> walk = Files.walk(to)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                files[0]++;
                bytes[0] += p.toFile().length();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Copied(from, to, files[0], bytes[0], (System.nanoTime() - t0) / 1_000_000, method);
    }

    private static boolean copyWithCp(Path from, Path to) {
        try {
            Process p = new ProcessBuilder("cp", "-R", "--sparse=always", "--preserve=timestamps", from.toString(), to.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            if (p.exitValue() == 0) return true;
            deleteTree(to);
            return false;
        } catch (IOException e) {
            return false; // no GNU cp here: the Java copy takes over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while copying " + from, e);
        }
    }

    private static void copyWithJava(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    sparseCopy(file, to.resolve(from.relativize(file).toString()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** Copies one file block by block, leaving all-zero blocks as holes; the length is set exactly. */
    static void sparseCopy(Path source, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            ByteBuffer buf = ByteBuffer.allocateDirect(BLOCK);
            long pos = 0;
            while (pos < size) {
                buf.clear();
                int n = in.read(buf, pos);
                if (n <= 0) break;
                buf.flip();
                if (!allZero(buf)) {
                    while (buf.hasRemaining()) out.write(buf, pos + buf.position());
                }
                pos += n;
            }
            if (out.size() < size) out.write(ByteBuffer.wrap(new byte[1]), size - 1); // the file's length, the last byte a hole's zero
        }
        Files.setLastModifiedTime(target, Files.getLastModifiedTime(source));
    }

    private static boolean allZero(ByteBuffer buf) {
        int i = buf.position();
        int end = buf.limit();
        for (; i + 8 <= end; i += 8) if (buf.getLong(i) != 0) return false;
        for (; i < end; i++) if (buf.get(i) != 0) return false;
        return true;
    }

    private static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no directory " + dir);
    }
}

package io.ppmlab.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * The store's folder: where each table's map file lives ({@code <dataDir>/tables/}), where the journal lives
 * ({@code <dataDir>/journal/}), the lock that keeps a second process out, and whether the previous process
 * closed cleanly.
 *
 * <p>Why the lock: after a crash a map must be opened with Chronicle's recovery, which is only safe
 * when no other process has the file open. The OS drops the lock when its holder dies, even by SIGKILL.
 */
final class DataDir {
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z0-9_]+");
    private static final String MAP_SUFFIX = ".cmap";
    /** A map is built under this suffix and renamed into place, so a crash mid-build leaves no half map. */
    private static final String CREATING_SUFFIX = ".cmap.creating";
    private static final String CLEAN_MARKER = "closed-cleanly";

    private final Path dir;
    /** Holds the lock: the OS releases it when this channel closes or the process dies. */
    private final FileChannel lockChannel;
    private final boolean previousCloseClean;

    private DataDir(Path dir, FileChannel lockChannel, boolean previousCloseClean) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.previousCloseClean = previousCloseClean;
    }

    static DataDir open(Path dataDir) {
        Path dir = dataDir.resolve("tables");
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve("store.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            tryLock(channel, dir);
            deleteHalfBuiltMaps(dir);
            // Consumed now: from here until close() any death of the process counts as a crash.
            boolean clean = Files.deleteIfExists(dir.resolve(CLEAN_MARKER));
            return new DataDir(dir, channel, clean);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open data dir " + dataDir, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The write-ahead journal's file (its folder is created when the journal is first opened). */
    Path journalFile() { return dir.resolveSibling("journal").resolve(Journal.FILE_NAME); }

    /** False after a crash (or on first use): maps must then be opened with recovery. */
    boolean previousCloseClean() { return previousCloseClean; }

    Path mapFile(String table) { return dir.resolve(checkName(table) + MAP_SUFFIX); }

    Path creatingFile(String table) { return dir.resolve(checkName(table) + CREATING_SUFFIX); }

    /** Records a clean close and lets other processes in. Call only after every map is closed. */
    void closeCleanly() {
        try {
            Files.createFile(dir.resolve(CLEAN_MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record clean close in " + dir, e);
        } finally {
            release();
        }
    }

    /** Lets other processes in without recording a clean close (the maps were not all closed). */
    void release() { closeQuietly(lockChannel); }

    private static void tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("data dir " + dir + " is already open in this JVM");
        }
        if (lock == null) throw new IllegalStateException("data dir " + dir + " is in use by another process");
    }

    private static void deleteHalfBuiltMaps(Path dir) throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "*" + CREATING_SUFFIX)) {
            for (Path p : stale) Files.deleteIfExists(p);
        }
    }

    private static String checkName(String table) {
        // Names become file names: refuse anything that could leave the folder.
        if (!TABLE_NAME.matcher(table).matches()) throw new IllegalArgumentException("bad table name for a file: " + table);
        return table;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing the channel releases the lock; nothing more to do if that fails.
        }
    }
}

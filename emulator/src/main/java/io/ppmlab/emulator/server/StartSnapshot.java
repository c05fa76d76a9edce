package io.ppmlab.emulator.server;

import io.ppmlab.emulator.store.snapshot.DataSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The copy of the data directory taken when a resettable emulator started (next to it, as {@code <dir>.start}),
 * which {@code POST /lab/reset} puts back. Taken and restored only while the directory is closed.
 */
final class StartSnapshot {
    private final DataSnapshot snapshots = new DataSnapshot();
    private final Path dataDir;
    private final Path snapshotDir;
    private final Instant takenAt;
    private final Consumer<String> log;

    private StartSnapshot(Path dataDir, Path snapshotDir, Instant takenAt, Consumer<String> log) {
        this.dataDir = dataDir;
        this.snapshotDir = snapshotDir;
        this.takenAt = takenAt;
        this.log = log;
    }

    /** Copies the closed {@code dataDir}; a snapshot left by an earlier run that did not stop cleanly is replaced. */
    static StartSnapshot take(Path dataDir, Consumer<String> log) {
        Path snapshotDir = dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + ".start");
        try {
            DataSnapshot.deleteTree(snapshotDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DataSnapshot.Copied copied = new DataSnapshot().take(dataDir, snapshotDir);
        log.accept(String.format("start snapshot of %s: %d files in %d ms (%s); POST /lab/reset restores it",
                dataDir, copied.files(), copied.millis(), copied.method()));
        return new StartSnapshot(dataDir, snapshotDir, Instant.now(), log);
    }

    /** Makes the closed data directory the snapshot again; returns the milliseconds the copy took. */
    long restore() {
        DataSnapshot.Copied copied = snapshots.restore(snapshotDir, dataDir);
        log.accept(String.format("reset: %s restored from the start snapshot in %d ms", dataDir, copied.millis()));
        return copied.millis();
    }

    Instant takenAt() { return takenAt; }

    void delete() {
        try {
            DataSnapshot.deleteTree(snapshotDir);
        } catch (IOException e) {
            log.accept("could not delete the start snapshot " + snapshotDir + ": " + e.getMessage());
        }
    }
}

package io.ppmlab.emulator.store;

import net.openhft.chronicle.hash.ChronicleHashCorruption;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Creates and reopens the persisted Chronicle map of one table: 16-byte UUID keys, encoded rows as values. */
final class MapOpener {
    private static final Logger LOG = LoggerFactory.getLogger(MapOpener.class);

    private final StoreOptions options;

    MapOpener(StoreOptions options) { this.options = options; }

    /**
     * Builds a new map under a temporary name, closes it and renames it into place. A process that dies
     * while Chronicle initialises a file leaves one that the next open waits on for a minute and then fails;
     * this way such a file only ever has the temporary name, which {@link DataDir} deletes.
     */
    ChronicleMap<byte[], byte[]> create(String table, Path creating, Path file) {
        try {
            Files.deleteIfExists(creating);
            builder(table).createPersistedTo(creating.toFile()).close();
            Files.move(creating, file, StandardCopyOption.ATOMIC_MOVE);
            return builder(table).createPersistedTo(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create map of " + table + " at " + file, e);
        }
    }

    /**
     * Opens an existing map. After an unclean close its segment locks may still be held by the dead
     * process and an entry may be half written, so it is opened with Chronicle's recovery (which rescans
     * it) instead of a plain open.
     */
    ChronicleMap<byte[], byte[]> open(String table, Path file, boolean recover) {
        try {
            if (!recover) return builder(table).createPersistedTo(file.toFile());
            // false: take the sizing from the file's header, not from the options, which may have changed.
            return builder(table).recoverPersistedTo(file.toFile(), false, corruptionLogger(table));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open map of " + table + " at " + file, e);
        }
    }

    private ChronicleMapBuilder<byte[], byte[]> builder(String table) {
        return ChronicleMap.of(byte[].class, byte[].class)
                .name(table)
                .constantKeySizeBySample(new byte[UuidKey.BYTES])
                .averageValueSize(options.averageValueSize())
                .entries(options.entriesFor(table))
                .maxBloatFactor(options.maxBloatFactor())
                .sparseFile(options.sparseFiles());
    }

    private static ChronicleHashCorruption.Listener corruptionLogger(String table) {
        return c -> LOG.warn("recovering map of {}: {} (segment {})", table, c.message(), c.segmentIndex(), c.exception());
    }
}

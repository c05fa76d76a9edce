package io.ppmlab.emulator.store;

import java.util.HashMap;
import java.util.Map;

/**
 * Sizing of the Chronicle maps and durability of writes. A Chronicle map has a capacity fixed when its file is
 * created (later opens read the sizing from the file and ignore these options), so the defaults are generous:
 * {@code entries} rows fit in one tier, and the map grows by extra tiers up to {@code maxBloatFactor}
 * times that before writes fail. Files are sparse, so unused capacity costs address space, not disk.
 *
 * <p>Measured (2 cores): creating a map of 100k entries × bloat 10 takes ~0.1–0.3 s and leaves a
 * ~700 MB sparse file using ~100 KB of disk; 1M rows of 300 B then use ~400 MB of disk.
 *
 * @param defaultEntries         rows a table is sized for when it has no override
 * @param entriesByTable         per-table overrides (logical name → rows), for the few big tables
 * @param averageValueSize       expected encoded row size in bytes; rows may be larger or smaller
 * @param maxBloatFactor         how far past its entries a table may grow (Chronicle allows up to 1000;
 *                               each extra tier slows lookups a little)
 * @param sparseFiles            false pre-allocates the first tier on disk (no sparse file to copy with care,
 *                               but ~40 MB per 100k entries whether used or not)
 * @param durability             what a batch survives; see {@link Durability}
 * @param journalCheckpointBytes the journal is emptied once it holds more than this (every batch in it is
 *                               then already in the maps); recovery replays at most this much plus one batch
 */
public record StoreOptions(long defaultEntries, Map<String, Long> entriesByTable, double averageValueSize,
                           double maxBloatFactor, boolean sparseFiles, Durability durability,
                           long journalCheckpointBytes) {

    /** 1 MiB: a full journal of single-row batches (~4,400) replays in ~0.1 s; an emptying costs one ftruncate. */
    public static final long DEFAULT_CHECKPOINT_BYTES = 1L << 20;

    public StoreOptions {
        entriesByTable = Map.copyOf(entriesByTable);
        if (defaultEntries < 1) throw new IllegalArgumentException("defaultEntries must be positive");
        entriesByTable.forEach((t, n) -> {
            if (n < 1) throw new IllegalArgumentException("entries of " + t + " must be positive");
        });
        if (averageValueSize < 1) throw new IllegalArgumentException("averageValueSize must be positive");
        if (maxBloatFactor < 1 || maxBloatFactor > 1000) throw new IllegalArgumentException("maxBloatFactor must be in [1, 1000]");
        if (durability == null) throw new IllegalArgumentException("durability must be given");
        if (journalCheckpointBytes < 0) throw new IllegalArgumentException("journalCheckpointBytes must not be negative");
    }

    /** Sizing only; journaled batches without fsync ({@link Durability#JOURNAL}). */
    public StoreOptions(long defaultEntries, Map<String, Long> entriesByTable, double averageValueSize,
                        double maxBloatFactor, boolean sparseFiles) {
        this(defaultEntries, entriesByTable, averageValueSize, maxBloatFactor, sparseFiles, Durability.JOURNAL,
                DEFAULT_CHECKPOINT_BYTES);
    }

    /** 100k rows per table growing to 1M, 256-byte rows, sparse files, journaled batches without fsync. */
    public static StoreOptions defaults() { return new StoreOptions(100_000, Map.of(), 256, 10, true); }

    /** A copy with one table sized for {@code entries} rows (before bloat). */
    public StoreOptions withEntries(String table, long entries) {
        Map<String, Long> copy = new HashMap<>(entriesByTable);
        copy.put(table, entries);
        return new StoreOptions(defaultEntries, copy, averageValueSize, maxBloatFactor, sparseFiles, durability,
                journalCheckpointBytes);
    }

    public StoreOptions withDurability(Durability d) {
        return new StoreOptions(defaultEntries, entriesByTable, averageValueSize, maxBloatFactor, sparseFiles, d,
                journalCheckpointBytes);
    }

    public StoreOptions withJournalCheckpointBytes(long bytes) {
        return new StoreOptions(defaultEntries, entriesByTable, averageValueSize, maxBloatFactor, sparseFiles,
                durability, bytes);
    }

    public long entriesFor(String table) { return entriesByTable.getOrDefault(table, defaultEntries); }
}

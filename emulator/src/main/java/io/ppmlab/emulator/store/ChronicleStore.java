package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import net.openhft.chronicle.map.ChronicleMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The persisted store: one Chronicle map per table in {@code <dataDir>/tables/<logicalName>.cmap}, keyed by
 * row id, holding rows as {@link RowCodec} bytes, and a write-ahead {@link Journal} in {@code <dataDir>/journal/}.
 *
 * <p>Opening reopens the maps that exist, in place, without loading anything (Chronicle maps the file);
 * tables without a file get one on their first write. Writes are to memory-mapped files, so once
 * {@link #apply} returns they survive a killed process (not a power cut unless {@link Durability#FSYNC}).
 * Only one process may have a data dir open; a second gets {@link IllegalStateException}. The files are sparse
 * by default (sized for capacity, filled as rows arrive): copy a data dir with {@code cp --sparse=always} or {@code tar -S}.
 *
 * <p>Atomicity: Chronicle Map has no transaction across keys, so {@link #apply} logs the whole batch to the
 * journal first, then writes it to the maps. A process killed at any point leaves the batch whole or absent:
 * the next open replays the journal (see {@link #recoveryReport()}). A batch that fails while being written
 * (a map full, a file that cannot be created) is undone from the old values kept during the write, and
 * removed from the journal, before the exception reaches the caller.
 *
 * <p>Concurrency: batches are written one at a time (one lock held across the journal append and the map
 * writes, so that replaying the journal in order reproduces the order the maps saw). Reads take no lock
 * and are not isolated from a batch being written: a reader may see some of its rows new and others old
 * (and, if the batch fails and is undone, may briefly see rows that end up never written). Dataverse does
 * not isolate a change set from concurrent readers either (they read committed data per row).
 *
 * <p>Needs the Chronicle JVM flags (root pom, {@code chronicle.jvm.flags}). Thread-safe.
 */
public final class ChronicleStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(ChronicleStore.class);

    private final DataDir dir;
    private final TableCodecs codecs;
    private final StoreOptions options;
    private final Map<String, ChronicleTable> tables;
    /** Null with {@link Durability#NONE}. */
    private final Journal journal;
    private final RecoveryReport recovery;
    /** Held across a batch's journal append and map writes: the journal's order is the maps' order. */
    private final ReentrantLock writes = new ReentrantLock();
    /** Operations share it, {@link #close} takes it alone: no operation touches an unmapped file. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    public ChronicleStore(Path dataDir, Schema schema, StoreOptions options) {
        this.options = options;
        codecs = new TableCodecs(schema);
        dir = DataDir.open(dataDir);
        try {
            tables = openTables(new MapOpener(options));
            try {
                long t0 = System.nanoTime();
                Journal.Scan scan = Journal.replay(dir.journalFile(), (sequence, batch) -> replay(sequence, batch));
                if (scan.journalBytes() > 0 && options.durability() == Durability.FSYNC) forceMaps();
                recovery = RecoveryReport.of(dir.previousCloseClean(), scan, (System.nanoTime() - t0) / 1_000_000);
                if (!recovery.nothingToRecover()) LOG.info("{} ({})", recovery.summary(), dataDir);
                journal = openJournal(scan.lastSequence() + 1);
            } catch (RuntimeException e) {
                tables.values().forEach(ChronicleTable::close);
                throw e;
            }
        } catch (RuntimeException e) {
            dir.release();
            throw e;
        }
    }

    /** What opening had to repair: batches replayed from the journal, a torn record discarded. */
    public RecoveryReport recoveryReport() { return recovery; }

    @Override
    public Optional<Row> get(String table, UUID id) {
        return whileOpen(() -> table(table).get(id));
    }

    /**
     * Validates and encodes the whole batch (outside the lock), logs it to the journal, then writes it to the
     * maps in order. The single write path.
     */
    @Override
    public void apply(List<Mutation> mutations) { write(mutations); }

    /** The old values come from the write itself (kept for its undo): no extra lookup per row. */
    @Override
    public List<Row> applyReturningPrevious(List<Mutation> mutations, Function<String, Set<String>> columnsOf) {
        List<EncodedMutation> batch = codecs.encode(mutations);
        return codecs.previous(batch, writeEncoded(batch), columnsOf);
    }

    private byte[][] write(List<Mutation> mutations) { return writeEncoded(codecs.encode(mutations)); }

    /** Logs the encoded batch to the journal, then writes it to the maps in order; returns each mutation's old value. */
    private byte[][] writeEncoded(List<EncodedMutation> batch) {
        byte[] record = journal == null || batch.isEmpty() ? null : JournalFormat.encode(batch);
        return whileOpen(() -> {
            if (batch.isEmpty()) return new byte[0][];
            writes.lock();
            try {
                long start = record == null ? -1 : journal.append(record);
                byte[][] before;
                try {
                    before = writeToMaps(batch);
                } catch (UndoFailedException e) {
                    // Left in the journal: the next open replays it, which completes the half-written batch.
                    throw e;
                } catch (RuntimeException e) {
                    rollBack(start, e);
                    throw e;
                }
                if (journal != null && journal.size() > options.journalCheckpointBytes()) {
                    try {
                        checkpoint();
                    } catch (RuntimeException e) {
                        // The batch is in the maps and in the journal: it stands. The journal is emptied next time.
                        LOG.warn("journal checkpoint failed, will retry after the next batch", e);
                    }
                }
                return before;
            } finally {
                writes.unlock();
            }
        });
    }

    @Override
    public void scan(String table, Consumer<Row> visitor) {
        whileOpen(() -> {
            table(table).scan(visitor);
            return null;
        });
    }

    @Override
    public long count(String table) { return whileOpen(() -> table(table).count()); }

    @Override
    public long bytesUsed(String table) { return whileOpen(() -> table(table).bytesUsed()); }

    /** Empties the journal, closes every map and records a clean close, so the next open skips recovery. Idempotent. */
    @Override
    public void close() {
        // The write lock cannot be taken over a read hold: closing from inside a scan would hang forever.
        if (lifecycle.getReadHoldCount() > 0) throw new IllegalStateException("close() called from inside a store operation");
        Lock w = lifecycle.writeLock();
        w.lock();
        try {
            if (closed) return;
            closed = true;
            boolean clean = false;
            try {
                if (journal != null) {
                    checkpoint();
                    journal.close();
                }
                clean = true;
            } finally {
                tables.values().forEach(ChronicleTable::close);
                if (clean) dir.closeCleanly();
                else dir.release();
            }
        } finally {
            w.unlock();
        }
    }

    /**
     * Writes a batch to the maps. If a write fails, puts back what the earlier writes replaced, newest first,
     * and rethrows; if that fails too, throws {@link UndoFailedException}.
     */
    private byte[][] writeToMaps(List<EncodedMutation> batch) {
        byte[][] before = new byte[batch.size()][];
        int done = 0;
        try {
            for (; done < batch.size(); done++) {
                EncodedMutation m = batch.get(done);
                before[done] = tables.get(m.table()).write(m);
            }
        } catch (RuntimeException e) {
            try {
                for (int i = done - 1; i >= 0; i--) {
                    EncodedMutation m = batch.get(i);
                    tables.get(m.table()).restore(m.id(), before[i]);
                }
            } catch (RuntimeException undo) {
                UndoFailedException failed = new UndoFailedException(e);
                failed.addSuppressed(undo);
                throw failed;
            }
            throw e;
        }
        return before;
    }

    /** Takes an undone batch out of the journal so that no later open replays it. */
    private void rollBack(long start, RuntimeException failure) {
        if (start < 0) return;
        try {
            journal.rollBack(start);
        } catch (RuntimeException e) {
            // Still in the journal, the batch would be replayed at the next open although its caller saw it fail.
            failure.addSuppressed(e);
            LOG.error("cannot remove a failed batch from the journal; it will be applied when the store is next opened", e);
        }
    }

    /** A journal record being recovered: written to the maps like a new batch; false if it failed and was undone. */
    private boolean replay(long sequence, List<EncodedMutation> batch) {
        List<EncodedMutation> known = new ArrayList<>(batch.size());
        for (EncodedMutation m : batch) {
            if (tables.containsKey(m.table())) known.add(m);
            else LOG.warn("journal record {}: table {} is no longer in the schema, its row {} is skipped", sequence, m.table(), m.id());
        }
        try {
            writeToMaps(known);
            return true;
        } catch (UndoFailedException e) {
            throw new IllegalStateException("journal record " + sequence + " failed to replay and could not be undone", e);
        } catch (RuntimeException e) {
            LOG.error("journal record {} ({} mutations) failed to replay and was undone", sequence, batch.size(), e);
            return false;
        }
    }

    /**
     * Every batch in the journal is in the maps (batches are written one at a time, under {@link #writes} or
     * before the store is shared), so the journal can be emptied; with fsync the maps are flushed first.
     */
    private void checkpoint() {
        if (options.durability() == Durability.FSYNC) forceMaps();
        journal.reset();
    }

    private void forceMaps() { tables.values().forEach(ChronicleTable::force); }

    /** Opens the journal for appending, or (no journal wanted) removes what recovery has just replayed. */
    private Journal openJournal(long nextSequence) {
        if (options.durability() != Durability.NONE) {
            return Journal.open(dir.journalFile(), options.durability() == Durability.FSYNC, nextSequence);
        }
        try {
            // Kept, it would be replayed at a later open over rows written since without the journal.
            Files.deleteIfExists(dir.journalFile());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove journal " + dir.journalFile(), e);
        }
    }

    /** A batch half written to the maps that could not be undone: it stays in the journal for the next open. */
    private static final class UndoFailedException extends IllegalStateException {
        UndoFailedException(RuntimeException cause) {
            super("batch failed half-way and could not be undone; the journal will complete it when the store is next opened", cause);
        }
    }

    private ChronicleTable table(String name) {
        codecs.codec(name); // the unknown-table error
        return tables.get(name);
    }

    private <T> T whileOpen(Supplier<T> op) {
        Lock r = lifecycle.readLock();
        r.lock();
        try {
            if (closed) throw new IllegalStateException("store is closed");
            return op.get();
        } finally {
            r.unlock();
        }
    }

    /**
     * Reopens existing maps on a few threads: a clean reopen is ~2 ms a map once Chronicle's classes are
     * loaded (~1.7 s for the first), but recovery after a crash rescans each map and does gain.
     */
    private Map<String, ChronicleTable> openTables(MapOpener opener) {
        boolean recover = !dir.previousCloseClean();
        List<RowCodec> all = codecs.all();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, Runtime.getRuntime().availableProcessors()));
        List<Future<ChronicleMap<byte[], byte[]>>> opening = new ArrayList<>();
        try {
            for (RowCodec c : all) {
                String name = c.table().logicalName();
                Path file = dir.mapFile(name);
                opening.add(Files.exists(file) ? pool.submit(() -> opener.open(name, file, recover)) : null);
            }
            Map<String, ChronicleTable> out = new LinkedHashMap<>();
            RuntimeException failure = null;
            for (int i = 0; i < all.size(); i++) {
                ChronicleMap<byte[], byte[]> map = null;
                try {
                    map = opening.get(i) == null ? null : opening.get(i).get();
                } catch (ExecutionException e) {
                    if (failure == null) failure = new IllegalStateException("cannot open " + all.get(i).table().logicalName(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    if (failure == null) failure = new IllegalStateException("interrupted while opening maps", e);
                }
                out.put(all.get(i).table().logicalName(), new ChronicleTable(all.get(i), dir, opener, map));
            }
            if (failure != null) {
                out.values().forEach(ChronicleTable::close);
                throw failure;
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}

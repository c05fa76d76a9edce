package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import net.openhft.chronicle.map.ChronicleMap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The persisted store: one Chronicle map per table in {@code <dataDir>/tables/<logicalName>.cmap}, keyed by
 * row id, holding rows as {@link RowCodec} bytes.
 *
 * <p>Opening reopens the maps that exist, in place, without loading anything (Chronicle maps the file);
 * tables without a file get one on their first write. Writes are to memory-mapped files, so once
 * {@link #apply} returns they survive a killed process (not a power cut: nothing is fsynced). Only one
 * process may have a data dir open; a second gets {@link IllegalStateException}. The files are sparse
 * by default (sized for capacity, filled as rows arrive): copy a data dir with {@code cp --sparse=always} or {@code tar -S}.
 *
 * <p>Needs the Chronicle JVM flags (root pom, {@code chronicle.jvm.flags}). Thread-safe.
 */
public final class ChronicleStore implements Store {
    private final DataDir dir;
    private final TableCodecs codecs;
    private final Map<String, ChronicleTable> tables;
    /** Operations share it, {@link #close} takes it alone: no operation touches an unmapped file. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    public ChronicleStore(Path dataDir, Schema schema, StoreOptions options) {
        codecs = new TableCodecs(schema);
        dir = DataDir.open(dataDir);
        try {
            tables = openTables(new MapOpener(options));
        } catch (RuntimeException e) {
            dir.release();
            throw e;
        }
    }

    @Override
    public Optional<Row> get(String table, UUID id) {
        return whileOpen(() -> table(table).get(id));
    }

    /** Validates the whole batch, then writes it in order. The single write path: a journal goes here. */
    @Override
    public void apply(List<Mutation> mutations) {
        List<EncodedMutation> batch = codecs.encode(mutations);
        whileOpen(() -> {
            for (EncodedMutation m : batch) tables.get(m.table()).write(m);
            return null;
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

    /** Closes every map and records a clean close, so the next open skips recovery. Idempotent. */
    @Override
    public void close() {
        // The write lock cannot be taken over a read hold: closing from inside a scan would hang forever.
        if (lifecycle.getReadHoldCount() > 0) throw new IllegalStateException("close() called from inside a store operation");
        Lock w = lifecycle.writeLock();
        w.lock();
        try {
            if (closed) return;
            closed = true;
            tables.values().forEach(ChronicleTable::close);
            dir.closeCleanly();
        } finally {
            w.unlock();
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

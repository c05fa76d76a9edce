package io.ppmlab.emulator.query.index;

import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link Store} decorator that keeps the query engine's secondary indexes ({@link TableIndex}). A table's
 * index is built by one scan the first time a query asks for it, then maintained by every {@link #apply}: wrap
 * the real store once, and give the wrapper to everything that writes, so no write bypasses the indexes.
 *
 * <p>Writes are serialised here. Around each write the indexes hold a superset of the truth (new entries are
 * added before the store write, stale ones removed after), so a concurrent query may see a candidate too many,
 * which it re-checks, but never misses a row.
 */
public final class IndexedStore implements Store, IndexSource {
    private final Store delegate;
    private final Schema schema;
    private final Object writeLock = new Object();
    private final TableIndex.ColumnChoice columns;
    private final ConcurrentHashMap<String, TableIndex> built = new ConcurrentHashMap<>();

    public IndexedStore(Store delegate, Schema schema) { this(delegate, schema, TableIndex.DEFAULT_COLUMNS); }

    public IndexedStore(Store delegate, Schema schema, TableIndex.ColumnChoice columns) {
        this.delegate = delegate;
        this.schema = schema;
        this.columns = columns;
    }

    /** The store underneath (for the store's own tools such as the storage meter). */
    public Store delegate() { return delegate; }

    @Override
    public Optional<TableIndex> index(String table) {
        TableIndex index = built.get(table);
        if (index != null) return Optional.of(index);
        Table t = schema.table(table).orElseThrow(() -> new IllegalArgumentException("unknown table " + table));
        synchronized (writeLock) {
            index = built.get(table);
            if (index == null) {
                TableIndex fresh = new TableIndex(t, columns);
                delegate.scan(table, fresh::load);
                built.put(table, fresh);
                index = fresh;
            }
        }
        return Optional.of(index);
    }

    /** Number of tables whose index has been built (diagnostics and tests). */
    public int builtIndexes() { return built.size(); }

    @Override
    public Optional<Row> get(String table, UUID id) { return delegate.get(table, id); }

    @Override
    public void apply(List<Mutation> mutations) {
        synchronized (writeLock) {
            // Per indexed row touched by the batch: its state before (read once, under the lock, so no other
            // write can interleave), its final state, and what was provisionally added for it.
            Map<String, Map<UUID, Row>> olds = new LinkedHashMap<>();
            Map<String, Map<UUID, Row>> finals = new LinkedHashMap<>();
            Map<String, Map<UUID, List<Object[]>>> added = new LinkedHashMap<>();
            for (Mutation m : mutations) {
                TableIndex index = built.get(m.table());
                if (index == null) continue;
                Map<UUID, Row> before = olds.computeIfAbsent(m.table(), k -> new LinkedHashMap<>());
                if (!before.containsKey(m.id())) before.put(m.id(), delegate.get(m.table(), m.id()).orElse(null));
                Row row = m instanceof Mutation.Put put ? put.row() : null;
                finals.computeIfAbsent(m.table(), k -> new LinkedHashMap<>()).put(m.id(), row);
                List<Object[]> mine = added.computeIfAbsent(m.table(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(m.id(), k -> new ArrayList<>());
                if (row != null) mine.add(index.provisional(row));
            }
            try {
                delegate.apply(mutations);
            } catch (RuntimeException e) {
                added.forEach((table, rows) -> rows.forEach((id, keys) ->
                        built.get(table).rollback(id, olds.get(table).get(id), keys)));
                throw e;
            }
            finals.forEach((table, rows) -> rows.forEach((id, row) ->
                    built.get(table).settle(id, olds.get(table).get(id), row, added.get(table).get(id))));
        }
    }

    @Override
    public void scan(String table, Consumer<Row> visitor) { delegate.scan(table, visitor); }

    @Override
    public long count(String table) { return delegate.count(table); }

    @Override
    public long bytesUsed(String table) { return delegate.bytesUsed(table); }

    @Override
    public void close() { delegate.close(); }
}

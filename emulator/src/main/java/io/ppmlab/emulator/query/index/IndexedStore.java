package io.ppmlab.emulator.query.index;

import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
                fresh.finishLoad();
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
            // Per indexed row the batch touches: its provisional keys and final state now, its old state from the
            // store's write (which reads it anyway, for its undo), so that no row is read twice.
            Map<String, Map<UUID, TableIndex.Touched>> touched = new HashMap<>();
            for (Mutation m : mutations) {
                TableIndex index = built.get(m.table());
                if (index == null) continue;
                TableIndex.Touched t = touched.computeIfAbsent(m.table(), k -> new HashMap<>(Row.capacity(mutations.size()))).computeIfAbsent(m.id(), TableIndex.Touched::new);
                t.finalRow = m instanceof Mutation.Put put ? put.row() : null;
                if (t.finalRow != null) t.provisional.add(index.keysOf(t.finalRow));
            }
            if (touched.isEmpty()) {
                delegate.apply(mutations);
                return;
            }
            Map<String, List<TableIndex.Touched>> ordered = new HashMap<>();
            touched.forEach((table, rows) -> ordered.put(table, TableIndex.inIdOrder(rows.values())));
            ordered.forEach((table, rows) -> built.get(table).provisional(rows));
            List<Row> before;
            try {
                before = delegate.applyReturningPrevious(mutations, table -> {
                    TableIndex index = built.get(table);
                    return index == null ? Set.of() : index.columnNames(); // rows of unindexed tables: not needed
                });
            } catch (RuntimeException e) {
                // The failed batch was undone: the rows' states now are their old ones.
                ordered.forEach((table, rows) -> {
                    for (TableIndex.Touched t : rows) t.old = delegate.get(table, t.id).orElse(null);
                    built.get(table).rollback(rows);
                });
                throw e;
            }
            for (int i = 0; i < mutations.size(); i++) {
                Map<UUID, TableIndex.Touched> ofTable = touched.get(mutations.get(i).table());
                TableIndex.Touched t = ofTable == null ? null : ofTable.get(mutations.get(i).id());
                if (t == null || t.oldKnown) continue;
                t.old = before.get(i);
                t.oldKnown = true;
            }
            ordered.forEach((table, rows) -> built.get(table).settle(rows));
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

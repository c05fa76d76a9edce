package io.ppmlab.emulator.operations.bulk;

import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A write buffer over a store, for writes that land all together or not at all (a change set, a bulk message).
 * Reads see the buffered writes; the store below sees nothing until {@link #commit()} hands every buffered
 * mutation to ONE {@link Store#apply} call, which the store makes atomic (its journal). Dropping the buffer is the
 * rollback. Only the last write of each row is kept: the one apply carries each row's final state.
 *
 * <p>Rows are checked against the table codecs (column names, value types) only at commit, by the store below.
 * Not thread-safe: one buffer per change set or bulk message.
 */
public final class BufferedStore implements Store {
    private record RowKey(String table, UUID id) {}

    private final Store base;
    private final Schema schema;
    private final Map<RowKey, Mutation> pending = new LinkedHashMap<>();
    private boolean closed;

    public BufferedStore(Store base, Schema schema) {
        this.base = base;
        this.schema = schema;
    }

    @Override
    public Optional<Row> get(String table, UUID id) {
        check(table);
        Mutation m = pending.get(new RowKey(table, id));
        if (m == null) return base.get(table, id);
        return m instanceof Mutation.Put put ? Optional.of(put.row()) : Optional.empty();
    }

    @Override
    public void apply(List<Mutation> mutations) {
        for (Mutation m : mutations) check(m.table());
        for (Mutation m : mutations) pending.put(new RowKey(m.table(), m.id()), m);
    }

    @Override
    public void scan(String table, Consumer<Row> visitor) {
        check(table);
        List<Row> written = new ArrayList<>();
        pending.forEach((key, m) -> {
            if (key.table().equals(table) && m instanceof Mutation.Put put) written.add(put.row());
        });
        base.scan(table, row -> {
            if (!pending.containsKey(new RowKey(table, row.id()))) visitor.accept(row);
        });
        written.forEach(visitor);
    }

    @Override
    public long count(String table) {
        check(table);
        long n = base.count(table);
        for (Map.Entry<RowKey, Mutation> e : List.copyOf(pending.entrySet())) {
            if (!e.getKey().table().equals(table)) continue;
            boolean inBase = base.get(table, e.getKey().id()).isPresent();
            if (e.getValue() instanceof Mutation.Put && !inBase) n++;
            if (e.getValue() instanceof Mutation.Delete && inBase) n--;
        }
        return n;
    }

    /** The store below's figure: buffered rows are not counted until they are committed. */
    @Override
    public long bytesUsed(String table) { return base.bytesUsed(table); }

    /** The buffered mutations, one per row, in the order the rows were first written. */
    public List<Mutation> mutations() { return List.copyOf(pending.values()); }

    /** Applies every buffered mutation to the store below in one call, then closes the buffer. */
    public void commit() {
        List<Mutation> all = mutations();
        closed = true;
        if (!all.isEmpty()) base.apply(all);
    }

    /** Closes the buffer without writing anything (the store below is not closed: the buffer does not own it). */
    @Override
    public void close() { closed = true; }

    private void check(String table) {
        if (closed) throw new IllegalStateException("write buffer is closed");
        if (schema.table(table).isEmpty()) throw new IllegalArgumentException("unknown table " + table);
    }
}

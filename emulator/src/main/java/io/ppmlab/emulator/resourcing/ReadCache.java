package io.ppmlab.emulator.resourcing;

import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;

import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads the rows of a few tables once per operation. A save or a capacity round writes thousands of rows that
 * all point at the same few rows: their owner (which {@code SystemColumns} reads for {@code owningbusinessunit}),
 * the project and the resources (which the security check reads for AppendTo). Lives for one operation (whose
 * slices may run on several threads), so the next operation sees any change. Read-only.
 */
final class ReadCache implements Store {
    static final Set<String> PRINCIPALS = Set.of("systemuser", "team");
    static final Set<String> PLAN_PARENTS = Set.of("systemuser", "team", "sensei_project", "sensei_proposal", "bookableresource");

    private final Store delegate;
    private final Set<String> tables;
    private final Map<Key, Optional<Row>> rows = new ConcurrentHashMap<>();

    ReadCache(Store delegate, Set<String> tables) {
        this.delegate = delegate;
        this.tables = tables;
    }

    @Override
    public Optional<Row> get(String table, UUID id) {
        if (!tables.contains(table)) return delegate.get(table, id);
        // computeIfAbsent: a row is read once even when several slices ask for it at the same time, so the reads an
        // operation counts do not depend on thread timing
        return rows.computeIfAbsent(new Key(table, id), k -> delegate.get(table, id));
    }

    private record Key(String table, UUID id) {}

    @Override public void apply(List<Mutation> mutations) { throw new UnsupportedOperationException("read-only"); }

    @Override public void scan(String table, Consumer<Row> visitor) { delegate.scan(table, visitor); }

    @Override public long count(String table) { return delegate.count(table); }

    @Override public long bytesUsed(String table) { return delegate.bytesUsed(table); }

    @Override public void close() {}
}

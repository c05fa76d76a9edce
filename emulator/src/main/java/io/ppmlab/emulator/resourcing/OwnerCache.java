package io.ppmlab.emulator.resourcing;

import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads users and teams once per operation. {@code SystemColumns} reads the owner of every new row to fill
 * {@code owningbusinessunit}; a save or a capacity round writes thousands of rows with the same few owners.
 * Lives for one operation (one thread), so a change to a team is seen by the next one. Read-only.
 */
final class OwnerCache implements Store {
    private final Store delegate;
    private final Map<UUID, Optional<Row>> principals = new HashMap<>();

    OwnerCache(Store delegate) { this.delegate = delegate; }

    @Override
    public Optional<Row> get(String table, UUID id) {
        if (!table.equals("systemuser") && !table.equals("team")) return delegate.get(table, id);
        return principals.computeIfAbsent(id, k -> delegate.get(table, k));
    }

    @Override public void apply(List<Mutation> mutations) { throw new UnsupportedOperationException("read-only"); }

    @Override public void scan(String table, Consumer<Row> visitor) { delegate.scan(table, visitor); }

    @Override public long count(String table) { return delegate.count(table); }

    @Override public long bytesUsed(String table) { return delegate.bytesUsed(table); }

    @Override public void close() {}
}

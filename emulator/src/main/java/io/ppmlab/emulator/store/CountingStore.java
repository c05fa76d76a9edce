package io.ppmlab.emulator.store;

import io.ppmlab.emulator.cost.Quantity;
import io.ppmlab.emulator.cost.WorkScope;
import io.ppmlab.schema.Row;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A store decorator that counts, for the request being served, the rows it fetches, scans and writes.
 * It sits above the query indexes, so an index built on first use is not charged to the request that
 * happened to trigger it (the modelled cost must not depend on what ran before).
 */
public final class CountingStore implements Store {
    private final Store delegate;

    public CountingStore(Store delegate) { this.delegate = delegate; }

    @Override
    public Optional<Row> get(String table, UUID id) {
        Optional<Row> row = delegate.get(table, id);
        if (row.isPresent()) WorkScope.count(Quantity.ROWS_FETCHED, 1);
        return row;
    }

    @Override
    public void apply(List<Mutation> mutations) {
        delegate.apply(mutations);
        WorkScope.count(Quantity.ROWS_WRITTEN, mutations.size());
    }

    @Override
    public List<Row> applyReturningPrevious(List<Mutation> mutations, Function<String, Set<String>> columnsOf) {
        List<Row> previous = delegate.applyReturningPrevious(mutations, columnsOf);
        WorkScope.count(Quantity.ROWS_WRITTEN, mutations.size());
        return previous;
    }

    @Override
    public void scan(String table, Consumer<Row> visitor) {
        long[] n = {0};
        delegate.scan(table, row -> {
            n[0]++;
            visitor.accept(row);
        });
        WorkScope.count(Quantity.ROWS_SCANNED, n[0]);
    }

    @Override public long count(String table) { return delegate.count(table); }

    @Override public long bytesUsed(String table) { return delegate.bytesUsed(table); }

    @Override public void close() { delegate.close(); }
}

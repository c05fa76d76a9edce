package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The store with a {@link LabRegression} in its scan path. It sits above {@link CountingStore}, so the extra reads
 * are counted like any other; everything but reads (fetches and scans) of the chosen table passes straight through.
 */
final class RegressionStore implements Store {
    private final Store delegate;
    private final LabRegression regression;

    RegressionStore(Store delegate, LabRegression regression) {
        this.delegate = delegate;
        this.regression = regression;
    }

    @Override
    public void scan(String table, Consumer<Row> visitor) {
        if (regression instanceof LabRegression.TenfoldRows r && r.table().equals(table)) {
            delegate.scan(table, visitor);
            for (int i = 1; i < LabRegression.TenfoldRows.FACTOR; i++) delegate.scan(table, row -> { });
            return;
        }
        if (regression instanceof LabRegression.Sleep s && s.table().equals(table)) sleep(s.millis());
        delegate.scan(table, visitor);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<Row> get(String table, UUID id) {
        if (regression instanceof LabRegression.TenfoldRows r && r.table().equals(table)) {
            for (int i = 1; i < LabRegression.TenfoldRows.FACTOR; i++) delegate.get(table, id);
        } else if (regression instanceof LabRegression.Sleep s && s.table().equals(table)) {
            sleep(s.millis());
        }
        return delegate.get(table, id);
    }

    @Override public void apply(List<Mutation> mutations) { delegate.apply(mutations); }

    @Override
    public List<Row> applyReturningPrevious(List<Mutation> mutations, Function<String, Set<String>> columnsOf) {
        return delegate.applyReturningPrevious(mutations, columnsOf);
    }

    @Override public long count(String table) { return delegate.count(table); }

    @Override public long bytesUsed(String table) { return delegate.bytesUsed(table); }

    @Override public void close() { delegate.close(); }
}

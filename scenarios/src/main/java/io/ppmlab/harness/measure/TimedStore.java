package io.ppmlab.harness.measure;

import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A store decorator that times {@code apply} and {@code get}, to tell the store's share of a fill from the service's,
 * and reports the rows applied to one table as progress. Single-threaded: the fill calls the service in its own thread.
 */
final class TimedStore implements Store {
    private final Store delegate;
    private final String progressTable;
    private final Progress progress;
    private long applyNanos;
    private long getNanos;
    private long applies;
    private long gets;

    TimedStore(Store delegate, String progressTable, Progress progress) {
        this.delegate = delegate;
        this.progressTable = progressTable;
        this.progress = progress;
    }

    /** Time in the store since the last call, and starts counting again. */
    CapacityFillResult.StoreTime takeTime() {
        CapacityFillResult.StoreTime t = new CapacityFillResult.StoreTime(applyNanos / 1_000_000, applies, getNanos / 1_000_000, gets);
        applyNanos = getNanos = applies = gets = 0;
        return t;
    }

    @Override
    public Optional<Row> get(String table, UUID id) {
        long t0 = System.nanoTime();
        try {
            return delegate.get(table, id);
        } finally {
            getNanos += System.nanoTime() - t0;
            gets++;
        }
    }

    @Override
    public void apply(List<Mutation> mutations) {
        long t0 = System.nanoTime();
        try {
            delegate.apply(mutations);
        } finally {
            applyNanos += System.nanoTime() - t0;
            applies++;
        }
        progress.advance(mutations.stream().filter(m -> progressTable.equals(m.table())).count());
    }

    @Override public void scan(String table, Consumer<Row> visitor) { delegate.scan(table, visitor); }

    @Override public long count(String table) { return delegate.count(table); }

    @Override public long bytesUsed(String table) { return delegate.bytesUsed(table); }

    /** The delegate is closed by whoever opened it. */
    @Override public void close() {}
}

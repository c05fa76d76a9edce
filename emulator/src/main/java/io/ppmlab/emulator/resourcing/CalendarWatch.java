package io.ppmlab.emulator.resourcing;

import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A store decorator that notes when capacity's inputs change: enterprise calendars, calendar exceptions, bookable
 * resources and configuration settings (the horizon). Whoever writes (the Web API, $batch, the seed loader)
 * goes through it, so {@link CapacityService} recomputes only after such a write, and never scans otherwise.
 * Starts dirty: the first round after opening looks at everything once.
 */
public final class CalendarWatch implements Store {
    static final Set<String> TABLES = Set.of("sensei_enterprisecalendar", "sensei_calendarexception", "bookableresource",
            ResourcingSettings.TABLE);

    private final Store delegate;
    private final AtomicBoolean dirty = new AtomicBoolean(true);

    public CalendarWatch(Store delegate) { this.delegate = delegate; }

    @Override
    public void apply(List<Mutation> mutations) {
        delegate.apply(mutations);
        for (Mutation m : mutations) {
            if (TABLES.contains(m.table())) {
                dirty.set(true);
                return;
            }
        }
    }

    /** Whether an input changed since the last call (and clears the mark). */
    boolean takeDirty() { return dirty.getAndSet(false); }

    /** Marks the inputs changed, e.g. when a round failed half way. */
    void markDirty() { dirty.set(true); }

    @Override public Optional<Row> get(String table, UUID id) { return delegate.get(table, id); }

    @Override public void scan(String table, Consumer<Row> visitor) { delegate.scan(table, visitor); }

    @Override public long count(String table) { return delegate.count(table); }

    @Override public long bytesUsed(String table) { return delegate.bytesUsed(table); }

    @Override public void close() { delegate.close(); }
}

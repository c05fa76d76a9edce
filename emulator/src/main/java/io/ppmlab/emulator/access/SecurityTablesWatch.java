package io.ppmlab.emulator.access;

import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A store decorator that marks the security model stale whenever a security table is written (sharing rows as a
 * delta, see {@link SecurityState}), and refuses a write
 * that would leave the business units no longer a tree ({@link BusinessUnitIntegrity}). Such writes are checked and
 * applied one at a time, so two of them cannot each pass the check against a tree the other is changing.
 */
public final class SecurityTablesWatch implements Store {
    private static final String SHARES = "principalobjectaccess";

    private final Store delegate;
    private volatile SecurityState state;

    public SecurityTablesWatch(Store delegate) { this.delegate = delegate; }

    public void notify(SecurityState state) { this.state = state; }

    @Override
    public void apply(List<Mutation> mutations) {
        if (BusinessUnitIntegrity.concerns(mutations)) {
            synchronized (this) {
                BusinessUnitIntegrity.check(delegate, mutations);
                delegate.apply(mutations);
            }
        } else {
            delegate.apply(mutations);
        }
        SecurityState s = state;
        if (s == null) return;
        List<UUID> shareRows = new ArrayList<>();
        for (Mutation m : mutations) {
            if (m.table().equals(SHARES)) {
                shareRows.add(m.id());
            } else if (SecurityModelLoader.TABLES.contains(m.table())) {
                s.invalidate();
                return;
            }
        }
        if (!shareRows.isEmpty()) s.sharesChanged(shareRows);
    }

    @Override public Optional<Row> get(String table, UUID id) { return delegate.get(table, id); }

    @Override public void scan(String table, Consumer<Row> visitor) { delegate.scan(table, visitor); }

    @Override public long count(String table) { return delegate.count(table); }

    @Override public long bytesUsed(String table) { return delegate.bytesUsed(table); }

    @Override public void close() { delegate.close(); }
}

package io.ppmlab.emulator.query.index;

import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one question cascades, Assigned-To and group sync ask of the data: which rows of a table point at
 * some rows through a column. Answered from the query engine's index when the store keeps one for that
 * column ({@link IndexSource}), else by one scan of the table per question, whatever the number of parents.
 */
public final class Children {
    private final Store store;
    private final IndexSource indexes;

    public Children(Store store, IndexSource indexes) {
        this.store = store;
        this.indexes = indexes;
    }

    /** Rows of {@code table} whose {@code column} (a lookup or a GUID column) holds one of {@code ids}. */
    public List<Row> referencing(String table, String column, Collection<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        Set<UUID> wanted = new HashSet<>(ids); // contains(null) must answer false, not throw
        Optional<TableIndex> index = indexes.index(table).filter(i -> i.indexed(column));
        List<Row> out = new ArrayList<>();
        if (index.isPresent()) {
            for (UUID id : wanted) {
                IdSet bucket = index.get().bucket(column, id);
                for (Iterator<UUID> it = bucket.after(null); it.hasNext(); ) {
                    // An index may hold a candidate too many while a write is in flight: re-check the row.
                    store.get(table, it.next()).filter(r -> wanted.contains(idIn(r.get(column)))).ifPresent(out::add);
                }
            }
            return out;
        }
        store.scan(table, r -> { if (wanted.contains(idIn(r.get(column)))) out.add(r); });
        return out;
    }

    public List<Row> referencing(String table, String column, UUID id) { return referencing(table, column, Set.of(id)); }

    private static UUID idIn(Object value) {
        if (value instanceof EntityRef ref) return ref.id();
        return value instanceof UUID id ? id : null;
    }
}

package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The emulator's storage: rows by table and id. Implementations: {@link ChronicleStore} (persisted,
 * one Chronicle Map per table) and {@link MemoryStore} (tests). Both pass {@code StoreContract}.
 *
 * <p>{@link #apply(List)} is the only write path. Once it returns, the writes are visible to every
 * reader and (for the persisted store) survive the death of the process.
 *
 * <p>Every method throws {@link IllegalArgumentException} for a table the schema does not have, and
 * {@link IllegalStateException} once the store is closed. A batch that fails validation (unknown column,
 * value of the wrong type) writes nothing.
 */
public interface Store extends AutoCloseable {

    Optional<Row> get(String table, UUID id);

    /** Applies the mutations in order. */
    void apply(List<Mutation> mutations);

    /**
     * Applies the mutations like {@link #apply} and returns, for each mutation in order, the row its id held just
     * before it (null when absent). For decorators that keep data derived from rows (the query indexes), which
     * would otherwise read every row of a batch first; a store that already reads the old values while writing
     * (for its undo) returns them at no extra lookup. {@code columnsOf} names, per table, the columns the caller
     * needs of those rows (null: all; empty: none, and those rows may come back null); a store may return more. Callers serialise their writes: the default reads
     * first, then applies.
     */
    default List<Row> applyReturningPrevious(List<Mutation> mutations, Function<String, Set<String>> columnsOf) {
        List<Row> before = new ArrayList<>(mutations.size());
        Map<String, Map<UUID, Row>> written = new HashMap<>();
        for (Mutation m : mutations) {
            Map<UUID, Row> ofTable = written.computeIfAbsent(m.table(), k -> new HashMap<>());
            before.add(ofTable.containsKey(m.id()) ? ofTable.get(m.id()) : get(m.table(), m.id()).orElse(null));
            ofTable.put(m.id(), m instanceof Mutation.Put put ? put.row() : null);
        }
        apply(mutations);
        return before;
    }

    default void put(Row row) { apply(List.of(new Mutation.Put(row))); }

    default void delete(String table, UUID id) { apply(List.of(new Mutation.Delete(table, id))); }

    /** Visits every row of a table (order unspecified). */
    void scan(String table, Consumer<Row> visitor);

    long count(String table);

    /**
     * Bytes the table's rows take in this store (keys and encoded values, as the back-end allocates them),
     * for a storage meter. Not the size of the files, which are sparse and sized for capacity.
     */
    long bytesUsed(String table);

    @Override
    void close();
}

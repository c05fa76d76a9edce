package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;

import java.util.List;
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

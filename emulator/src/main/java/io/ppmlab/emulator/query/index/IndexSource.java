package io.ppmlab.emulator.query.index;

import java.util.Optional;

/** Where the query engine finds secondary indexes; {@link #NONE} when the store is not an {@link IndexedStore}. */
public interface IndexSource {
    IndexSource NONE = table -> Optional.empty();

    /** The index of a table, built on first use; empty when this source keeps none. */
    Optional<TableIndex> index(String table);
}

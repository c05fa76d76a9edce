package io.ppmlab.emulator.server;

import io.ppmlab.emulator.payload.RowWriter;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Schema;

import java.util.Optional;

/** Looks up the primary name of a lookup's target row, for its formatted value. */
final class PrimaryNames implements RowWriter.NameResolver {
    private final Schema schema;
    private final Store store;

    PrimaryNames(Schema schema, Store store) {
        this.schema = schema;
        this.store = store;
    }

    @Override
    public Optional<String> primaryName(EntityRef ref) {
        String column = schema.table(ref.table()).map(t -> t.primaryNameColumn()).orElse(null);
        if (column == null) return Optional.empty();
        return store.get(ref.table(), ref.id()).map(row -> row.get(column)).map(Object::toString);
    }
}

package io.ppmlab.emulator.operations;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.util.List;
import java.util.Optional;

/**
 * The product's and the platform's own behaviours on writes (owner replication onto registers, cascade
 * of assign and delete, Assigned-To shares). Extra mutations returned here are applied in the same
 * {@code Store.apply} call as the write itself.
 */
public interface WriteRules {
    /** Adjusts a row about to be created, before the security check (e.g. it takes its parent's owner). */
    Row beforeCreate(Caller caller, Table table, Row row);

    /** Mutations that go with a create ({@code before} empty) or an update of {@code after}. */
    List<Mutation> alongside(Caller caller, Table table, Optional<Row> before, Row after);

    /** Mutations that go with deleting {@code row} (cascade delete, cleared lookups, removed shares). */
    List<Mutation> onDelete(Caller caller, Table table, Row row);

    WriteRules NONE = new WriteRules() {
        @Override public Row beforeCreate(Caller caller, Table table, Row row) { return row; }

        @Override public List<Mutation> alongside(Caller caller, Table table, Optional<Row> before, Row after) { return List.of(); }

        @Override public List<Mutation> onDelete(Caller caller, Table table, Row row) { return List.of(); }
    };
}

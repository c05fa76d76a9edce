package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;

import java.util.UUID;

/** One change to the store. */
public sealed interface Mutation {
    String table();

    UUID id();

    /** Insert or replace a whole row. */
    record Put(Row row) implements Mutation {
        public String table() { return row.table(); }
        public UUID id() { return row.id(); }
    }

    /** Remove a row (no-op when absent). */
    record Delete(String table, UUID id) implements Mutation {}
}

package io.ppmlab.emulator.query.filter;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Row;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What a compiled filter needs from the request it runs in: the caller, the clock, related rows and their security. */
public interface EvalContext {
    Caller caller();

    /** The request's "now", fixed for the whole request. */
    Instant now();

    /** The row a lookup points at (cached per request), or null when it does not exist. */
    Row fetch(EntityRef ref);

    /** Whether the caller may read this row (the table's read scope is computed once per request). */
    boolean readable(Row row);

    /** Children of one parent through a 1:N relationship that the caller may read, in id order. */
    List<Row> children(Relationship relationship, UUID parentId);

    /** Teams the caller is a member of. */
    Set<UUID> userTeams();

    /**
     * Rows of a hierarchical table (one with a lookup to itself) below {@code id}, or above it when
     * {@code above}; {@code id} itself included when {@code inclusive}.
     */
    Set<UUID> hierarchy(String table, UUID id, boolean above, boolean inclusive);
}

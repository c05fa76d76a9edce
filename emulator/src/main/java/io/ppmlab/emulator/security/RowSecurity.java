package io.ppmlab.emulator.security;

import io.ppmlab.schema.EntityRef;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The security-relevant facts of one row (or of a row about to be created): its owner, its owning
 * business unit, and the rows it inherits shares from through parental (share-cascading) relationships.
 *
 * @param owner              a {@code systemuser} or {@code team} ref; null for organization-owned tables
 * @param owningBusinessUnit null for organization-owned tables, which only Organization depth and shares reach
 * @param parents            parental rows, nearest first; a share on any of them reaches this row
 */
public record RowSecurity(String table, UUID rowId, EntityRef owner, UUID owningBusinessUnit, List<EntityRef> parents) {
    public RowSecurity {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rowId, "rowId");
        parents = parents == null ? List.of() : List.copyOf(parents);
    }

    public RowSecurity(String table, UUID rowId, EntityRef owner, UUID owningBusinessUnit) {
        this(table, rowId, owner, owningBusinessUnit, List.of());
    }

    public EntityRef ref() { return new EntityRef(table, rowId); }
}

package io.ppmlab.emulator.security;

import io.ppmlab.schema.EntityRef;

import java.util.Set;
import java.util.UUID;

/**
 * What a caller may read of one table, shaped for index lookups: rows of {@code ownerIds} (owner index),
 * rows of {@code businessUnits} (owning-BU index), {@code sharedRowIds} (by id) and children of
 * {@code sharedParents} (parent → children index of parental lookups). {@code all} means no filter.
 * The query engine unions those row sets and intersects them with its own filter; {@link #canRead}
 * gives the same answer for one row.
 */
public record ReadScope(String table, boolean all, Set<UUID> ownerIds, Set<UUID> businessUnits, Set<UUID> sharedRowIds,
                        Set<EntityRef> sharedParents) {
    public static ReadScope nothing(String table) {
        return new ReadScope(table, false, Set.of(), Set.of(), Set.of(), Set.of());
    }

    /** True when nothing can match: the privilege is missing, so a query may skip the table altogether. */
    public boolean isEmpty() {
        return !all && ownerIds.isEmpty() && businessUnits.isEmpty() && sharedRowIds.isEmpty() && sharedParents.isEmpty();
    }

    /** Same verdict as the evaluator's Read check on this row, with no allocation. */
    public boolean canRead(RowSecurity row) {
        if (all) return true;
        if (row.owner() != null && ownerIds.contains(row.owner().id())) return true;
        if (row.owningBusinessUnit() != null && businessUnits.contains(row.owningBusinessUnit())) return true;
        if (sharedRowIds.contains(row.rowId())) return true;
        for (EntityRef parent : row.parents()) if (sharedParents.contains(parent)) return true;
        return false;
    }
}

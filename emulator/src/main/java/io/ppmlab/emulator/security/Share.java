package io.ppmlab.emulator.security;

import io.ppmlab.roles.Privilege;
import io.ppmlab.schema.EntityRef;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One PrincipalObjectAccess entry: a row shared with a user, a team (access teams included) or the
 * organization. An inherited share was copied down from {@code parentRowRef} by a cascading share;
 * unsharing the parent removes it and leaves the row's own shares alone.
 */
public record Share(String table, UUID rowId, EntityRef principal, Set<Privilege> rights, boolean inherited,
                    EntityRef parentRowRef) {
    public Share {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(principal, "principal");
        switch (principal.table()) {
            case Principal.USER_TABLE, Principal.TEAM_TABLE, Principal.ORGANIZATION_TABLE -> { }
            default -> throw new IllegalArgumentException("cannot share with a " + principal.table());
        }
        if (rights.contains(Privilege.CREATE)) throw new IllegalArgumentException("Create cannot be shared: it applies to no existing row");
        if (inherited != (parentRowRef != null)) throw new IllegalArgumentException("an inherited share names its parent row, a direct one does not");
        rights = Collections.unmodifiableSet(rights.isEmpty() ? EnumSet.noneOf(Privilege.class) : EnumSet.copyOf(rights));
    }

    /** A share made on the row itself. */
    public static Share direct(String table, UUID rowId, EntityRef principal, Set<Privilege> rights) {
        return new Share(table, rowId, principal, rights, false, null);
    }

    public EntityRef row() { return new EntityRef(table, rowId); }
}

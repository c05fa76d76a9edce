package io.ppmlab.emulator.security;

import io.ppmlab.roles.Privilege;
import io.ppmlab.schema.EntityRef;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a caller's reach into a {@link ReadScope} for one table, so that every path that returns rows
 * (lists, $expand, navigation, aggregates, counts, FetchXML links, pages) filters with the same rule.
 */
public final class ListFilter {
    private ListFilter() {}

    public static ReadScope readScope(CallerReach reach, String table) {
        return scope(reach, table, Privilege.READ);
    }

    /** The scope for any privilege: e.g. Write for a bulk update, Delete for a cascade. */
    public static ReadScope scope(CallerReach reach, String table, Privilege privilege) {
        PrivilegeReach held = reach.privilege(table, privilege);
        if (!held.held()) return ReadScope.nothing(table);
        if (held.organization() != null) return new ReadScope(table, true, Set.of(), Set.of(), Set.of(), Set.of());
        Set<UUID> shared = new HashSet<>();
        for (Map.Entry<UUID, List<Share>> row : reach.sharesOn(table).entrySet()) {
            if (row.getValue().stream().anyMatch(s -> s.rights().contains(privilege))) shared.add(row.getKey());
        }
        return new ReadScope(table, false, held.ownerIds(), held.businessUnits().keySet(),
                Collections.unmodifiableSet(shared), sharedParents(reach, privilege));
    }

    private static Set<EntityRef> sharedParents(CallerReach reach, Privilege privilege) {
        if (privilege == Privilege.READ) return reach.readableShared();
        Set<EntityRef> out = new HashSet<>();
        for (String table : reach.sharedTables()) {
            reach.sharesOn(table).forEach((id, shares) -> {
                if (shares.stream().anyMatch(s -> s.rights().contains(privilege))) out.add(new EntityRef(table, id));
            });
        }
        return Collections.unmodifiableSet(out);
    }
}

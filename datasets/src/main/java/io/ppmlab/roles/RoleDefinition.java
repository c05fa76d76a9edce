package io.ppmlab.roles;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A security role as data: per table, the depth of each privilege it grants; the task privileges it
 * carries; how teams pass it to their members; and, per table, why a depth was chosen where the
 * product documentation leaves it open.
 *
 * @param tables         table logical name → privilege → depth (absent means {@link Depth#NONE})
 * @param taskPrivileges privileges not tied to a table, e.g. {@code prvActOnBehalfOfAnotherUser}
 * @param notes          table name (or {@code inheritance}) → the reason for a depth the text leaves open
 */
public record RoleDefinition(String name, RoleModel model, Map<String, Map<Privilege, Depth>> tables,
                             Set<String> taskPrivileges, TeamInheritance inheritance,
                             Map<String, String> notes) {

    public RoleDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(inheritance, "inheritance");
        Map<String, Map<Privilege, Depth>> copy = new LinkedHashMap<>();
        tables.forEach((table, privileges) -> {
            EnumMap<Privilege, Depth> granted = new EnumMap<>(Privilege.class);
            // NONE entries are dropped so that "held" is simply "present".
            privileges.forEach((p, d) -> { if (d != Depth.NONE) granted.put(p, d); });
            if (!granted.isEmpty()) copy.put(table, Collections.unmodifiableMap(granted));
        });
        tables = Collections.unmodifiableMap(copy);
        taskPrivileges = Collections.unmodifiableSet(new LinkedHashSet<>(taskPrivileges));
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    /** The depth at which this role grants {@code privilege} on {@code table}. */
    public Depth depth(String table, Privilege privilege) {
        return tables.getOrDefault(table, Map.of()).getOrDefault(privilege, Depth.NONE);
    }

    /** Table privileges held at any depth plus task privileges (what Dataverse counts as privileges). */
    public int privilegeCount() {
        return tables.values().stream().mapToInt(Map::size).sum() + taskPrivileges.size();
    }
}

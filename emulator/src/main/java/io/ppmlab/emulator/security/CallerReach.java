package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;
import io.ppmlab.roles.RoleDefinition;
import io.ppmlab.roles.TeamInheritance;
import io.ppmlab.schema.EntityRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything one caller can reach, computed once per caller and model version (see {@link ReachCache})
 * so that checking a row costs hash lookups, not a walk over roles, teams and shares.
 */
public final class CallerReach {
    private final Identity identity;
    private final BusinessUnitTree units;
    private final Map<String, Map<Privilege, PrivilegeReach>> tables = new HashMap<>();
    private final Map<String, Map<UUID, List<Share>>> shares;
    private final Set<EntityRef> readableShared = new HashSet<>();
    private final Set<String> taskPrivileges;
    private final int privilegeCount;

    /**
     * Who the reach is for. {@code contextCallerId} is the real caller under impersonation (Dataverse's
     * {@code context.Caller}), otherwise the user; {@code roleCount} counts direct and team-held roles.
     */
    public record Identity(UUID userId, UUID businessUnit, UUID contextCallerId, long modelVersion,
                           List<UUID> owningTeams, int roleCount) {
        public Identity { owningTeams = List.copyOf(owningTeams); }
    }

    CallerReach(Identity identity, BusinessUnitTree units, Map<String, Map<Privilege, List<Grant>>> grants,
                Map<String, Map<UUID, List<Share>>> shares, Set<String> taskPrivileges) {
        this.identity = identity;
        this.units = units;
        this.shares = shares;
        this.taskPrivileges = Collections.unmodifiableSet(new LinkedHashSet<>(taskPrivileges));
        int count = 0;
        for (var table : grants.entrySet()) {
            Map<Privilege, PrivilegeReach> compiled = new EnumMap<>(Privilege.class);
            table.getValue().forEach((p, g) -> compiled.put(p, PrivilegeReach.compile(g, identity.userId(), identity.owningTeams(), units)));
            compiled.values().removeIf(r -> !r.held());
            count += compiled.size();
            if (!compiled.isEmpty()) tables.put(table.getKey(), compiled);
        }
        this.privilegeCount = count + this.taskPrivileges.size();
        shares.forEach((table, rows) -> rows.forEach((id, list) -> {
            if (list.stream().anyMatch(s -> s.rights().contains(Privilege.READ))) readableShared.add(new EntityRef(table, id));
        }));
    }

    /** Builds the reach of {@code userId} from the model: its roles, its teams' roles, its and its teams' shares. */
    public static CallerReach of(SecurityModel model, UUID userId) {
        Principal.User user = model.user(userId).orElseThrow(() -> new IllegalArgumentException("unknown user " + userId));
        List<Principal.Team> teams = model.teamsOf(userId);
        List<Integer> assignments = new ArrayList<>(model.assignmentPositions(userId));
        List<OrderedShare> placed = new ArrayList<>(model.sharesOf(userId));
        List<UUID> owningTeams = new ArrayList<>();
        for (Principal.Team t : teams) {
            if (t.type().canOwnRows()) owningTeams.add(t.id());
            if (t.type().canHoldRoles()) assignments.addAll(model.assignmentPositions(t.id()));
            placed.addAll(model.sharesOf(t.id()));
        }
        placed.addAll(model.sharesOf(model.organizationId()));
        // Model order is the tie-break between grants and between shares; the reference evaluator uses it too.
        Collections.sort(assignments);
        placed.sort(java.util.Comparator.comparingLong(OrderedShare::order));

        Map<String, Map<Privilege, List<Grant>>> grants = new HashMap<>();
        Set<String> tasks = new LinkedHashSet<>();
        for (int position : assignments) {
            RoleAssignment a = model.principals().assignments().get(position);
            RoleDefinition role = model.roles().get(a.roleName());
            boolean teamOnly = a.principal().table().equals(Principal.TEAM_TABLE)
                    && role.inheritance() == TeamInheritance.TEAM_ONLY;
            tasks.addAll(role.taskPrivileges());
            role.tables().forEach((table, privileges) -> privileges.forEach((p, depth) ->
                    grants.computeIfAbsent(table, k -> new EnumMap<>(Privilege.class)).computeIfAbsent(p, k -> new ArrayList<>())
                            .add(new Grant(role.name(), depth, a.businessUnit(), a.principal(), teamOnly))));
        }
        Map<String, Map<UUID, List<Share>>> shares = new HashMap<>();
        for (OrderedShare o : placed) {
            Share s = o.share();
            shares.computeIfAbsent(s.table(), k -> new HashMap<>()).computeIfAbsent(s.rowId(), k -> new ArrayList<>()).add(s);
        }
        Identity identity = new Identity(userId, user.businessUnit(), userId, model.version(), owningTeams, assignments.size());
        return new CallerReach(identity, model.units(), grants, shares, tasks);
    }

    public Identity identity() { return identity; }

    public UUID userId() { return identity.userId(); }

    public long modelVersion() { return identity.modelVersion(); }

    BusinessUnitTree units() { return units; }

    /** The compiled reach of one privilege on one table ({@link PrivilegeReach#NOT_HELD} when missing). */
    public PrivilegeReach privilege(String table, Privilege privilege) {
        Map<Privilege, PrivilegeReach> t = tables.get(table);
        return t == null ? PrivilegeReach.NOT_HELD : t.getOrDefault(privilege, PrivilegeReach.NOT_HELD);
    }

    /** Tables on which the caller holds at least one privilege. */
    public Set<String> tables() { return Collections.unmodifiableSet(tables.keySet()); }

    /** Shares reaching the caller on one row, in model order (empty when none). */
    public List<Share> sharesOn(String table, UUID rowId) {
        Map<UUID, List<Share>> rows = shares.get(table);
        return rows == null ? List.of() : rows.getOrDefault(rowId, List.of());
    }

    /** Rows of one table shared with the caller → the shares, in model order. */
    public Map<UUID, List<Share>> sharesOn(String table) {
        return Collections.unmodifiableMap(shares.getOrDefault(table, Map.of()));
    }

    /** Tables with at least one row shared with the caller. */
    public Set<String> sharedTables() { return Collections.unmodifiableSet(shares.keySet()); }

    /** Every row, of any table, shared with the caller with Read: a child inherits these through its parents. */
    public Set<EntityRef> readableShared() { return Collections.unmodifiableSet(readableShared); }

    public Set<String> taskPrivileges() { return taskPrivileges; }

    public int roleCount() { return identity.roleCount(); }

    /** Table privileges held at any depth plus task privileges, as Dataverse counts them in its messages. */
    public int privilegeCount() { return privilegeCount; }

    /** The grants behind every held privilege, for impersonation's intersection. */
    Map<String, Map<Privilege, List<Grant>>> grants() {
        Map<String, Map<Privilege, List<Grant>>> out = new HashMap<>();
        tables.forEach((t, ps) -> ps.forEach((p, r) -> out.computeIfAbsent(t, k -> new EnumMap<>(Privilege.class)).put(p, r.grants())));
        return out;
    }

    Map<String, Map<UUID, List<Share>>> shares() { return shares; }

    /** The broadest depth at which the caller holds a privilege. */
    public Depth depth(String table, Privilege privilege) { return privilege(table, privilege).maxDepth(); }
}

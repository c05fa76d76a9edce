package io.ppmlab.emulator.product;

import io.ppmlab.emulator.query.index.Children;
import io.ppmlab.datasets.Ids;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Brings Entra group teams' {@code teammembership} rows in line with their groups ({@link GroupDirectory}),
 * as Dataverse does: for one user when that user signs in, or for every group at a sync. Until then a
 * team keeps its old members, and access follows the team, not the group.
 */
public final class GroupSync {
    private static final String MEMBERSHIP = "teammembership";

    /** What a sync changed. */
    public record Result(int added, int removed) {
        static final Result NONE = new Result(0, 0);
    }

    private final Store store;
    private final SystemColumns system;
    private final Children children;
    private final GroupDirectory directory;
    private final Table membershipTable;

    public GroupSync(Schema schema, Store store, SystemColumns system, Children children, GroupDirectory directory) {
        this.store = store;
        this.system = system;
        this.children = children;
        this.directory = directory;
        this.membershipTable = schema.table(MEMBERSHIP).orElseThrow(() -> new IllegalArgumentException("the schema has no " + MEMBERSHIP));
    }

    /** The user signed in: their membership of every group's team now matches the group. */
    public synchronized Result signedIn(UUID userId, String upn) {
        Map<UUID, Set<String>> groups = directory.all();
        if (groups.isEmpty() || upn == null) return Result.NONE;
        String me = GroupDirectory.normalise(upn);
        Map<UUID, Row> mine = new HashMap<>();
        for (Row m : children.referencing(MEMBERSHIP, "systemuserid", userId)) {
            if (m.ref("teamid") != null) mine.put(m.ref("teamid").id(), m);
        }
        Caller caller = Caller.of(userId, null);
        List<Mutation> changes = new ArrayList<>();
        int added = 0;
        int removed = 0;
        for (Map.Entry<UUID, Set<String>> g : groups.entrySet()) {
            if (store.get("team", g.getKey()).isEmpty()) continue;
            boolean wanted = g.getValue().contains(me);
            Row has = mine.get(g.getKey());
            if (wanted && has == null) {
                changes.add(add(caller, g.getKey(), userId));
                added++;
            } else if (!wanted && has != null) {
                changes.add(new Mutation.Delete(MEMBERSHIP, has.id()));
                removed++;
            }
        }
        if (!changes.isEmpty()) store.apply(changes);
        return new Result(added, removed);
    }

    /** Every group's team now matches its group; {@code actingUser} is recorded as creator (else each team's administrator). */
    public synchronized Result syncAll(Optional<UUID> actingUser) {
        Map<UUID, Set<String>> groups = directory.all();
        if (groups.isEmpty()) return Result.NONE;
        Map<String, UUID> users = usersByUpn();
        Map<UUID, Map<UUID, Row>> current = new HashMap<>();
        for (Row m : children.referencing(MEMBERSHIP, "teamid", groups.keySet())) {
            EntityRef user = m.ref("systemuserid");
            if (user != null) current.computeIfAbsent(m.ref("teamid").id(), k -> new LinkedHashMap<>()).put(user.id(), m);
        }
        List<Mutation> changes = new ArrayList<>();
        int added = 0;
        int removed = 0;
        for (Map.Entry<UUID, Set<String>> g : groups.entrySet()) {
            Optional<Row> team = store.get("team", g.getKey());
            if (team.isEmpty()) continue;
            Map<UUID, Row> has = current.getOrDefault(g.getKey(), Map.of());
            Set<UUID> wanted = new java.util.LinkedHashSet<>();
            g.getValue().forEach(upn -> { UUID id = users.get(upn); if (id != null) wanted.add(id); });
            for (UUID user : wanted) {
                if (has.containsKey(user)) continue;
                UUID creator = actingUser.orElseGet(() -> Optional.ofNullable(team.get().ref("administratorid")).map(EntityRef::id).orElse(user));
                changes.add(add(Caller.of(creator, null), g.getKey(), user));
                added++;
            }
            for (Map.Entry<UUID, Row> m : has.entrySet()) {
                if (wanted.contains(m.getKey())) continue;
                changes.add(new Mutation.Delete(MEMBERSHIP, m.getValue().id()));
                removed++;
            }
        }
        if (!changes.isEmpty()) store.apply(changes);
        return new Result(added, removed);
    }

    /** The UPNs (lower case) of a team's current members, as Dataverse sees them. */
    public List<String> teamMembers(UUID teamId) {
        Map<UUID, String> upns = new HashMap<>();
        usersByUpn().forEach((upn, id) -> upns.put(id, upn));
        List<String> out = new ArrayList<>();
        for (Row m : children.referencing(MEMBERSHIP, "teamid", teamId)) {
            EntityRef user = m.ref("systemuserid");
            if (user != null && upns.containsKey(user.id())) out.add(upns.get(user.id()));
        }
        out.sort(null);
        return out;
    }

    /** Every user's UPN (lower case) → systemuser id. */
    public Map<String, UUID> usersByUpn() {
        Map<String, UUID> out = new HashMap<>();
        store.scan("systemuser", u -> { if (u.get("domainname") != null) out.put(GroupDirectory.normalise(u.get("domainname").toString()), u.id()); });
        return out;
    }

    private Mutation add(Caller caller, UUID teamId, UUID userId) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("systemuserid", new EntityRef("systemuser", userId));
        v.put("teamid", new EntityRef("team", teamId));
        // The id AddMembersTeam gives the same membership.
        return new Mutation.Put(system.forCreate(membershipTable, Ids.of(MEMBERSHIP, teamId + "|" + userId), v, caller));
    }
}

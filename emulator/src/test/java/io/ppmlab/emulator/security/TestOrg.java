package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;
import io.ppmlab.roles.RoleDefinition;
import io.ppmlab.roles.RoleModel;
import io.ppmlab.roles.TeamInheritance;
import io.ppmlab.schema.EntityRef;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A small organisation built line by line for rule tests. */
final class TestOrg {
    final UUID organizationId = UUID.randomUUID();
    final UUID root = UUID.randomUUID();
    final Map<UUID, UUID> parents = new LinkedHashMap<>();
    final List<Principal.User> users = new ArrayList<>();
    final List<Principal.Team> teams = new ArrayList<>();
    final List<Membership> memberships = new ArrayList<>();
    final List<RoleAssignment> assignments = new ArrayList<>();
    final List<Share> shares = new ArrayList<>();
    final Map<String, RoleDefinition> roles = new LinkedHashMap<>();
    long version = 1;

    UUID unit(UUID parent) {
        UUID id = UUID.randomUUID();
        parents.put(id, parent);
        return id;
    }

    Principal.User user(UUID unit) {
        Principal.User u = new Principal.User(UUID.randomUUID(), unit);
        users.add(u);
        return u;
    }

    Principal.Team team(UUID unit, TeamType type, Principal.User... members) {
        Principal.Team t = new Principal.Team(UUID.randomUUID(), unit, type);
        teams.add(t);
        for (Principal.User m : members) memberships.add(new Membership(t.id(), m.id()));
        return t;
    }

    void assign(Principal.User user, RoleDefinition role) {
        roles.put(role.name(), role);
        assignments.add(RoleAssignment.of(user, role.name()));
    }

    void assign(Principal.User user, RoleDefinition role, UUID fromUnit) {
        roles.put(role.name(), role);
        assignments.add(RoleAssignment.fromUnit(user, role.name(), fromUnit));
    }

    void assign(Principal.Team team, RoleDefinition role) {
        roles.put(role.name(), role);
        assignments.add(RoleAssignment.of(team, role.name()));
    }

    void share(RowSecurity row, EntityRef principal, Privilege... rights) {
        shares.add(Share.direct(row.table(), row.rowId(), principal, Set.of(rights)));
    }

    SecurityModel model() {
        return new SecurityModel(version++, organizationId, new BusinessUnitTree(root, parents),
                new Principals(users, teams, memberships, assignments), roles.values(), shares);
    }

    CallerReach reach(Principal.User user) { return CallerReach.of(model(), user.id()); }

    static RowSecurity row(String table, EntityRef owner, UUID unit, EntityRef... parents) {
        return new RowSecurity(table, UUID.randomUUID(), owner, unit, List.of(parents));
    }

    /** A role granting {@code privileges} on {@code table} at {@code depth}. */
    static RoleDefinition role(String name, TeamInheritance inheritance, String table, Depth depth, Privilege... privileges) {
        Map<Privilege, Depth> granted = new EnumMap<>(Privilege.class);
        for (Privilege p : privileges) granted.put(p, depth);
        return new RoleDefinition(name, RoleModel.MODULAR, Map.of(table, granted), Set.of(), inheritance, Map.of());
    }

    static RoleDefinition role(String name, String table, Depth depth, Privilege... privileges) {
        return role(name, TeamInheritance.DIRECT_BASIC_AND_TEAM, table, depth, privileges);
    }
}

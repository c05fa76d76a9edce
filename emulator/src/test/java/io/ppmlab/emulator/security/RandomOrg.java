package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;
import io.ppmlab.roles.RoleDefinition;
import io.ppmlab.roles.RoleModel;
import io.ppmlab.roles.TeamInheritance;
import io.ppmlab.schema.EntityRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A random organisation from one seed: a business-unit tree, users, teams of every type, memberships,
 * random roles (random depths and inheritance) given to users (sometimes from other units) and teams,
 * rows with random owners, units and parents (including the odd ownerless row and unknown unit),
 * and shares direct, inherited, to teams and to the organization.
 */
record RandomOrg(SecurityModel model, List<RowSecurity> rows) {
    static final List<String> TABLES = List.of("t_a", "t_b", "t_c");

    static RandomOrg of(long seed) {
        Random rnd = new Random(seed);
        UUID root = new UUID(seed, 0);
        List<UUID> units = new ArrayList<>(List.of(root));
        Map<UUID, UUID> parents = new HashMap<>();
        for (int i = rnd.nextInt(6); i > 0; i--) {
            UUID unit = UUID.randomUUID();
            parents.put(unit, units.get(rnd.nextInt(units.size())));
            units.add(unit);
        }
        List<Principal.User> users = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(6); i > 0; i--) users.add(new Principal.User(UUID.randomUUID(), pick(rnd, units)));
        List<Principal.Team> teams = new ArrayList<>();
        for (int i = rnd.nextInt(6); i > 0; i--) {
            teams.add(new Principal.Team(UUID.randomUUID(), pick(rnd, units), TeamType.values()[rnd.nextInt(TeamType.values().length)]));
        }
        List<Membership> memberships = new ArrayList<>();
        for (Principal.Team t : teams) for (Principal.User u : users) if (rnd.nextInt(100) < 50) memberships.add(new Membership(t.id(), u.id()));

        List<RoleDefinition> roles = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(4); i > 0; i--) roles.add(role(rnd, "role" + i));
        List<RoleAssignment> assignments = new ArrayList<>();
        for (Principal.User u : users) {
            for (int i = rnd.nextInt(100) < 15 ? 0 : 1 + rnd.nextInt(2); i > 0; i--) {
                UUID from = rnd.nextInt(100) < 70 ? u.businessUnit() : pick(rnd, units);
                assignments.add(RoleAssignment.fromUnit(u, pick(rnd, roles).name(), from));
            }
        }
        for (Principal.Team t : teams) {
            if (!t.type().canHoldRoles()) continue;
            for (int i = rnd.nextInt(3); i > 0; i--) assignments.add(RoleAssignment.of(t, pick(rnd, roles).name()));
        }
        Collections.shuffle(assignments, rnd);

        List<RowSecurity> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            int o = rnd.nextInt(100);
            EntityRef owner = o < 40 ? pick(rnd, users).ref() : o < 90 && !teams.isEmpty() ? pick(rnd, teams).ref() : null;
            int b = rnd.nextInt(100);
            UUID unit = b < 85 ? pick(rnd, units) : b < 95 ? null : UUID.randomUUID();
            List<EntityRef> rowParents = new ArrayList<>();
            for (int k = rows.isEmpty() ? 0 : rnd.nextInt(3); k > 0; k--) rowParents.add(pick(rnd, rows).ref());
            rows.add(new RowSecurity(pick(rnd, TABLES), UUID.randomUUID(), owner, unit, rowParents));
        }
        UUID organizationId = UUID.randomUUID();
        List<Share> shares = new ArrayList<>();
        for (int i = rnd.nextInt(31); i > 0; i--) {
            RowSecurity row = pick(rnd, rows);
            int p = rnd.nextInt(100);
            EntityRef principal = p < 50 ? pick(rnd, users).ref() : p < 85 && !teams.isEmpty() ? pick(rnd, teams).ref()
                    : new EntityRef(Principal.ORGANIZATION_TABLE, organizationId);
            Set<Privilege> rights = EnumSet.noneOf(Privilege.class);
            for (Privilege r : Privilege.values()) if (r != Privilege.CREATE && rnd.nextBoolean()) rights.add(r);
            boolean inherited = rnd.nextInt(100) < 30;
            shares.add(new Share(row.table(), row.rowId(), principal, rights, inherited, inherited ? pick(rnd, rows).ref() : null));
        }
        SecurityModel model = new SecurityModel(seed, organizationId, new BusinessUnitTree(root, parents),
                new Principals(users, teams, memberships, assignments), roles, shares);
        return new RandomOrg(model, rows);
    }

    private static RoleDefinition role(Random rnd, String name) {
        Map<String, Map<Privilege, Depth>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            Map<Privilege, Depth> privileges = new EnumMap<>(Privilege.class);
            for (Privilege p : Privilege.values()) if (rnd.nextInt(100) < 70) privileges.put(p, Depth.values()[rnd.nextInt(Depth.values().length)]);
            tables.put(table, privileges);
        }
        Set<String> tasks = rnd.nextBoolean() ? Set.of(Impersonation.ACT_ON_BEHALF) : Set.of();
        TeamInheritance inheritance = rnd.nextBoolean() ? TeamInheritance.TEAM_ONLY : TeamInheritance.DIRECT_BASIC_AND_TEAM;
        return new RoleDefinition(name, RoleModel.MODULAR, tables, tasks, inheritance, Map.of());
    }

    private static <T> T pick(Random rnd, List<T> list) { return list.get(rnd.nextInt(list.size())); }
}

package io.ppmlab.emulator.access;

import io.ppmlab.emulator.security.BusinessUnitTree;
import io.ppmlab.emulator.security.Membership;
import io.ppmlab.emulator.security.Principal;
import io.ppmlab.emulator.security.Principals;
import io.ppmlab.emulator.security.RoleAssignment;
import io.ppmlab.emulator.security.SecurityModel;
import io.ppmlab.emulator.security.Share;
import io.ppmlab.emulator.security.TeamType;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.roles.Privilege;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds a {@link SecurityModel} from the stored platform tables: business units, users, teams,
 * memberships, role assignments (through each role row's business unit) and direct shares
 * (principalobjectaccess; inherited access is derived from parental parents at check time).
 */
public final class SecurityModelLoader {
    /** Tables whose changes change the security model. */
    public static final Set<String> TABLES = Set.of("businessunit", "systemuser", "team", "teammembership", "role",
            "systemuserroles", "teamroles", "principalobjectaccess", "organization");

    private final RoleCatalog roles;

    public SecurityModelLoader(RoleCatalog roles) { this.roles = roles; }

    /** A model and its shares keyed by the PrincipalObjectAccess row each came from, in model order. */
    public record Loaded(SecurityModel model, Map<UUID, Share> sharesByRow) {}

    public SecurityModel load(Store store, long version) { return loadWithShares(store, version).model(); }

    public Loaded loadWithShares(Store store, long version) {
        Map<UUID, UUID> parents = new HashMap<>();
        List<UUID> roots = new ArrayList<>();
        store.scan("businessunit", bu -> {
            EntityRef parent = bu.ref("parentbusinessunitid");
            if (parent == null) roots.add(bu.id()); else parents.put(bu.id(), parent.id());
        });
        if (roots.size() != 1) throw new IllegalStateException("expected exactly one root business unit, found " + roots.size());
        UUID root = roots.get(0);

        Map<UUID, Principal.User> users = new HashMap<>();
        store.scan("systemuser", u -> users.put(u.id(), new Principal.User(u.id(), unitOf(u, root))));
        Map<UUID, Principal.Team> teams = new HashMap<>();
        store.scan("team", t -> teams.put(t.id(), new Principal.Team(t.id(), unitOf(t, root), teamType(t))));
        List<Membership> memberships = new ArrayList<>();
        store.scan("teammembership", m -> {
            EntityRef team = m.ref("teamid");
            EntityRef user = m.ref("systemuserid");
            if (team != null && user != null && teams.containsKey(team.id()) && users.containsKey(user.id())) {
                memberships.add(new Membership(team.id(), user.id()));
            }
        });
        Map<UUID, Row> roleRows = new HashMap<>();
        store.scan("role", r -> roleRows.put(r.id(), r));
        List<RoleAssignment> assignments = new ArrayList<>();
        store.scan("systemuserroles", a -> assign(a, "systemuserid", roleRows, root, users.keySet(), assignments));
        store.scan("teamroles", a -> assign(a, "teamid", roleRows, root, teams.keySet(), assignments));
        UUID organization = firstId(store, "organization");
        Map<UUID, Share> shares = new LinkedHashMap<>();
        // A share whose user or team no longer exists is dead data, not a reason to refuse every request.
        store.scan("principalobjectaccess", poa -> share(poa)
                .filter(sh -> exists(sh.principal(), users.keySet(), teams.keySet(), organization))
                .ifPresent(sh -> shares.put(poa.id(), sh)));
        SecurityModel model = new SecurityModel(version, organization, new BusinessUnitTree(root, parents),
                new Principals(new ArrayList<>(users.values()), new ArrayList<>(teams.values()), memberships, assignments),
                roles.roles(), new ArrayList<>(shares.values()));
        return new Loaded(model, shares);
    }

    /**
     * The share a PrincipalObjectAccess row makes under {@code model}, or empty when the row grants nothing or names
     * a principal the model does not know (the same rule as a full load).
     */
    public static java.util.Optional<Share> shareUnder(SecurityModel model, Row poa) {
        return share(poa).filter(sh -> switch (sh.principal().table()) {
            case "systemuser" -> model.user(sh.principal().id()).isPresent();
            case "team" -> model.team(sh.principal().id()).isPresent();
            default -> model.organizationId().equals(sh.principal().id());
        });
    }

    private void assign(Row a, String principalColumn, Map<UUID, Row> roleRows, UUID root, Set<UUID> known, List<RoleAssignment> out) {
        EntityRef principal = a.ref(principalColumn);
        EntityRef role = a.ref("roleid");
        if (principal == null || role == null || !known.contains(principal.id())) return;
        Row roleRow = roleRows.get(role.id());
        if (roleRow == null || roles.find(String.valueOf(roleRow.get("name"))).isEmpty()) return;
        String name = roles.find(String.valueOf(roleRow.get("name"))).get().name();
        out.add(new RoleAssignment(principal, name, unitOf(roleRow, root)));
    }

    static java.util.Optional<Share> share(Row poa) {
        Object rowId = poa.get("objectid");
        Object principalId = poa.get("principalid");
        Object table = poa.get("objecttypecode");
        Object type = poa.get("principaltypecode");
        Object mask = poa.get("accessrightsmask");
        if (!(rowId instanceof UUID) || !(principalId instanceof UUID) || table == null || type == null || !(mask instanceof Integer m) || m == 0) {
            return java.util.Optional.empty();
        }
        String principalTable = type.toString();
        if (!principalTable.equals("systemuser") && !principalTable.equals("team") && !principalTable.equals("organization")) {
            return java.util.Optional.empty(); // nothing can be shared with any other kind of row
        }
        Set<Privilege> rights = EnumSet.noneOf(Privilege.class);
        for (Privilege p : Privilege.values()) if (p != Privilege.CREATE && (m & p.mask()) != 0) rights.add(p);
        if (rights.isEmpty()) return java.util.Optional.empty();
        return java.util.Optional.of(Share.direct(table.toString(), (UUID) rowId, new EntityRef(type.toString(), (UUID) principalId), rights));
    }

    private static boolean exists(EntityRef principal, Set<UUID> users, Set<UUID> teams, UUID organization) {
        return switch (principal.table()) {
            case "systemuser" -> users.contains(principal.id());
            case "team" -> teams.contains(principal.id());
            default -> organization.equals(principal.id());
        };
    }

    private static UUID unitOf(Row row, UUID root) {
        EntityRef bu = row.ref("businessunitid");
        return bu == null ? root : bu.id();
    }

    private static TeamType teamType(Row team) {
        Object type = team.get("teamtype");
        int t = type instanceof Integer i ? i : 0;
        return switch (t) {
            case 1 -> TeamType.ACCESS;
            case 2 -> TeamType.AAD_SECURITY;
            case 3 -> TeamType.AAD_OFFICE;
            default -> TeamType.OWNER;
        };
    }

    private static UUID firstId(Store store, String table) {
        UUID[] found = new UUID[1];
        store.scan(table, r -> { if (found[0] == null) found[0] = r.id(); });
        return found[0] == null ? new UUID(0, 0) : found[0];
    }
}

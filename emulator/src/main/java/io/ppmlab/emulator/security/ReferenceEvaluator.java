package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;
import io.ppmlab.roles.RoleDefinition;
import io.ppmlab.roles.TeamInheritance;
import io.ppmlab.schema.EntityRef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The security rules read straight off the documentation, slow and with nothing precomputed: every
 * call scans all memberships, role assignments and shares and walks the business-unit tree by parent
 * links. It is the oracle {@link AccessEvaluator} is tested against, and the way tools list what a
 * persona should see. Same reason order and tie-break (model order) as the fast path.
 */
public final class ReferenceEvaluator {
    private ReferenceEvaluator() {}

    public static Decision check(SecurityModel model, UUID userId, RowSecurity row, Privilege p) {
        return decide(model, userId, userId, row, p, Optional.empty());
    }

    /** As {@code impersonatedId}, with privileges limited to what {@code realCallerId} holds, at no more than its depth. */
    public static Decision check(SecurityModel model, UUID realCallerId, UUID impersonatedId, RowSecurity row, Privilege p) {
        return decide(model, impersonatedId, realCallerId, row, p, Optional.of(realCallerId));
    }

    /** Every reason the check passes, decisive first (empty when the privilege is missing or nothing reaches). */
    public static List<Reason> reasons(SecurityModel model, UUID userId, RowSecurity row, Privilege p) {
        List<Grant> grants = grants(model, userId, row.table(), p);
        return grants.isEmpty() ? List.of() : reasons(model, userId, grants, row, p);
    }

    private static Decision decide(SecurityModel model, UUID userId, UUID contextCaller, RowSecurity row, Privilege p,
                                   Optional<UUID> limitedBy) {
        List<Grant> grants = grants(model, userId, row.table(), p);
        if (limitedBy.isPresent()) grants = capped(grants, maxDepth(grants(model, limitedBy.get(), row.table(), p)));
        int roleCount = applicableAssignments(model, userId).size();
        CallerReach.Identity who = new CallerReach.Identity(userId, model.user(userId).orElseThrow().businessUnit(),
                contextCaller, model.version(), List.of(), roleCount);
        if (grants.isEmpty()) {
            return new Decision.Denied(Decision.DenialKind.MISSING_PRIVILEGE,
                    SecurityMessages.missingPrivilege(who, privilegeCount(model, userId, limitedBy), row.table(), p));
        }
        List<Reason> reasons = reasons(model, userId, grants, row, p);
        return reasons.isEmpty()
                ? new Decision.Denied(Decision.DenialKind.OUT_OF_REACH, SecurityMessages.outOfReach(who, row, p))
                : new Decision.Allowed(reasons.get(0));
    }

    private static List<Reason> reasons(SecurityModel model, UUID userId, List<Grant> grants, RowSecurity row, Privilege p) {
        Set<Reason> out = new LinkedHashSet<>();
        EntityRef owner = row.owner();
        if (owner != null && owner.equals(new EntityRef(Principal.USER_TABLE, userId))
                && grants.stream().anyMatch(g -> !g.teamOnly())) {
            out.add(new Reason.Owner(owner));
        }
        if (owner != null && owner.table().equals(Principal.TEAM_TABLE)) {
            Optional<Principal.Team> team = teamsOf(model, userId).stream().filter(t -> t.id().equals(owner.id())).findFirst();
            boolean counts = team.isPresent() && team.get().type().canOwnRows() && grants.stream()
                    .anyMatch(g -> !g.teamOnly() || g.via().equals(owner));
            if (counts) out.add(new Reason.TeamOwner(owner.id()));
        }
        for (Grant g : grants) if (g.depth() == Depth.ORGANIZATION) out.add(new Reason.OrganizationDepth(g.roleName()));
        for (Grant g : grants) {
            boolean covers = switch (g.depth()) {
                case NONE, USER, ORGANIZATION -> false;
                case BUSINESS_UNIT -> g.fromBusinessUnit().equals(row.owningBusinessUnit());
                case PARENT_CHILD -> isAtOrBelow(model.units(), row.owningBusinessUnit(), g.fromBusinessUnit());
            };
            if (covers) out.add(new Reason.RoleDepth(g.roleName(), g.depth(), g.fromBusinessUnit()));
        }
        sharesOn(model, userId, row.ref(), p, false, out);
        for (EntityRef parent : row.parents()) sharesOn(model, userId, parent, p, true, out);
        return List.copyOf(out);
    }

    private static void sharesOn(SecurityModel model, UUID userId, EntityRef target, Privilege p, boolean viaParent, Set<Reason> out) {
        Set<EntityRef> principals = new HashSet<>();
        principals.add(new EntityRef(Principal.USER_TABLE, userId));
        principals.add(model.organizationRef());
        teamsOf(model, userId).forEach(t -> principals.add(t.ref()));
        for (Share s : model.shares()) {
            if (s.row().equals(target) && principals.contains(s.principal()) && s.rights().contains(p)) {
                out.add(new Reason.Shared(s.principal(), s.rights(), s.inherited() || viaParent));
            }
        }
    }

    /** Walks up from {@code unit} by parent links until it meets {@code ancestor} or runs out of tree. */
    private static boolean isAtOrBelow(BusinessUnitTree units, UUID unit, UUID ancestor) {
        for (UUID at = unit; at != null; at = units.parent(at).orElse(null)) {
            if (at.equals(ancestor)) return true;
        }
        return false;
    }

    private static List<Grant> grants(SecurityModel model, UUID userId, String table, Privilege p) {
        List<Grant> out = new ArrayList<>();
        for (RoleAssignment a : applicableAssignments(model, userId)) {
            RoleDefinition role = model.roles().get(a.roleName());
            Depth depth = role.depth(table, p);
            boolean teamOnly = a.principal().table().equals(Principal.TEAM_TABLE) && role.inheritance() == TeamInheritance.TEAM_ONLY;
            if (depth != Depth.NONE) out.add(new Grant(role.name(), depth, a.businessUnit(), a.principal(), teamOnly));
        }
        return out;
    }

    /** The user's own roles and the roles of every team it is in that can hold roles, in model order. */
    private static List<RoleAssignment> applicableAssignments(SecurityModel model, UUID userId) {
        Set<EntityRef> holders = new HashSet<>();
        holders.add(new EntityRef(Principal.USER_TABLE, userId));
        teamsOf(model, userId).stream().filter(t -> t.type().canHoldRoles()).forEach(t -> holders.add(t.ref()));
        return model.principals().assignments().stream().filter(a -> holders.contains(a.principal())).toList();
    }

    private static List<Principal.Team> teamsOf(SecurityModel model, UUID userId) {
        Set<UUID> ids = new HashSet<>();
        for (Membership m : model.principals().memberships()) if (m.userId().equals(userId)) ids.add(m.teamId());
        return model.principals().teams().stream().filter(t -> ids.contains(t.id())).toList();
    }

    private static int privilegeCount(SecurityModel model, UUID userId, Optional<UUID> limitedBy) {
        Set<String> held = new HashSet<>();
        Set<String> tasks = new HashSet<>();
        for (RoleAssignment a : applicableAssignments(model, userId)) {
            RoleDefinition role = model.roles().get(a.roleName());
            for (Map.Entry<String, Map<Privilege, Depth>> t : role.tables().entrySet()) {
                for (Privilege p : t.getValue().keySet()) {
                    if (limitedBy.isEmpty() || !grants(model, limitedBy.get(), t.getKey(), p).isEmpty()) held.add(t.getKey() + "/" + p);
                }
            }
            tasks.addAll(role.taskPrivileges());
        }
        if (limitedBy.isPresent()) {
            Set<String> real = new HashSet<>();
            applicableAssignments(model, limitedBy.get()).forEach(a -> real.addAll(model.roles().get(a.roleName()).taskPrivileges()));
            tasks.retainAll(real);
        }
        return held.size() + tasks.size();
    }

    private static Depth maxDepth(List<Grant> grants) {
        return grants.stream().map(Grant::depth).reduce(Depth.NONE, Depth::max);
    }

    private static List<Grant> capped(List<Grant> grants, Depth cap) {
        return cap == Depth.NONE ? List.of() : grants.stream().map(g -> g.capped(cap)).toList();
    }
}

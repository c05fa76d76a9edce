package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;
import io.ppmlab.schema.EntityRef;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Dataverse's two-stage check as a pure function of values: the privilege check (held at any depth?),
 * then the access check on the row (owner, team owner, Organization depth, Local/Deep depth, share or
 * inherited share, in that order; the first reason found is the one reported).
 */
public final class AccessEvaluator {
    private AccessEvaluator() {}

    public static Decision check(CallerReach reach, RowSecurity row, Privilege privilege) {
        PrivilegeReach held = reach.privilege(row.table(), privilege);
        if (!held.held()) {
            return new Decision.Denied(Decision.DenialKind.MISSING_PRIVILEGE,
                    SecurityMessages.missingPrivilege(reach.identity(), reach.privilegeCount(), row.table(), privilege));
        }
        Reason first = firstReason(reach, held, row, privilege);
        return first == null
                ? new Decision.Denied(Decision.DenialKind.OUT_OF_REACH, SecurityMessages.outOfReach(reach.identity(), row, privilege))
                : new Decision.Allowed(first);
    }

    /** Every reason the check passes, in the order {@link #check} looks for them; empty when it fails. */
    public static List<Reason> reasons(CallerReach reach, RowSecurity row, Privilege privilege) {
        PrivilegeReach held = reach.privilege(row.table(), privilege);
        return held.held() ? allReasons(reach, held, row, privilege) : List.of();
    }

    /** The same verdict as {@link #check} without building a reason or a message: for filtering many rows. */
    public static boolean allows(CallerReach reach, RowSecurity row, Privilege privilege) {
        PrivilegeReach held = reach.privilege(row.table(), privilege);
        if (!held.held()) return false;
        if (held.organization() != null) return true;
        if (ownerReason(reach, held, row.owner()) != null) return true;
        if (row.owningBusinessUnit() != null && held.businessUnits().containsKey(row.owningBusinessUnit())) return true;
        if (firstShare(reach.sharesOn(row.table(), row.rowId()), privilege) != null) return true;
        for (EntityRef parent : row.parents()) {
            if (firstShare(reach.sharesOn(parent.table(), parent.id()), privilege) != null) return true;
        }
        return false;
    }

    /** For each of the eight rights: the decision, the roles that hold the privilege and every reason that passes. */
    public static Explanation explain(SecurityModel model, UUID userId, RowSecurity row) {
        return explain(CallerReach.of(model, userId), row);
    }

    public static Explanation explain(CallerReach reach, RowSecurity row) {
        List<Explanation.Right> rights = new ArrayList<>();
        for (Privilege p : Privilege.values()) {
            rights.add(new Explanation.Right(p, check(reach, row, p), reach.privilege(row.table(), p).grants(), reasons(reach, row, p)));
        }
        return new Explanation(reach.userId(), row, rights);
    }

    /** {@code prvReadsensei_project}. */
    public static String privilegeName(Privilege privilege, String table) { return SecurityMessages.privilegeName(privilege, table); }

    /** The hot path: lookups only, stops at the first reason (same order as {@link #allReasons}). */
    private static Reason firstReason(CallerReach reach, PrivilegeReach held, RowSecurity row, Privilege p) {
        Reason owned = ownerReason(reach, held, row.owner());
        if (owned != null) return owned;
        if (held.organization() != null) return new Reason.OrganizationDepth(held.organization().roleName());
        Grant g = row.owningBusinessUnit() == null ? null : held.businessUnits().get(row.owningBusinessUnit());
        if (g != null) return new Reason.RoleDepth(g.roleName(), g.depth(), g.fromBusinessUnit());
        Share s = firstShare(reach.sharesOn(row.table(), row.rowId()), p);
        if (s != null) return new Reason.Shared(s.principal(), s.rights(), s.inherited());
        for (EntityRef parent : row.parents()) {
            s = firstShare(reach.sharesOn(parent.table(), parent.id()), p);
            if (s != null) return new Reason.Shared(s.principal(), s.rights(), true);
        }
        return null;
    }

    private static List<Reason> allReasons(CallerReach reach, PrivilegeReach held, RowSecurity row, Privilege p) {
        Set<Reason> out = new LinkedHashSet<>();
        Reason owned = ownerReason(reach, held, row.owner());
        if (owned != null) out.add(owned);
        for (Grant g : held.grants()) if (g.depth() == Depth.ORGANIZATION) out.add(new Reason.OrganizationDepth(g.roleName()));
        for (Grant g : held.grants()) {
            if (covers(reach.units(), g, row.owningBusinessUnit())) out.add(new Reason.RoleDepth(g.roleName(), g.depth(), g.fromBusinessUnit()));
        }
        addShares(out, reach.sharesOn(row.table(), row.rowId()), p, false);
        for (EntityRef parent : row.parents()) addShares(out, reach.sharesOn(parent.table(), parent.id()), p, true);
        return List.copyOf(out);
    }

    private static boolean covers(BusinessUnitTree units, Grant g, UUID rowUnit) {
        if (rowUnit == null) return false;
        return switch (g.depth()) {
            case NONE, USER, ORGANIZATION -> false;
            case BUSINESS_UNIT -> g.fromBusinessUnit().equals(rowUnit);
            case PARENT_CHILD -> units.contains(rowUnit) && units.isUnder(rowUnit, g.fromBusinessUnit());
        };
    }

    private static void addShares(Set<Reason> out, List<Share> shares, Privilege p, boolean viaParent) {
        for (Share s : shares) {
            if (s.rights().contains(p)) out.add(new Reason.Shared(s.principal(), s.rights(), s.inherited() || viaParent));
        }
    }

    private static Share firstShare(List<Share> shares, Privilege p) {
        for (Share s : shares) if (s.rights().contains(p)) return s;
        return null;
    }

    private static Reason ownerReason(CallerReach reach, PrivilegeReach held, EntityRef owner) {
        if (owner == null || !held.ownerIds().contains(owner.id())) return null;
        if (owner.table().equals(Principal.USER_TABLE) && owner.id().equals(reach.userId())) return new Reason.Owner(owner);
        if (owner.table().equals(Principal.TEAM_TABLE) && !owner.id().equals(reach.userId())) return new Reason.TeamOwner(owner.id());
        return null;
    }
}

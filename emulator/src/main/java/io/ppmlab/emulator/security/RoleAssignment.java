package io.ppmlab.emulator.security;

import io.ppmlab.schema.EntityRef;

import java.util.Objects;
import java.util.UUID;

/**
 * A role given to a user or a team. {@code businessUnit} is the unit the role copy comes from, and
 * every depth is measured from it: a user's own unit normally, another unit under modernized business
 * units, and always the team's own unit for a team.
 */
public record RoleAssignment(EntityRef principal, String roleName, UUID businessUnit) {
    public RoleAssignment {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(businessUnit, "businessUnit");
        if (!principal.table().equals(Principal.USER_TABLE) && !principal.table().equals(Principal.TEAM_TABLE)) {
            throw new IllegalArgumentException("roles go to users or teams, not " + principal.table());
        }
    }

    public static RoleAssignment of(Principal.User user, String roleName) {
        return new RoleAssignment(user.ref(), roleName, user.businessUnit());
    }

    public static RoleAssignment of(Principal.Team team, String roleName) {
        return new RoleAssignment(team.ref(), roleName, team.businessUnit());
    }

    /** A role from another business unit (modernized business units). */
    public static RoleAssignment fromUnit(Principal.User user, String roleName, UUID businessUnit) {
        return new RoleAssignment(user.ref(), roleName, businessUnit);
    }
}

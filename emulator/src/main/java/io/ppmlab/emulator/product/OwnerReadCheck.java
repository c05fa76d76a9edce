package io.ppmlab.emulator.product;

import io.ppmlab.emulator.access.SecurityState;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.security.RoleAssignment;
import io.ppmlab.emulator.security.SecurityModel;
import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;
import io.ppmlab.roles.RoleDefinition;
import io.ppmlab.schema.EntityRef;

import java.util.ArrayList;
import java.util.List;

/**
 * Dataverse's "Read Privilege Check For Owner": a row can only be given to an owner who holds Read on its
 * table. A user's Read comes from its own and its teams' roles. A team's comes from the team's own roles;
 * a team that holds no role at all is let through, because the demo's M365-group teams own their records
 * without roles (their members' own roles give the access), as the security guard's own assign check does.
 */
public final class OwnerReadCheck {
    private final SecurityState security;

    public OwnerReadCheck(SecurityState security) { this.security = security; }

    /** Throws 403 {@code 0x80040231} naming the first table of {@code tables} the owner cannot read. */
    public void require(EntityRef owner, Iterable<String> tables, String context) {
        for (String table : tables) {
            if (!canRead(owner, table)) {
                throw ErrorCode.PRINCIPAL_PRIVILEGE_DENIED.error("Read Privilege Check For Owner failed: principal "
                        + (owner.table().equals("team") ? "team" : "user") + " (Id=" + owner.id() + ") is missing prvRead"
                        + table + " privilege, so it cannot own " + table + " rows (" + context + ").");
            }
        }
    }

    boolean canRead(EntityRef owner, String table) {
        if (owner.table().equals("systemuser")) {
            return security.reachOf(owner.id()).privilege(table, Privilege.READ).held();
        }
        SecurityModel model = security.model();
        List<RoleAssignment> roles = new ArrayList<>();
        for (RoleAssignment a : model.principals().assignments()) if (a.principal().equals(owner)) roles.add(a);
        if (roles.isEmpty()) return true;
        for (RoleAssignment a : roles) {
            RoleDefinition role = model.roles().get(a.roleName());
            if (role != null && role.depth(table, Privilege.READ) != Depth.NONE) return true;
        }
        return false;
    }
}

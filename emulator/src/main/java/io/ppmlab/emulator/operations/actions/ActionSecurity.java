package io.ppmlab.emulator.operations.actions;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.security.Explanation;
import io.ppmlab.roles.Depth;
import io.ppmlab.roles.Privilege;
import io.ppmlab.schema.Row;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The security questions the Web API's actions and functions ask, answered by the access package over the
 * current security model (so this package never builds reaches itself).
 */
public interface ActionSecurity {
    /** Throws Dataverse's 403 (0x80040220 missing privilege, 0x80048306 out of reach) unless the caller has {@code privilege} on the row. */
    void require(Caller caller, Row row, Privilege privilege);

    /** The rights a user (roles, teams, shares) has on a row. */
    Set<Privilege> rightsOfUser(UUID userId, Row row);

    /** The rights a team (its roles, its ownership, its shares) has on a row, as if it were the caller. */
    Set<Privilege> rightsOfTeam(UUID teamId, Row row);

    /** Every role privilege a user holds, directly or through a team, plus task privileges. */
    List<RolePrivilege> privilegesOf(UUID userId);

    /**
     * For each of the eight rights: the decision, the roles holding the privilege and every reason that passes.
     * Explaining the caller uses the caller's reach as this request has it (cut to the intersection when
     * impersonating); explaining another user uses that user's own reach.
     */
    Explanation explain(Caller caller, UUID userId, Row row);

    /** Whether the caller may explain someone else's access (see the README's "Why can I see this?"). */
    boolean mayExplainOthers(Caller caller);

    /** One entry of RetrieveUserPrivileges: a privilege at a depth, measured from a business unit. */
    record RolePrivilege(Depth depth, UUID privilegeId, UUID businessUnitId, String privilegeName) {}
}

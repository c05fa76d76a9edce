package io.ppmlab.emulator.security;

import io.ppmlab.roles.Depth;
import io.ppmlab.schema.EntityRef;

import java.util.UUID;

/**
 * One source of a privilege for a caller: a role, the depth it grants, the unit that depth is measured
 * from, and the principal holding the role (the user, or a team the user is in). {@code teamOnly} marks
 * a team-held role set to "Team privileges only", whose ownership reach is that team's rows alone.
 */
public record Grant(String roleName, Depth depth, UUID fromBusinessUnit, EntityRef via, boolean teamOnly) {

    /** The same grant cut down to at most {@code cap} (impersonation's intersection). */
    public Grant capped(Depth cap) { return new Grant(roleName, depth.min(cap), fromBusinessUnit, via, teamOnly); }
}

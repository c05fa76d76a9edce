package io.ppmlab.emulator.security;

import java.util.Objects;
import java.util.UUID;

/** A user's membership of a team (for Entra-group teams: as last reconciled, not as the group is now). */
public record Membership(UUID teamId, UUID userId) {
    public Membership {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(userId, "userId");
    }
}

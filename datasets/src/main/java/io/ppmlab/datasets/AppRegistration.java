package io.ppmlab.datasets;

import java.util.Objects;
import java.util.UUID;

/** An Entra ID app registration with a client secret, and the application user it signs in as. */
public record AppRegistration(UUID clientId, String secret, UUID systemUserId) {
    public AppRegistration {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(systemUserId, "systemUserId");
    }
}

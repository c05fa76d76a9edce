package io.ppmlab.emulator.auth;

import java.util.Objects;
import java.util.UUID;

/**
 * Whom a token speaks for, as Entra ID knows it: a user (signs in with a UPN) or an application
 * (signs in with an app id), each mapped to the Dataverse {@code systemuser} row that acts for it.
 */
public record Identity(UUID objectId, UUID systemUserId, String upn, String appId, UUID tenantId) {

    public Identity {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(systemUserId, "systemUserId");
        Objects.requireNonNull(tenantId, "tenantId");
        if ((upn == null) == (appId == null)) {
            throw new IllegalArgumentException("an identity is either a user (upn) or an application (appId), not both or neither");
        }
    }

    public static Identity user(UUID objectId, UUID systemUserId, String upn, UUID tenantId) {
        return new Identity(objectId, systemUserId, Objects.requireNonNull(upn, "upn"), null, tenantId);
    }

    /** An application; {@code systemUserId} is its Dataverse application user. */
    public static Identity app(UUID objectId, UUID systemUserId, String appId, UUID tenantId) {
        return new Identity(objectId, systemUserId, null, Objects.requireNonNull(appId, "appId"), tenantId);
    }

    public boolean isApplication() {
        return appId != null;
    }
}

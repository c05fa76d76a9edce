package io.ppmlab.emulator.access;

import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.auth.StoredIdentities;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.payload.Guids;
import io.ppmlab.emulator.security.Impersonation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.util.Optional;
import java.util.UUID;

/**
 * Impersonation: {@code CallerObjectId} (Entra object id) or the legacy {@code MSCRMCallerID}
 * (systemuserid). The real caller needs {@code prvActOnBehalfOfAnotherUser}; the request then acts as
 * the other user with the intersection of both users' privileges.
 */
public final class Impersonator {
    private final SecurityState state;
    private final StoredIdentities identities;
    private final Store store;

    public Impersonator(SecurityState state, StoredIdentities identities, Store store) {
        this.state = state;
        this.identities = identities;
        this.store = store;
    }

    public Caller apply(Caller authenticated, ApiRequest request) {
        Optional<String> objectId = request.header("CallerObjectId");
        Optional<String> userId = request.header("MSCRMCallerID");
        if (objectId.isEmpty() && userId.isEmpty()) return authenticated;
        // privilege first: a caller who may not impersonate learns nothing about which users exist
        if (!Impersonation.canActOnBehalf(state.reachOf(authenticated.userId()))) {
            throw ErrorCode.CANNOT_ACT_ON_BEHALF.error("Principal user (Id=" + authenticated.userId()
                    + ") is missing prvActOnBehalfOfAnotherUser privilege; it cannot act on behalf of another user.");
        }
        UUID target = objectId.isPresent()
                ? identities.systemUser(guid("CallerObjectId", objectId.get())).orElseThrow(() ->
                        ErrorCode.BAD_REQUEST.error("No user with Entra object id " + objectId.get() + " exists in this organization."))
                : guid("MSCRMCallerID", userId.get());
        Row user = store.get("systemuser", target).orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error("systemuser", target));
        EntityRef bu = user.ref("businessunitid");
        return new Caller(target, bu == null ? null : bu.id(), Optional.of(authenticated.userId()));
    }

    private static UUID guid(String header, String value) {
        return Guids.parse(value).orElseThrow(() -> ErrorCode.BAD_REQUEST.error("The " + header + " header value '" + value + "' is not a valid GUID."));
    }
}

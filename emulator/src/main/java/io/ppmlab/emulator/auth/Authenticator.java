package io.ppmlab.emulator.auth;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.util.Optional;
import java.util.UUID;

/**
 * First stage of every data request: the bearer token becomes a {@link Caller}. No valid token, no
 * data: every failure is a 401 whose {@code WWW-Authenticate} challenge says why.
 */
public final class Authenticator {
    private final TokenVerifier verifier;
    private final StoredIdentities identities;
    private final Store store;

    public Authenticator(TokenVerifier verifier, StoredIdentities identities, Store store) {
        this.verifier = verifier;
        this.identities = identities;
        this.store = store;
    }

    /** A 401 with the challenge header value to send. */
    public static final class Unauthenticated extends RuntimeException {
        private final String challenge;

        Unauthenticated(String message, String challenge) {
            super(message, null, false, false);
            this.challenge = challenge;
        }

        public String challenge() { return challenge; }
    }

    public Caller authenticate(Optional<String> authorization) {
        Verification v = verifier.verifyAuthorization(authorization.orElse(null));
        if (v instanceof Verification.Rejected rejected) {
            throw new Unauthenticated(rejected.message(), verifier.challenge(rejected));
        }
        Verification.Verified verified = (Verification.Verified) v;
        UUID userId = identities.systemUser(verified.objectId()).orElseThrow(() -> new Unauthenticated(
                "The user with object id " + verified.objectId() + " is not a member of this organization.",
                "Bearer error=\"invalid_token\", error_description=\"unknown user\""));
        Row user = store.get("systemuser", userId).orElseThrow(() -> ErrorCode.UNAUTHORIZED.error("user " + userId + " no longer exists"));
        if (Boolean.TRUE.equals(user.get("isdisabled"))) {
            throw new Unauthenticated("The user " + userId + " is disabled.", "Bearer error=\"invalid_token\", error_description=\"user disabled\"");
        }
        EntityRef bu = user.ref("businessunitid");
        return Caller.of(userId, bu == null ? null : bu.id());
    }
}

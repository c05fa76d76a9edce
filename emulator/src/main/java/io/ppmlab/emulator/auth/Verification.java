package io.ppmlab.emulator.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The outcome of checking a bearer token: who it speaks for, or why it is refused. */
public sealed interface Verification {

    /**
     * A valid token. {@code upn} is null for an application; {@code appId} is the application for an
     * app token and the client app the user signed in through (Entra's {@code azp}, may be null) for a user token.
     */
    record Verified(UUID objectId, UUID tenantId, String upn, String appId, Instant expiresAt) implements Verification {
        public boolean isApplication() {
            return upn == null;
        }
    }

    /** An invalid or absent token; {@code message} is fit for the {@code error_description} of a challenge. */
    record Rejected(Reason reason, String message) implements Verification {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    enum Reason { MISSING, MALFORMED, BAD_SIGNATURE, EXPIRED, NOT_YET_VALID, WRONG_AUDIENCE, WRONG_ISSUER, UNKNOWN_KEY }
}

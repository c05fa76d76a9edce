package io.ppmlab.emulator.auth;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import io.ppmlab.emulator.cost.WorkScope;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.UUID;

/**
 * First stage of every data request: the bearer token becomes a {@link Caller}. No valid token, no
 * data: every failure is a 401 whose {@code WWW-Authenticate} challenge says why.
 */
public final class Authenticator {
    private final TokenVerifier verifier;
    private final StoredIdentities identities;
    private final Store store;
    private final LongSupplier securityChanges;
    /** The few facts of a user the pipeline needs, per user, valid while the security tables are unchanged. */
    private final ConcurrentHashMap<UUID, UserFacts> users = new ConcurrentHashMap<>();

    private record UserFacts(long version, boolean disabled, UUID businessUnit) {}

    /** Reads the user's row on every request. */
    public Authenticator(TokenVerifier verifier, StoredIdentities identities, Store store) {
        this(verifier, identities, store, null);
    }

    /**
     * Keeps what it read of each user until {@code securityChanges} (a counter bumped by every write to a
     * security table, systemuser among them) moves: a disabled user is refused from the next request on.
     */
    public Authenticator(TokenVerifier verifier, StoredIdentities identities, Store store, LongSupplier securityChanges) {
        this.verifier = verifier;
        this.identities = identities;
        this.store = store;
        this.securityChanges = securityChanges;
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
        UserFacts user = facts(userId);
        if (user.disabled()) {
            throw new Unauthenticated("The user " + userId + " is disabled.", "Bearer error=\"invalid_token\", error_description=\"user disabled\"");
        }
        return Caller.of(userId, user.businessUnit());
    }

    private UserFacts facts(UUID userId) {
        if (securityChanges == null) return read(userId, 0);
        long version = securityChanges.getAsLong(); // read before the row: a write after it makes the entry stale
        UserFacts cached = users.get(userId);
        if (cached != null && cached.version() == version) return cached;
        UserFacts fresh;
        try (WorkScope.Open uncounted = WorkScope.paused()) { // a cache shared by requests: charged to none
            fresh = read(userId, version);
        }
        users.put(userId, fresh);
        return fresh;
    }

    private UserFacts read(UUID userId, long version) {
        Row user = store.get("systemuser", userId).orElseThrow(() -> ErrorCode.UNAUTHORIZED.error("user " + userId + " no longer exists"));
        EntityRef bu = user.ref("businessunitid");
        return new UserFacts(version, Boolean.TRUE.equals(user.get("isdisabled")), bu == null ? null : bu.id());
    }
}

package io.ppmlab.emulator.api;

import java.util.Optional;
import java.util.UUID;

/**
 * Who a request acts as, after authentication and impersonation.
 *
 * @param userId         the systemuser the request acts as
 * @param businessUnitId that user's business unit
 * @param realCaller     the authenticated user when impersonating ({@code createdonbehalfby}), else empty
 */
public record Caller(UUID userId, UUID businessUnitId, Optional<UUID> realCaller) {
    public static Caller of(UUID userId, UUID businessUnitId) {
        return new Caller(userId, businessUnitId, Optional.empty());
    }
}

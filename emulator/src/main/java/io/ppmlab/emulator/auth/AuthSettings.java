package io.ppmlab.emulator.auth;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * How the simulated Entra ID names itself and whom its tokens are for.
 *
 * @param issuerBase         scheme://host:port the token issuer lives at; {@code iss} is {@code <issuerBase>/<tid>/v2.0}
 * @param tenantId           the organisation's tenant, named in {@code WWW-Authenticate} and for domain-named tenants
 * @param defaultAudience    {@code aud} when a client names no resource; also the {@code resource_id} of a challenge
 * @param acceptedAudiences  resources a client may ask for and the verifier accepts (always holds the default)
 * @param tokenLifetime      {@code exp - iat}
 * @param clockSkew          how long past {@code exp} (and before {@code nbf}) a token is still accepted
 */
public record AuthSettings(String issuerBase, UUID tenantId, String defaultAudience, Set<String> acceptedAudiences,
                           Duration tokenLifetime, Duration clockSkew) {

    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

    /** Microsoft.IdentityModel, which validates tokens in front of real Dataverse, allows five minutes. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

    public AuthSettings {
        issuerBase = trimSlashes(Objects.requireNonNull(issuerBase, "issuerBase"));
        Objects.requireNonNull(tenantId, "tenantId");
        defaultAudience = trimSlashes(Objects.requireNonNull(defaultAudience, "defaultAudience"));
        Set<String> audiences = new LinkedHashSet<>();
        audiences.add(defaultAudience);
        acceptedAudiences.forEach(a -> audiences.add(trimSlashes(a)));
        acceptedAudiences = Collections.unmodifiableSet(audiences);
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) throw new IllegalArgumentException("tokenLifetime must be positive");
        if (clockSkew.isNegative()) throw new IllegalArgumentException("clockSkew must not be negative");
    }

    /** The emulator as both issuer and audience at {@code baseUrl}, e.g. {@code http://127.0.0.1:5555}. */
    public static AuthSettings local(String baseUrl, UUID tenantId) {
        return new AuthSettings(baseUrl, tenantId, baseUrl, Set.of(), DEFAULT_TOKEN_LIFETIME, DEFAULT_CLOCK_SKEW);
    }

    /** Also accept these resources, e.g. {@code http://localhost:5555} or a real org URL a client is configured with. */
    public AuthSettings withAudiences(String... more) {
        Set<String> all = new LinkedHashSet<>(acceptedAudiences);
        Stream.of(more).forEach(all::add);
        return new AuthSettings(issuerBase, tenantId, defaultAudience, all, tokenLifetime, clockSkew);
    }

    public AuthSettings withTokenLifetime(Duration lifetime) {
        return new AuthSettings(issuerBase, tenantId, defaultAudience, acceptedAudiences, lifetime, clockSkew);
    }

    public AuthSettings withClockSkew(Duration skew) {
        return new AuthSettings(issuerBase, tenantId, defaultAudience, acceptedAudiences, tokenLifetime, skew);
    }

    /** The {@code iss} of tokens for users and apps of {@code tenant}. */
    public String issuerFor(UUID tenant) {
        return issuerBase + "/" + tenant + "/v2.0";
    }

    /**
     * The configured spelling of {@code resource} if it is accepted. Matching ignores case and
     * trailing slashes because clients write {@code https://org.crm.dynamics.com/} and without alike.
     */
    public Optional<String> acceptedAudience(String resource) {
        if (resource == null) return Optional.empty();
        String wanted = trimSlashes(resource).toLowerCase(Locale.ROOT);
        return acceptedAudiences.stream().filter(a -> a.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    private static String trimSlashes(String url) {
        String s = url.trim();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }
}

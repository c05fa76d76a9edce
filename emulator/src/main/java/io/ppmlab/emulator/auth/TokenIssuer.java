package io.ppmlab.emulator.auth;

import static io.ppmlab.emulator.auth.EntraError.APP_NOT_IN_TENANT;
import static io.ppmlab.emulator.auth.EntraError.BAD_CLIENT_SECRET;
import static io.ppmlab.emulator.auth.EntraError.BAD_USER_CREDENTIALS;
import static io.ppmlab.emulator.auth.EntraError.MISSING_PARAMETER;
import static io.ppmlab.emulator.auth.EntraError.UNKNOWN_RESOURCE;
import static io.ppmlab.emulator.auth.EntraError.UNSUPPORTED_GRANT;
import static io.ppmlab.emulator.auth.EntraError.USER_NOT_IN_TENANT;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulated Entra ID token endpoint (password and client-credentials grants): checks the
 * credentials against the {@link IdentityDirectory} and signs an RS256 access token shaped like
 * an Entra v2.0 one.
 */
public final class TokenIssuer {

    private final SigningKeys keys;
    private final IdentityDirectory directory;
    private final AuthSettings settings;
    private final Clock clock;

    public TokenIssuer(SigningKeys keys, IdentityDirectory directory, AuthSettings settings, Clock clock) {
        this.keys = keys;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    public TokenResult issue(TokenRequest request) {
        String grant = request.grantType();
        if (isBlank(grant)) return MISSING_PARAMETER.refuse(clock, "grant_type");
        return switch (grant) {
            case "password" -> passwordGrant(request);
            case "client_credentials" -> clientCredentialsGrant(request);
            default -> UNSUPPORTED_GRANT.refuse(clock, grant);
        };
    }

    /** A token for {@code identity} to the default audience, skipping credentials: for tests and tools. */
    public String accessTokenFor(Identity identity) {
        return sign(identity, settings.defaultAudience(), null);
    }

    // Request shape and resource are checked before credentials: they cost nothing, a hash does.
    private TokenResult passwordGrant(TokenRequest r) {
        if (isBlank(r.username())) return MISSING_PARAMETER.refuse(clock, "username");
        if (r.password() == null) return MISSING_PARAMETER.refuse(clock, "password");
        String resource = requestedResource(r);
        Optional<String> audience = settings.acceptedAudience(resource);
        if (audience.isEmpty()) return UNKNOWN_RESOURCE.refuse(clock, resource, r.tenant());
        Optional<Identity> user = directory.byPassword(r.username().trim(), r.password().toCharArray());
        if (user.isEmpty()) return BAD_USER_CREDENTIALS.refuse(clock);
        if (!servesTenant(r.tenant(), user.get())) return USER_NOT_IN_TENANT.refuse(clock, r.username(), r.tenant());
        // A user token names the client app it was issued to (azp) when the client says which it is.
        return issued(user.get(), audience.get(), isBlank(r.clientId()) ? null : r.clientId().trim());
    }

    private TokenResult clientCredentialsGrant(TokenRequest r) {
        if (isBlank(r.clientId())) return MISSING_PARAMETER.refuse(clock, "client_id");
        if (r.clientSecret() == null) return MISSING_PARAMETER.refuse(clock, "client_secret");
        String resource = requestedResource(r);
        Optional<String> audience = settings.acceptedAudience(resource);
        if (audience.isEmpty()) return UNKNOWN_RESOURCE.refuse(clock, resource, r.tenant());
        Optional<Identity> app = directory.byClientCredentials(r.clientId().trim(), r.clientSecret().toCharArray());
        if (app.isEmpty()) return BAD_CLIENT_SECRET.refuse(clock, r.clientId());
        if (!servesTenant(r.tenant(), app.get())) return APP_NOT_IN_TENANT.refuse(clock, r.clientId(), r.tenant());
        return issued(app.get(), audience.get(), app.get().appId());
    }

    private TokenResult issued(Identity who, String audience, String clientId) {
        return new TokenResult.Issued(sign(who, audience, clientId), "Bearer", settings.tokenLifetime().toSeconds(), who);
    }

    private String sign(Identity who, String audience, String clientId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuerFor(who.tenantId()))
                .audience(audience)
                .subject(who.objectId().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.tokenLifetime())))
                .jwtID(UUID.randomUUID().toString())
                .claim("ver", "2.0")
                .claim("tid", who.tenantId().toString())
                .claim("oid", who.objectId().toString());
        if (who.isApplication()) {
            claims.claim("appid", who.appId()).claim("azp", who.appId()).claim("idtyp", "app");
        } else {
            claims.claim("upn", who.upn()).claim("preferred_username", who.upn())
                    .claim("scp", "user_impersonation").claim("idtyp", "user");
            if (clientId != null) claims.claim("azp", clientId);
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keys.keyId()).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with our own RSA key failed", e);
        }
        return jwt.serialize();
    }

    /**
     * The resource a client asks for: the first URL scope minus its permission
     * ({@code https://org/.default} and {@code https://org/user_impersonation} both mean {@code https://org}),
     * else the v1 {@code resource} field, else the default audience.
     */
    private String requestedResource(TokenRequest r) {
        if (r.scope() != null) {
            for (String scope : r.scope().trim().split("\\s+")) {
                int hostStart = scope.indexOf("://");
                if (hostStart < 0) continue; // openid, profile, offline_access: no resource
                int slash = scope.lastIndexOf('/');
                return slash >= hostStart + 3 ? scope.substring(0, slash) : scope;
            }
        }
        return isBlank(r.resource()) ? settings.defaultAudience() : r.resource().trim();
    }

    // "common", "organizations" and domain names reach every identity; only a tenant id can miss.
    private static boolean servesTenant(String tenant, Identity who) {
        try {
            return tenant == null || UUID.fromString(tenant.trim()).equals(who.tenantId());
        } catch (IllegalArgumentException notATenantId) {
            return true;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

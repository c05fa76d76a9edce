package io.ppmlab.emulator.auth;

import static io.ppmlab.emulator.auth.Verification.Reason.BAD_SIGNATURE;
import static io.ppmlab.emulator.auth.Verification.Reason.EXPIRED;
import static io.ppmlab.emulator.auth.Verification.Reason.MALFORMED;
import static io.ppmlab.emulator.auth.Verification.Reason.MISSING;
import static io.ppmlab.emulator.auth.Verification.Reason.NOT_YET_VALID;
import static io.ppmlab.emulator.auth.Verification.Reason.UNKNOWN_KEY;
import static io.ppmlab.emulator.auth.Verification.Reason.WRONG_AUDIENCE;
import static io.ppmlab.emulator.auth.Verification.Reason.WRONG_ISSUER;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Checks bearer tokens against our published key, the emulator clock, and the accepted audiences
 * and issuer; the first step of every data request.
 */
public final class TokenVerifier {

    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private final SigningKeys keys;
    private final AuthSettings settings;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final VerifiedTokenCache cache;

    public TokenVerifier(SigningKeys keys, AuthSettings settings, Clock clock) {
        this(keys, settings, clock, DEFAULT_CACHE_SIZE);
    }

    public TokenVerifier(SigningKeys keys, AuthSettings settings, Clock clock, int cacheSize) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.cache = new VerifiedTokenCache(cacheSize, settings.clockSkew());
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys.publicJwkSet())));
        // nimbus would check exp/nbf against the system clock; ours are checked below against the emulator's.
        processor.setJWTClaimsSetVerifier(null);
    }

    /** Checks an {@code Authorization} header value; anything but {@code Bearer <token>} counts as no token. */
    public Verification verifyAuthorization(String authorizationHeader) {
        String h = authorizationHeader == null ? "" : authorizationHeader.trim();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Verification.Rejected(MISSING, "No bearer token was presented.");
        }
        return verify(h.substring(7).trim());
    }

    /** Checks a raw token (no {@code Bearer } prefix). */
    public Verification verify(String token) {
        if (token == null || token.isBlank()) return new Verification.Rejected(MISSING, "No bearer token was presented.");
        Instant now = clock.instant();
        VerifiedTokenCache.Entry hit = cache.get(token);
        if (hit != null) {
            Verification.Rejected late = checkTimes(hit.notBefore(), hit.verified().expiresAt(), now);
            if (late == null) return hit.verified();
            if (late.reason() == EXPIRED) cache.remove(token); // NOT_YET_VALID may come right when the clock moves on
            return late;
        }
        return verifyUncached(token, now);
    }

    /**
     * The {@code WWW-Authenticate} value for a 401, as Dataverse sends it: where to get a token and for which
     * resource, plus RFC 6750's {@code invalid_token} error when a token was presented but refused.
     */
    public String challenge(Verification.Rejected rejected) {
        StringBuilder value = new StringBuilder("Bearer ");
        if (rejected.reason() != MISSING) {
            value.append("error=\"invalid_token\", error_description=\"").append(quoted(rejected.message())).append("\", ");
        }
        return value.append("authorization_uri=\"").append(settings.issuerBase()).append('/').append(settings.tenantId())
                .append("/oauth2/authorize\", resource_id=\"").append(settings.defaultAudience()).append("/\"")
                .toString();
    }

    // Order: shape, then key and signature (nothing from an unproven token is trusted or echoed), then claims.
    private Verification verifyUncached(String token, Instant now) {
        SignedJWT jwt;
        try {
            JWT parsed = JWTParser.parse(token);
            if (parsed instanceof PlainJWT) return new Verification.Rejected(BAD_SIGNATURE, "The token is not signed.");
            if (!(parsed instanceof SignedJWT signed)) return new Verification.Rejected(MALFORMED, "The token is not a signed JWT.");
            signed.getJWTClaimsSet(); // so an unreadable payload reads as malformed, not as a bad signature
            jwt = signed;
        } catch (ParseException | RuntimeException e) {
            return new Verification.Rejected(MALFORMED, "The token is not a well-formed JWT.");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return new Verification.Rejected(BAD_SIGNATURE, "The token must be signed with RS256.");
        }
        if (!keys.keyId().equals(jwt.getHeader().getKeyID())) {
            return new Verification.Rejected(UNKNOWN_KEY, "The token is signed with a key (kid) this issuer does not publish.");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(jwt, null);
        } catch (BadJOSEException | JOSEException | RuntimeException e) {
            return new Verification.Rejected(BAD_SIGNATURE, "The token signature is invalid.");
        }
        return checkClaims(token, claims, now);
    }

    private Verification checkClaims(String token, JWTClaimsSet claims, Instant now) {
        Date exp = claims.getExpirationTime();
        UUID oid = uuidClaim(claims, "oid");
        UUID tid = uuidClaim(claims, "tid");
        String upn = stringClaim(claims, "upn");
        String appId = stringClaim(claims, "appid");
        if (appId == null) appId = stringClaim(claims, "azp");
        if (exp == null || oid == null || tid == null || (upn == null && appId == null)) {
            return new Verification.Rejected(MALFORMED, "The token lacks one of the claims exp, oid, tid, and upn or appid.");
        }
        Instant notBefore = claims.getNotBeforeTime() == null ? null : claims.getNotBeforeTime().toInstant();
        Verification.Rejected late = checkTimes(notBefore, exp.toInstant(), now);
        if (late != null) return late;
        List<String> audiences = claims.getAudience();
        if (audiences.stream().noneMatch(a -> settings.acceptedAudience(a).isPresent())) {
            return new Verification.Rejected(WRONG_AUDIENCE, "The token audience is not valid for this resource.");
        }
        if (!settings.issuerFor(tid).equals(claims.getIssuer())) {
            return new Verification.Rejected(WRONG_ISSUER, "The token issuer is not valid for this resource.");
        }
        Verification.Verified verified = new Verification.Verified(oid, tid, upn, appId, exp.toInstant());
        cache.put(token, new VerifiedTokenCache.Entry(verified, notBefore), now);
        return verified;
    }

    private Verification.Rejected checkTimes(Instant notBefore, Instant expiresAt, Instant now) {
        if (!now.isBefore(expiresAt.plus(settings.clockSkew()))) {
            return new Verification.Rejected(EXPIRED, "The token expired at " + expiresAt + ".");
        }
        if (notBefore != null && now.plus(settings.clockSkew()).isBefore(notBefore)) {
            return new Verification.Rejected(NOT_YET_VALID, "The token is not valid before " + notBefore + ".");
        }
        return null;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException notAString) {
            return null;
        }
    }

    private static UUID uuidClaim(JWTClaimsSet claims, String name) {
        String value = stringClaim(claims, name);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    // A quoted-string may not hold raw quotes, backslashes or line breaks (RFC 7230 3.2.6).
    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]+", " ");
    }
}

package io.ppmlab.emulator.auth;

import static io.ppmlab.emulator.auth.AuthFixture.BASE;
import static io.ppmlab.emulator.auth.AuthFixture.BLUE;
import static io.ppmlab.emulator.auth.AuthFixture.KEYS;
import static io.ppmlab.emulator.auth.AuthFixture.TENANT;
import static io.ppmlab.emulator.auth.Verification.Reason.BAD_SIGNATURE;
import static io.ppmlab.emulator.auth.Verification.Reason.EXPIRED;
import static io.ppmlab.emulator.auth.Verification.Reason.MALFORMED;
import static io.ppmlab.emulator.auth.Verification.Reason.MISSING;
import static io.ppmlab.emulator.auth.Verification.Reason.NOT_YET_VALID;
import static io.ppmlab.emulator.auth.Verification.Reason.UNKNOWN_KEY;
import static io.ppmlab.emulator.auth.Verification.Reason.WRONG_AUDIENCE;
import static io.ppmlab.emulator.auth.Verification.Reason.WRONG_ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierTest {

    private final AuthFixture f = new AuthFixture();

    @Test
    void tamperedSignatureIsRejected() {
        String token = f.userToken();
        int last = token.length() - 5;
        String tampered = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.substring(last + 1);

        assertReason(f.verifier.verify(tampered), BAD_SIGNATURE);
    }

    @Test
    void tamperedClaimsAreRejected() throws Exception {
        String[] parts = f.userToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("blue@contoso.test", "admin@contoso.test");
        String forged = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];

        assertReason(f.verifier.verify(forged), BAD_SIGNATURE);
    }

    @Test
    void tokenFromAnotherKeyIsRejected() {
        SigningKeys stranger = SigningKeys.inMemory();
        String token = f.userTokenFrom(f.issuerWith(stranger, f.settings));

        assertReason(f.verifier.verify(token), UNKNOWN_KEY);
    }

    @Test
    void anotherKeyClaimingOurKeyIdIsRejected() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID(KEYS.keyId()).generate();
        SignedJWT original = SignedJWT.parse(f.userToken());
        SignedJWT forged = new SignedJWT(original.getHeader(), original.getJWTClaimsSet());
        forged.sign(new RSASSASigner(forger));

        assertReason(f.verifier.verify(forged.serialize()), BAD_SIGNATURE);
    }

    @Test
    void unsignedAndSymmetricTokensAreRejected() throws Exception {
        var claims = SignedJWT.parse(f.userToken()).getJWTClaimsSet();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEYS.keyId()).build(), claims);
        hmac.sign(new MACSigner(new byte[32]));

        assertReason(f.verifier.verify(new PlainJWT(claims).serialize()), BAD_SIGNATURE);
        assertReason(f.verifier.verify(hmac.serialize()), BAD_SIGNATURE);
    }

    @Test
    void expiredTokenIsRejectedOnceTheSkewHasPassed() {
        String token = f.userToken();
        assertThat(f.verifier.verify(token)).isInstanceOf(Verification.Verified.class); // now cached

        f.clock.advance(Duration.ofHours(1).plus(AuthSettings.DEFAULT_CLOCK_SKEW).minusSeconds(1));
        assertThat(f.verifier.verify(token)).isInstanceOf(Verification.Verified.class);

        f.clock.advance(Duration.ofSeconds(1));
        assertReason(f.verifier.verify(token), EXPIRED);
    }

    @Test
    void expiryIsCheckedWithoutTheCacheToo() {
        var strict = new AuthFixture(AuthSettings.local(BASE, TENANT).withClockSkew(Duration.ZERO));
        String token = strict.userToken();

        strict.clock.advance(Duration.ofHours(1));
        assertReason(strict.verifier.verify(token), EXPIRED);
    }

    @Test
    void tokenFromTheFutureIsNotYetValid() {
        String token = f.userToken();
        assertThat(f.verifier.verify(token)).isInstanceOf(Verification.Verified.class); // now cached

        f.clock.advance(AuthSettings.DEFAULT_CLOCK_SKEW.plusSeconds(1).negated());
        assertReason(f.verifier.verify(token), NOT_YET_VALID);
        assertReason(new TokenVerifier(KEYS, f.settings, f.clock).verify(token), NOT_YET_VALID);
    }

    @Test
    void wrongAudienceIsRejected() {
        var elsewhere = f.settings.withAudiences("https://fabrikam.crm.dynamics.com");
        TokenResult.Issued issued = (TokenResult.Issued) f.issuerWith(KEYS, elsewhere)
                .issue(TokenRequest.password("blue@contoso.test", "demo", "https://fabrikam.crm.dynamics.com/.default"));

        assertReason(f.verifier.verify(issued.accessToken()), WRONG_AUDIENCE);
    }

    @Test
    void wrongIssuerIsRejected() {
        var impostor = new AuthSettings("https://login.example.test", TENANT, BASE, f.settings.acceptedAudiences(),
                f.settings.tokenLifetime(), f.settings.clockSkew());
        String token = f.issuerWith(KEYS, impostor).accessTokenFor(BLUE);

        assertReason(f.verifier.verify(token), WRONG_ISSUER);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void absentTokenIsMissing(String token) {
        assertReason(f.verifier.verify(token), MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "...", "a.b.c", "!!!.@@@.###", "eyJhbGciOiJSUzI1NiJ9", "eyJhbGciOiJSUzI1NiJ9.e30", "ééé.ééé.ééé",
            "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", "e30.e30.e30", "a.b.c.d.e"})
    void garbageIsMalformed(String token) {
        assertReason(f.verifier.verify(token), MALFORMED);
    }

    @Test
    void signedTokenWithoutOurClaimsIsMalformed() throws Exception {
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("x").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEYS.keyId()).build(), claims);
        jwt.sign(KEYS.signer());

        assertReason(f.verifier.verify(jwt.serialize()), MALFORMED);
    }

    @Test
    void authorizationHeaderNeedsTheBearerScheme() {
        String token = f.userToken();

        assertThat(f.verifier.verifyAuthorization("Bearer " + token)).isInstanceOf(Verification.Verified.class);
        assertThat(f.verifier.verifyAuthorization("bearer  " + token + " ")).isInstanceOf(Verification.Verified.class);
        assertReason(f.verifier.verifyAuthorization(null), MISSING);
        assertReason(f.verifier.verifyAuthorization("Bearer"), MISSING);
        assertReason(f.verifier.verifyAuthorization("Basic Ymx1ZTpkZW1v"), MISSING);
        assertReason(f.verifier.verifyAuthorization("Bearer abc"), MALFORMED);
    }

    @Test
    void challengeSaysWhereToGetAToken() {
        String where = "authorization_uri=\"" + BASE + "/" + TENANT + "/oauth2/authorize\", resource_id=\"" + BASE + "/\"";

        assertThat(f.verifier.challenge(new Verification.Rejected(MISSING, "No bearer token was presented.")))
                .isEqualTo("Bearer " + where);
        assertThat(f.verifier.challenge(new Verification.Rejected(EXPIRED, "Expired \"now\"\r\nreally \\")))
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"Expired \\\"now\\\" really \\\\\", " + where);
    }

    private static void assertReason(Verification v, Verification.Reason reason) {
        assertThat(v).isInstanceOf(Verification.Rejected.class);
        assertThat(((Verification.Rejected) v).reason()).as(((Verification.Rejected) v).message()).isEqualTo(reason);
    }
}

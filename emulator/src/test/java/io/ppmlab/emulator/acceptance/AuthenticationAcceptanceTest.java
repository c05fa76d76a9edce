package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.ppmlab.datasets.DemoOrganisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The token endpoint, discovery, JWKS, and the 401s every unauthenticated data request gets. */
class AuthenticationAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    @Test
    void passwordGrantIssuesABearerJwtWithTheContractClaims() throws Exception {
        LabHttp.Reply r = lab.http().tokenRequest(Map.of("grant_type", "password", "username", "blue@contoso.test",
                "password", "demo", "client_id", "any", "scope", lab.http().root() + "/.default"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isPositive();
        JWTClaimsSet claims = SignedJWT.parse(body.get("access_token").asText()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("upn")).isEqualTo("blue@contoso.test");
        assertThat(claims.getStringClaim("oid")).matches("[0-9a-f-]{36}");
        assertThat(claims.getStringClaim("tid")).matches("[0-9a-f-]{36}");
        assertThat(claims.getAudience()).isNotEmpty();
        assertThat(claims.getIssuer()).isNotBlank();
        assertThat(claims.getExpirationTime()).isAfter(new Date());
    }

    @Test
    void tokensVerifyWithAnOrdinaryJwtLibraryThroughDiscoveryAndJwks() throws Exception {
        String token = lab.adminToken();
        JsonNode discovery = lab.http().get(null, lab.http().root() + "/common/v2.0/.well-known/openid-configuration").json();
        assertThat(discovery.get("token_endpoint").asText()).endsWith("/oauth2/v2.0/token");
        String jwks = lab.http().get(null, discovery.get("jwks_uri").asText()).body();
        JWKSet set = JWKSet.parse(jwks);
        assertThat(set.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(set)));
        assertThat(processor.process(token, null).getStringClaim("upn")).isEqualTo("admin@contoso.test");
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefused() {
        LabHttp.Reply bad = lab.http().tokenRequest(Map.of("grant_type", "password", "username", "blue@contoso.test", "password", "nope"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).isEqualTo("invalid_grant");
        LabHttp.Reply unknown = lab.http().tokenRequest(Map.of("grant_type", "password", "username", "ghost@contoso.test", "password", "demo"));
        assertThat(unknown.status()).isEqualTo(400);
        LabHttp.Reply grant = lab.http().tokenRequest(Map.of("grant_type", "magic"));
        assertThat(grant.status()).isEqualTo(400);
        assertThat(grant.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void clientCredentialsIssueATokenForTheApplicationUser() {
        LabHttp.Reply r = lab.http().tokenRequest(Map.of("grant_type", "client_credentials",
                "client_id", DemoOrganisation.APP_CLIENT_ID.toString(), "client_secret", DemoOrganisation.APP_SECRET,
                "scope", lab.http().root() + "/.default"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String token = r.json().get("access_token").asText();
        assertThat(lab.http().get(token, "WhoAmI()").status()).isEqualTo(200);
        LabHttp.Reply wrong = lab.http().tokenRequest(Map.of("grant_type", "client_credentials",
                "client_id", DemoOrganisation.APP_CLIENT_ID.toString(), "client_secret", "wrong"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void missingTokenIs401WithWwwAuthenticate() {
        LabHttp.Reply r = lab.http().get(null, "sensei_projects");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(r.json().path("error").has("code")).isTrue();
    }

    @Test
    void malformedTokensAre401() {
        for (String token : new String[]{"abc", "a.b.c", "...", "eyJhbGciOiJSUzI1NiJ9.e30.AAAA"}) {
            LabHttp.Reply r = lab.http().get(token, "WhoAmI()");
            assertThat(r.status()).as(token).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).contains("invalid_token");
        }
    }

    @Test
    void tokenSignedByAnotherKeyIs401() throws Exception {
        String good = lab.adminToken();
        JWTClaimsSet claims = SignedJWT.parse(good).getJWTClaimsSet();
        RSAKey other = new RSAKeyGenerator(2048).keyID(SignedJWT.parse(good).getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID()).build(), claims);
        forged.sign(new RSASSASigner(other));
        assertThat(lab.http().get(forged.serialize(), "WhoAmI()").status()).isEqualTo(401);
    }

    @Test
    void tamperedPayloadIs401() {
        String[] parts = lab.adminToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("admin@", "evil@");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        assertThat(lab.http().get(tampered, "WhoAmI()").status()).isEqualTo(401);
    }

    @Test
    void wrongAudienceIs401() {
        LabHttp.Reply r = lab.http().tokenRequest(Map.of("grant_type", "password", "username", "admin@contoso.test",
                "password", "demo", "scope", "https://graph.microsoft.com/.default"));
        if (r.status() == 200) {
            assertThat(lab.http().get(r.json().get("access_token").asText(), "WhoAmI()").status()).isEqualTo(401);
        } else {
            assertThat(r.status()).isEqualTo(400);
        }
    }

    @Test
    void expiredTokenIs401() {
        String token = lab.adminToken();
        assertThat(lab.http().get(token, "WhoAmI()").status()).isEqualTo(200);
        lab.emulator().clock().advance(Duration.ofHours(2));
        LabHttp.Reply r = lab.http().get(token, "WhoAmI()");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).contains("expired");
    }
}

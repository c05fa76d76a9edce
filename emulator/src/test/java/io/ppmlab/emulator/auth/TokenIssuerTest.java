package io.ppmlab.emulator.auth;

import static io.ppmlab.emulator.auth.AuthFixture.APP;
import static io.ppmlab.emulator.auth.AuthFixture.APP_ID;
import static io.ppmlab.emulator.auth.AuthFixture.APP_SECRET;
import static io.ppmlab.emulator.auth.AuthFixture.BASE;
import static io.ppmlab.emulator.auth.AuthFixture.BLUE;
import static io.ppmlab.emulator.auth.AuthFixture.ORG;
import static io.ppmlab.emulator.auth.AuthFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenIssuerTest {

    private final AuthFixture f = new AuthFixture();

    @Test
    void userTokenRoundTrip() throws Exception {
        TokenResult result = f.issuer.issue(TokenRequest.password("Blue@Contoso.test", "demo", null));

        assertThat(result).isInstanceOf(TokenResult.Issued.class);
        TokenResult.Issued issued = (TokenResult.Issued) result;
        assertThat(issued.tokenType()).isEqualTo("Bearer");
        assertThat(issued.expiresInSeconds()).isEqualTo(3600);
        assertThat(issued.identity()).isEqualTo(BLUE);
        assertThat(issued.body()).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600L)
                .containsEntry("access_token", issued.accessToken());

        JWTClaimsSet claims = SignedJWT.parse(issued.accessToken()).getJWTClaimsSet();
        Instant now = f.clock.instant();
        assertThat(claims.getIssuer()).isEqualTo(BASE + "/" + TENANT + "/v2.0");
        assertThat(claims.getAudience()).containsExactly(BASE);
        assertThat(claims.getSubject()).isEqualTo(BLUE.objectId().toString());
        assertThat(claims.getStringClaim("oid")).isEqualTo(BLUE.objectId().toString());
        assertThat(claims.getStringClaim("tid")).isEqualTo(TENANT.toString());
        assertThat(claims.getStringClaim("upn")).isEqualTo("blue@contoso.test");
        assertThat(claims.getStringClaim("ver")).isEqualTo("2.0");
        assertThat(claims.getClaim("appid")).isNull();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(now);
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(now);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(3600));

        Verification verified = f.verifier.verify(issued.accessToken());
        assertThat(verified).isEqualTo(new Verification.Verified(BLUE.objectId(), TENANT, "blue@contoso.test", null, now.plusSeconds(3600)));
    }

    @Test
    void appTokenRoundTrip() throws Exception {
        TokenResult.Issued issued = (TokenResult.Issued) f.issuer.issue(TokenRequest.clientCredentials(APP_ID, APP_SECRET, ORG + "/.default"));

        assertThat(issued.identity()).isEqualTo(APP);
        JWTClaimsSet claims = SignedJWT.parse(issued.accessToken()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("appid")).isEqualTo(APP_ID);
        assertThat(claims.getStringClaim("azp")).isEqualTo(APP_ID);
        assertThat(claims.getClaim("upn")).isNull();
        assertThat(claims.getAudience()).containsExactly(ORG);

        Verification.Verified v = (Verification.Verified) f.verifier.verify(issued.accessToken());
        assertThat(v.isApplication()).isTrue();
        assertThat(v.appId()).isEqualTo(APP_ID);
        assertThat(v.objectId()).isEqualTo(APP.objectId());
        assertThat(v.upn()).isNull();
    }

    @Test
    void userTokenNamesTheClientAppItWasIssuedTo() {
        var request = new TokenRequest("common", "password", "blue@contoso.test", "demo", "51f81489-12ee-4a9e-aaae-a2591f45987d", null, null, null);
        String token = ((TokenResult.Issued) f.issuer.issue(request)).accessToken();

        Verification.Verified v = (Verification.Verified) f.verifier.verify(token);
        assertThat(v.isApplication()).isFalse();
        assertThat(v.appId()).isEqualTo("51f81489-12ee-4a9e-aaae-a2591f45987d");
    }

    @Test
    void wrongPasswordIsInvalidGrant() {
        assertRefused(f.issuer.issue(TokenRequest.password("blue@contoso.test", "nope", null)), "invalid_grant", 400, 50126);
    }

    @Test
    void unknownUserIsAnsweredLikeAWrongPassword() {
        assertRefused(f.issuer.issue(TokenRequest.password("nobody@contoso.test", "demo", null)), "invalid_grant", 400, 50126);
    }

    @Test
    void badClientSecretIsInvalidClient() {
        TokenResult r = f.issuer.issue(TokenRequest.clientCredentials(APP_ID, "wrong", null));
        assertRefused(r, "invalid_client", 401, 7000215);
        assertThat(((TokenResult.Refused) r).errorDescription()).contains(APP_ID);
        assertRefused(f.issuer.issue(TokenRequest.clientCredentials("unknown-app", APP_SECRET, null)), "invalid_client", 401, 7000215);
    }

    static Stream<Arguments> incompleteRequests() {
        return Stream.of(
                Arguments.of(new TokenRequest("common", null, "blue@contoso.test", "demo", null, null, null, null), "grant_type"),
                Arguments.of(new TokenRequest("common", " ", null, null, APP_ID, APP_SECRET, null, null), "grant_type"),
                Arguments.of(new TokenRequest("common", "password", null, "demo", null, null, null, null), "username"),
                Arguments.of(new TokenRequest("common", "password", "blue@contoso.test", null, null, null, null, null), "password"),
                Arguments.of(new TokenRequest("common", "client_credentials", null, null, null, APP_SECRET, null, null), "client_id"),
                Arguments.of(new TokenRequest("common", "client_credentials", null, null, APP_ID, null, null, null), "client_secret"));
    }

    @ParameterizedTest
    @MethodSource("incompleteRequests")
    void missingFieldIsInvalidRequest(TokenRequest request, String field) {
        TokenResult r = f.issuer.issue(request);
        assertRefused(r, "invalid_request", 400, 900144);
        assertThat(((TokenResult.Refused) r).errorDescription()).contains("'" + field + "'");
    }

    @Test
    void otherGrantsAreUnsupported() {
        var request = new TokenRequest("common", "refresh_token", null, null, APP_ID, null, null, null);
        assertRefused(f.issuer.issue(request), "unsupported_grant_type", 400, 70003);
    }

    @Test
    void refusalBodyLooksLikeEntras() {
        TokenResult.Refused r = (TokenResult.Refused) f.issuer.issue(TokenRequest.password("blue@contoso.test", "nope", null));

        assertThat(r.errorDescription()).startsWith("AADSTS50126: ").contains("\r\nTrace ID: " + r.traceId())
                .endsWith("Timestamp: 2025-03-01 09:00:00Z");
        Map<String, Object> body = r.body();
        assertThat(body).containsEntry("error", "invalid_grant").containsEntry("error_codes", List.of(50126))
                .containsEntry("timestamp", "2025-03-01 09:00:00Z").containsKeys("error_description", "trace_id", "correlation_id");
    }

    @ParameterizedTest
    @MethodSource("audienceRequests")
    void audienceIsTheResourceTheClientAskedFor(String scope, String resource, String expectedAudience) throws Exception {
        var request = new TokenRequest("common", "password", "blue@contoso.test", "demo", null, null, scope, resource);
        String token = ((TokenResult.Issued) f.issuer.issue(request)).accessToken();

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getAudience()).containsExactly(expectedAudience);
        assertThat(f.verifier.verify(token)).isInstanceOf(Verification.Verified.class);
    }

    static Stream<Arguments> audienceRequests() {
        return Stream.of(
                Arguments.of(ORG + "/.default", null, ORG),
                Arguments.of(ORG + "//.default", null, ORG),
                Arguments.of("openid " + ORG.toUpperCase() + "/user_impersonation offline_access", null, ORG),
                Arguments.of(null, ORG + "/", ORG),
                Arguments.of("openid profile", null, BASE),
                Arguments.of(BASE + "/.default", null, BASE),
                Arguments.of(null, null, BASE));
    }

    @Test
    void unknownResourceIsRefused() {
        TokenResult r = f.issuer.issue(TokenRequest.password("blue@contoso.test", "demo", "https://graph.microsoft.com/.default"));
        assertRefused(r, "invalid_resource", 400, 500011);
        assertThat(((TokenResult.Refused) r).errorDescription()).contains("https://graph.microsoft.com");
    }

    @Test
    void tenantIdInThePathMustBeTheIdentitysTenant() {
        var ours = new TokenRequest(TENANT.toString(), "password", "blue@contoso.test", "demo", null, null, null, null);
        var domain = new TokenRequest("contoso.test", "password", "blue@contoso.test", "demo", null, null, null, null);
        var other = new TokenRequest("11111111-2222-3333-4444-555555555555", "password", "blue@contoso.test", "demo", null, null, null, null);
        var otherApp = new TokenRequest("11111111-2222-3333-4444-555555555555", "client_credentials", null, null, APP_ID, APP_SECRET, null, null);

        assertThat(f.issuer.issue(ours)).isInstanceOf(TokenResult.Issued.class);
        assertThat(f.issuer.issue(domain)).isInstanceOf(TokenResult.Issued.class);
        assertRefused(f.issuer.issue(other), "invalid_grant", 400, 50034);
        assertRefused(f.issuer.issue(otherApp), "unauthorized_client", 400, 700016);
    }

    @Test
    void lifetimeIsConfigurable() {
        var shortLived = new AuthFixture(AuthSettings.local(BASE, TENANT).withTokenLifetime(Duration.ofMinutes(10)));
        TokenResult.Issued issued = (TokenResult.Issued) shortLived.issuer.issue(TokenRequest.password("blue@contoso.test", "demo", null));

        assertThat(issued.expiresInSeconds()).isEqualTo(600);
        assertThat(((Verification.Verified) shortLived.verifier.verify(issued.accessToken())).expiresAt())
                .isEqualTo(shortLived.clock.instant().plusSeconds(600));
    }

    @Test
    void formFieldsAreReadByTheirOAuthNames() {
        Map<String, String> form = Map.of("grant_type", "password", "username", "blue@contoso.test", "password", "demo", "scope", ORG + "/.default");
        TokenRequest request = TokenRequest.fromForm("common", form::get);

        assertThat(request).isEqualTo(new TokenRequest("common", "password", "blue@contoso.test", "demo", null, null, ORG + "/.default", null));
        assertThat(f.issuer.issue(request)).isInstanceOf(TokenResult.Issued.class);
    }

    @Test
    void requestToStringHidesSecrets() {
        assertThat(TokenRequest.password("blue@contoso.test", "demo", null).toString()).doesNotContain("=demo").contains("password=***");
        assertThat(TokenRequest.clientCredentials(APP_ID, APP_SECRET, null).toString()).doesNotContain(APP_SECRET);
    }

    @Test
    void accessTokenForSkipsCredentials() {
        assertThat(f.verifier.verify(f.issuer.accessTokenFor(APP))).isInstanceOf(Verification.Verified.class);
    }

    private static void assertRefused(TokenResult result, String error, int status, int code) {
        assertThat(result).isInstanceOf(TokenResult.Refused.class);
        TokenResult.Refused refused = (TokenResult.Refused) result;
        assertThat(refused.error()).isEqualTo(error);
        assertThat(refused.httpStatus()).isEqualTo(status);
        assertThat(refused.errorCode()).isEqualTo(code);
        assertThat(refused.errorDescription()).startsWith("AADSTS" + code + ": ");
    }
}

package io.ppmlab.emulator.auth;

import static io.ppmlab.emulator.auth.AuthFixture.BASE;
import static io.ppmlab.emulator.auth.AuthFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an ordinary JWT library sees: only the published JSON, no access to our classes' keys. */
class PublishedDocumentsTest {

    private final AuthFixture f = new AuthFixture();
    private final OpenIdDocuments documents = new OpenIdDocuments(AuthFixture.KEYS, f.settings);

    @Test
    void tokenVerifiesAgainstThePublishedJwksAlone() throws Exception {
        SignedJWT token = SignedJWT.parse(f.userToken());
        JWKSet published = JWKSet.parse(documents.jwksJson());

        RSAKey key = (RSAKey) published.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
        Map<String, Object> discovery = JSONObjectUtils.parse(documents.discoveryJson(TENANT.toString()));
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(discovery.get("issuer"));
    }

    @Test
    void standardNimbusPipelineAcceptsOurTokens() throws Exception {
        f.clock.advance(java.time.Duration.between(f.clock.instant(), java.time.Instant.now())); // nimbus checks exp against the system clock
        String token = f.userToken();
        Map<String, Object> discovery = documents.discovery(TENANT.toString());

        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(JWKSet.parse(documents.jwksJson()))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(BASE,
                new JWTClaimsSet.Builder().issuer((String) discovery.get("issuer")).build(), Set.of("oid", "tid", "upn", "exp")));

        assertThat(processor.process(token, null).getStringClaim("upn")).isEqualTo("blue@contoso.test");
    }

    @Test
    void discoveryForATenantId() throws Exception {
        Map<String, Object> doc = JSONObjectUtils.parse(documents.discoveryJson(TENANT.toString()));

        assertThat(doc).containsEntry("issuer", BASE + "/" + TENANT + "/v2.0")
                .containsEntry("token_endpoint", BASE + "/" + TENANT + "/oauth2/v2.0/token")
                .containsEntry("jwks_uri", BASE + "/" + TENANT + "/discovery/v2.0/keys")
                .containsEntry("id_token_signing_alg_values_supported", List.of("RS256"))
                .containsKeys("authorization_endpoint", "response_types_supported", "subject_types_supported");
    }

    @Test
    void discoveryForCommonKeepsEntrasPlaceholderIssuer() {
        Map<String, Object> doc = documents.discovery("common");

        assertThat(doc).containsEntry("issuer", BASE + "/{tenantid}/v2.0")
                .containsEntry("token_endpoint", BASE + "/common/oauth2/v2.0/token")
                .containsEntry("jwks_uri", BASE + "/common/discovery/v2.0/keys");
    }

    @Test
    void discoveryForADomainNameResolvesToTheTenantId() {
        assertThat(documents.discovery("contoso.test"))
                .containsEntry("issuer", BASE + "/" + TENANT + "/v2.0")
                .containsEntry("token_endpoint", BASE + "/" + TENANT + "/oauth2/v2.0/token");
    }
}

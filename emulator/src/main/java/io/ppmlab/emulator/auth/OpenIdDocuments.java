package io.ppmlab.emulator.auth;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The OpenID Connect discovery document and JWKS, so ordinary OIDC and JWT libraries can find our
 * token endpoint and verify our tokens. Paths follow Entra's, under the emulator's base URL.
 */
public final class OpenIdDocuments {

    /** Route patterns (Javalin syntax) the HTTP layer serves; {@code {tenant}} is a tenant id, a domain or {@code common}. */
    public static final String TOKEN_ROUTE = "/{tenant}/oauth2/v2.0/token";
    public static final String DISCOVERY_ROUTE = "/{tenant}/v2.0/.well-known/openid-configuration";
    public static final String JWKS_ROUTE = "/{tenant}/discovery/v2.0/keys";

    // Multi-tenant aliases: Entra's discovery for them names the issuer with this literal placeholder.
    private static final Set<String> ANY_TENANT = Set.of("common", "organizations", "consumers");

    private final SigningKeys keys;
    private final AuthSettings settings;

    public OpenIdDocuments(SigningKeys keys, AuthSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    /** The discovery document for {@code tenant} as the path named it. */
    public Map<String, Object> discovery(String tenant) {
        String segment = tenantSegment(tenant);
        String base = settings.issuerBase() + "/" + segment;
        boolean anyTenant = ANY_TENANT.contains(segment.toLowerCase(Locale.ROOT));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("token_endpoint", base + "/oauth2/v2.0/token");
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_post"));
        doc.put("jwks_uri", base + "/discovery/v2.0/keys");
        doc.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        doc.put("subject_types_supported", List.of("pairwise"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("response_types_supported", List.of("code", "id_token", "code id_token", "id_token token"));
        doc.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        doc.put("grant_types_supported", List.of("password", "client_credentials"));
        doc.put("issuer", anyTenant ? settings.issuerBase() + "/{tenantid}/v2.0" : settings.issuerFor(UUID.fromString(segment)));
        doc.put("request_uri_parameter_supported", false);
        // Required by OIDC discovery and checked by MSAL; the emulator does not serve interactive sign-in.
        doc.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        doc.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "nbf", "ver", "tid", "oid",
                "upn", "preferred_username", "appid", "azp", "idtyp", "scp", "jti"));
        return doc;
    }

    public String discoveryJson(String tenant) {
        return JSONObjectUtils.toJSONString(discovery(tenant));
    }

    /** The JWKS served at {@link #JWKS_ROUTE}: public parameters only. */
    public String jwksJson() {
        return keys.publicJwksJson();
    }

    // A tenant id or multi-tenant alias stays as given; anything else is a domain name, which Entra resolves to the id.
    private String tenantSegment(String tenant) {
        String t = tenant == null ? "" : tenant.trim();
        if (ANY_TENANT.contains(t.toLowerCase(Locale.ROOT))) return t.toLowerCase(Locale.ROOT);
        try {
            return UUID.fromString(t).toString();
        } catch (IllegalArgumentException domainName) {
            return settings.tenantId().toString();
        }
    }
}

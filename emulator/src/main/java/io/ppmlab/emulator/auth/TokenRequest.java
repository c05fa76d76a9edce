package io.ppmlab.emulator.auth;

import java.util.function.Function;

/**
 * One call to {@code POST /<tenant>/oauth2/v2.0/token}: the tenant path segment and the form
 * fields exactly as sent (null when absent).
 */
public record TokenRequest(String tenant, String grantType, String username, String password,
                           String clientId, String clientSecret, String scope, String resource) {

    /** Reads the fields by their OAuth2 names, e.g. {@code TokenRequest.fromForm(tenant, ctx::formParam)}. */
    public static TokenRequest fromForm(String tenant, Function<String, String> field) {
        return new TokenRequest(tenant, field.apply("grant_type"), field.apply("username"), field.apply("password"),
                field.apply("client_id"), field.apply("client_secret"), field.apply("scope"), field.apply("resource"));
    }

    public static TokenRequest password(String upn, String password, String scope) {
        return new TokenRequest("common", "password", upn, password, null, null, scope, null);
    }

    public static TokenRequest clientCredentials(String clientId, String clientSecret, String scope) {
        return new TokenRequest("common", "client_credentials", null, null, clientId, clientSecret, scope, null);
    }

    /** Masks the secrets so a logged request cannot leak them. */
    @Override
    public String toString() {
        return "TokenRequest[tenant=" + tenant + ", grantType=" + grantType + ", username=" + username
                + ", password=" + mask(password) + ", clientId=" + clientId + ", clientSecret=" + mask(clientSecret)
                + ", scope=" + scope + ", resource=" + resource + "]";
    }

    private static String mask(String secret) {
        return secret == null ? null : "***";
    }
}

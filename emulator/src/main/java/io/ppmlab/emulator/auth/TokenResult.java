package io.ppmlab.emulator.auth;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the token endpoint answers: a signed access token, or an Entra-style OAuth2 error. */
public sealed interface TokenResult {

    /** A token; {@link #body()} is the 200 JSON response. */
    record Issued(String accessToken, String tokenType, long expiresInSeconds, Identity identity) implements TokenResult {

        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token_type", tokenType);
            body.put("expires_in", expiresInSeconds);
            body.put("ext_expires_in", expiresInSeconds);
            body.put("access_token", accessToken);
            return body;
        }
    }

    /**
     * A refusal with Entra's error code ({@code AADSTS<errorCode>}) and trace id; {@link #body()} is the
     * JSON response to send with {@link #httpStatus()}.
     */
    record Refused(String error, String errorDescription, int httpStatus, int errorCode, Instant timestamp, UUID traceId)
            implements TokenResult {

        static final DateTimeFormatter ENTRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error);
            body.put("error_description", errorDescription);
            body.put("error_codes", List.of(errorCode));
            body.put("timestamp", ENTRA_TIME.format(timestamp));
            body.put("trace_id", traceId.toString());
            body.put("correlation_id", traceId.toString()); // one id serves both: there is nothing to correlate across
            return body;
        }
    }
}

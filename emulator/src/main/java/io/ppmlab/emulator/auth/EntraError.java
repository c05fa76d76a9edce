package io.ppmlab.emulator.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The token endpoint's error catalogue: Entra's OAuth2 error, HTTP status, AADSTS code and text in one row each. */
enum EntraError {
    MISSING_PARAMETER("invalid_request", 400, 900144,
            "The request body must contain the following parameter: '%s'."),
    UNSUPPORTED_GRANT("unsupported_grant_type", 400, 70003,
            "The app requested an unsupported grant type '%s'."),
    BAD_USER_CREDENTIALS("invalid_grant", 400, 50126,
            "Error validating credentials due to invalid username or password."),
    USER_NOT_IN_TENANT("invalid_grant", 400, 50034,
            "The user account %s does not exist in the %s directory. To sign into this application, the account must be added to the directory."),
    // Also for an unknown client id: the directory does not tell the two apart, and need not.
    BAD_CLIENT_SECRET("invalid_client", 401, 7000215,
            "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '%s'."),
    APP_NOT_IN_TENANT("unauthorized_client", 400, 700016,
            "Application with identifier '%s' was not found in the directory '%s'. This can happen if the application has not been installed by the administrator of the tenant."),
    UNKNOWN_RESOURCE("invalid_resource", 400, 500011,
            "The resource principal named %s was not found in the tenant named %s. This can happen if the application has not been installed by the administrator of the tenant.");

    private final String error;
    private final int httpStatus;
    private final int code;
    private final String template;

    EntraError(String error, int httpStatus, int code, String template) {
        this.error = error;
        this.httpStatus = httpStatus;
        this.code = code;
        this.template = template;
    }

    /** The refusal, its description laid out as Entra's: message, then trace id, correlation id and time. */
    TokenResult.Refused refuse(Clock clock, Object... args) {
        Instant now = clock.instant();
        UUID traceId = UUID.randomUUID();
        String description = "AADSTS" + code + ": " + String.format(template, args)
                + "\r\nTrace ID: " + traceId
                + "\r\nCorrelation ID: " + traceId
                + "\r\nTimestamp: " + TokenResult.Refused.ENTRA_TIME.format(now);
        return new TokenResult.Refused(error, description, httpStatus, code, now, traceId);
    }
}

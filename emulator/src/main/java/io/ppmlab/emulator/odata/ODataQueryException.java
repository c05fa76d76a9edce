package io.ppmlab.emulator.odata;

/**
 * A request URL Dataverse would refuse: the HTTP status, the Dataverse error code (hex HRESULT text such as
 * {@code 0x80060888}) and the message, ready for the {@code {"error":{"code":...,"message":...}}} body.
 * Build them through {@link ODataErrors} so codes and wording stay in one place.
 */
public final class ODataQueryException extends RuntimeException {
    private final int httpStatus;
    private final String code;

    public ODataQueryException(int httpStatus, String code, String message) {
        // No stack trace: these are expected answers to bad client input, thrown often under load.
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() { return httpStatus; }

    public String code() { return code; }
}

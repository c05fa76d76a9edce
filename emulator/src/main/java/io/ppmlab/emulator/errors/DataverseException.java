package io.ppmlab.emulator.errors;

/** A failure the client is told about in Dataverse's error shape; thrown anywhere, mapped once at the edge. */
public final class DataverseException extends RuntimeException {
    private final ErrorCode errorCode;

    public DataverseException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() { return errorCode; }

    public int status() { return errorCode.status(); }

    public String code() { return errorCode.code(); }
}

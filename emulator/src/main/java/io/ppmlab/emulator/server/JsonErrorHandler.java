package io.ppmlab.emulator.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own answers (malformed request lines and headers, invalid percent-encoding, over-long URLs and
 * headers, a response header too large to send) in Dataverse's error shape instead of Jetty's HTML page:
 * every answer under {@code /api/data} is {@code {"error":{"code","message"}}}, and the rest of the server
 * answers the same way rather than in a second format.
 */
final class JsonErrorHandler extends ErrorHandler {
    static final String CONTENT_TYPE = "application/json; odata.metadata=minimal";

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object status = request.getAttribute(ERROR_STATUS);
        int code = status instanceof Integer i ? i : response.getStatus() >= 400 ? response.getStatus() : 500;
        Object message = request.getAttribute(ERROR_MESSAGE);
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put("OData-Version", "4.0");
        response.write(true, ByteBuffer.wrap(body(code, message == null ? null : message.toString())), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        fields.put("OData-Version", "4.0");
        return ByteBuffer.wrap(body(status, reason));
    }

    /** The Dataverse code by status: the envelope's codes for 4xx, the platform's unexpected-error code for 5xx. */
    static byte[] body(int status, String reason) {
        String code = switch (status) {
            case 413 -> "0x8005F103";
            case 505 -> "0x80060888"; // an HTTP version the server does not speak: the client's fault
            default -> status >= 500 ? "0x80040216" : "0x80060888";
        };
        String text = switch (status) {
            case 400 -> "Bad Request - the request line, a header or the URL's percent-encoding is malformed";
            case 414 -> "The request URL exceeds the limit the server accepts";
            case 431 -> "The request headers exceed the limit the server accepts";
            case 413 -> "The request body exceeds the limit the server accepts";
            case 505 -> "The HTTP version of the request line is not supported";
            default -> status >= 500 ? "An unexpected error occurred" : "The request was refused";
        };
        // Jetty's reason is a fixed phrase of its own (never request content), kept for diagnosis
        String message = reason == null || reason.isBlank() ? text + "." : text + " (" + reason + ").";
        return ErrorBody.json(code, message).getBytes(StandardCharsets.UTF_8);
    }
}

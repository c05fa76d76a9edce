package io.ppmlab.emulator.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.errors.DataverseException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes Dataverse's error shape: {@code {"error":{"code":"0x...","message":"..."}}}. */
public final class ErrorBody {
    private static final JsonFactory JSON = new JsonFactory();

    private ErrorBody() {}

    public static ApiResponse of(DataverseException e) {
        return ApiResponse.json(e.status(), json(e.code(), e.getMessage()), Map.of());
    }

    public static String json(String code, String message) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

package io.ppmlab.emulator.product;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.errors.ErrorCode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The product actions' request and response bodies, shared by the scheduled-process, settings and status-update
 * actions: a JSON object of known parameters in, a {@code Microsoft.Dynamics.CRM.<Action>Response} object out.
 */
public final class ActionMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the fields of a response object. */
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private ActionMessages() {}

    /** A 200 response of complex type {@code type}, with its {@code @odata.context}. */
    public static ApiResponse response(ApiRequest request, String type, Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", request.baseUrl() + "$metadata#Microsoft.Dynamics.CRM." + type);
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ApiResponse.json(200, out.toString(), Map.of());
    }

    /** The body as a JSON object holding only {@code parameters} (and annotations); an empty body is refused. */
    public static JsonNode parameters(String action, byte[] bytes, Set<String> parameters) {
        if (bytes.length == 0) throw ErrorCode.BAD_REQUEST.error("The request body of " + action + " is empty; parameters: " + parameters + ".");
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (IOException e) {
            throw ErrorCode.BAD_REQUEST.error("The body of " + action + " is not valid JSON.");
        }
        if (node == null || !node.isObject()) throw ErrorCode.BAD_REQUEST.error("The body of " + action + " must be a JSON object.");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!parameters.contains(f) && !f.startsWith("@")) {
                throw ErrorCode.BAD_REQUEST.error("'" + f + "' is not a parameter of " + action + " (parameters: " + parameters + ").");
            }
        }
        return node;
    }

    /** For actions whose parameters are all optional: an empty body reads as {}. */
    public static byte[] orEmptyObject(byte[] body) {
        return body.length == 0 ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : body;
    }
}

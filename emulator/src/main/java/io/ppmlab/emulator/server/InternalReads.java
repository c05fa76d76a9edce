package io.ppmlab.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.odata.ODataQueryException;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.operations.Dispatcher;
import io.ppmlab.emulator.product.ReadAs;
import io.ppmlab.emulator.product.WriteAs;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ReadAs} and {@link WriteAs} over the emulator's own parser and dispatcher: an in-process GET with the caller already
 * authenticated, so a product query pays the query engine's cost but no HTTP. The dispatcher is bound after
 * the action routers that use this are built (they are part of the dispatcher), hence {@link #bind}.
 */
final class InternalReads implements ReadAs, WriteAs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PREFIX = Pattern.compile("^/?(?:api/data/(v9\\.[0-2])/)?");
    /** Every annotation, so callers see total record counts and formatted values. */
    private static final Map<String, String> HEADERS = Map.of("Prefer", "odata.include-annotations=\"*\"", "Accept", "application/json");

    private final UriParser parser;
    private final String baseUrl;
    private final AtomicReference<Dispatcher> dispatcher = new AtomicReference<>();

    InternalReads(UriParser parser, String baseUrl) {
        this.parser = parser;
        this.baseUrl = baseUrl;
    }

    void bind(Dispatcher root) { dispatcher.set(root); }

    @Override
    public JsonNode get(Caller caller, String url) { return send(caller, "GET", url, null, HEADERS); }

    @Override
    public JsonNode write(Caller caller, String method, String url, String jsonBody) {
        return send(caller, method, url, jsonBody.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Prefer", "return=representation", "Accept", "application/json", "Content-Type", "application/json"));
    }

    private JsonNode send(Caller caller, String method, String url, byte[] body, Map<String, String> headers) {
        Dispatcher d = dispatcher.get();
        if (d == null) throw new IllegalStateException("reads are not bound to the dispatcher yet");
        String u = url.trim();
        int api = u.indexOf("/api/data/");
        if (api > 0) u = u.substring(api); // an absolute @odata.nextLink
        Matcher m = PREFIX.matcher(u);
        String rest = u.substring(m.find() ? m.end() : 0);
        String version = m.group(1) == null ? "v9.2" : m.group(1);
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q + 1);
        ApiRequest request = new ApiRequest(method, version, path, query, headers, body, baseUrl);
        ApiResponse response;
        try {
            response = d.execute(caller, request, parser.parse(path, query));
        } catch (DataverseException e) {
            throw new Refused(e.status(), e.code(), e.getMessage());
        } catch (ODataQueryException e) {
            throw new Refused(e.httpStatus(), e.code(), e.getMessage());
        }
        JsonNode answer = parse(response);
        if (response.status() >= 400) {
            throw new Refused(response.status(), answer.path("error").path("code").asText(), answer.path("error").path("message").asText());
        }
        return answer;
    }

    private static JsonNode parse(ApiResponse response) {
        if (response.body().length == 0) return JSON.nullNode();
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            // $count answers text/plain: a number is still JSON; anything else is returned as text
            return JSON.getNodeFactory().textNode(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}

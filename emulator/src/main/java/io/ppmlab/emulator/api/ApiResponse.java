package io.ppmlab.emulator.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the layers below HTTP answer: status, headers and an already-serialised body. */
public record ApiResponse(int status, Map<String, String> headers, String contentType, byte[] body) {

    public static final String JSON = "application/json; odata.metadata=minimal";

    public ApiResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static ApiResponse noContent(Map<String, String> headers) {
        return new ApiResponse(204, headers, null, null);
    }

    public static ApiResponse json(int status, String json, Map<String, String> headers) {
        return new ApiResponse(status, headers, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    public static ApiResponse text(int status, String contentType, String text) {
        return new ApiResponse(status, Map.of(), contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, h, contentType, body);
    }
}

package io.ppmlab.emulator.api;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Web API request as the layers below HTTP see it.
 *
 * @param method   upper-case HTTP method
 * @param version  the API version segment, e.g. {@code v9.2}
 * @param path     the raw (still percent-encoded) resource path after the version, without leading slash
 * @param rawQuery the raw query string, or empty
 * @param headers  request headers, names case-insensitive
 * @param body     request body bytes (empty when none)
 * @param baseUrl  {@code http://host:port/api/data/v9.2/}, used to build ids and links
 */
public record ApiRequest(String method, String version, String path, String rawQuery,
                         Map<String, String> headers, byte[] body, String baseUrl) {

    public ApiRequest {
        // a case-insensitive TreeMap handed over by the HTTP edge is taken as it is (one copy less per request)
        TreeMap<String, String> ci = headers instanceof TreeMap<String, String> t && t.comparator() == String.CASE_INSENSITIVE_ORDER
                ? t : new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (ci != headers) ci.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(ci);
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) { return Optional.ofNullable(headers.get(name)); }

    public Prefer prefer() { return Prefer.parse(headers.get("Prefer")); }
}

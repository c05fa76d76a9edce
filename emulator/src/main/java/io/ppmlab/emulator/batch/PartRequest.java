package io.ppmlab.emulator.batch;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request inside a batch as its part carried it.
 *
 * @param number    position of the request in the batch, from 1, counting the requests inside change sets
 * @param method    the request line's method (GET, POST, PATCH, PUT or DELETE)
 * @param target    the request line's URL as written: absolute, {@code /api/data/v9.2/...}, relative, or {@code $n...}
 * @param headers   the embedded request's headers, names case-insensitive
 * @param body      the embedded request's body (trailing line breaks removed), empty when none
 * @param contentId the part's {@code Content-ID}, if any
 */
public record PartRequest(int number, String method, String target, Map<String, String> headers, byte[] body,
                          Optional<String> contentId) {
    public PartRequest {
        TreeMap<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(headers);
        headers = Collections.unmodifiableMap(ci);
        body = body == null ? new byte[0] : body;
    }
}

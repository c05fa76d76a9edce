package io.ppmlab.emulator.batch;

import io.ppmlab.emulator.api.ApiResponse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes a batch response as Dataverse does: {@code --batchresponse_<guid>} parts of {@code application/http},
 * each an embedded {@code HTTP/1.1 <status> <reason>} response with its headers and body; a committed change set
 * as a nested {@code changesetresponse_<guid>} multipart whose parts echo their Content-ID. Creates carry
 * {@code Location} next to {@code OData-EntityId}. Line breaks are CRLF.
 */
final class BatchResponseWriter {
    /** One answered request of a change set, with the Content-ID to echo. */
    record Answered(ApiResponse response, Optional<String> contentId) {}

    private static final String CRLF = "\r\n";
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"), Map.entry(304, "Not Modified"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(412, "Precondition Failed"), Map.entry(413, "Payload Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(503, "Service Unavailable"));

    private final String boundary = "batchresponse_" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A request outside a change set, or the failure that undid a change set. */
    void single(ApiResponse response, Optional<String> contentId) {
        delimiter(boundary);
        part(response, contentId);
    }

    /** A committed change set: every request's answer, nested. */
    void changeSet(List<Answered> answers) {
        String inner = "changesetresponse_" + UUID.randomUUID();
        delimiter(boundary);
        text("Content-Type: multipart/mixed; boundary=" + inner + CRLF + CRLF);
        for (Answered a : answers) {
            delimiter(inner);
            part(a.response(), a.contentId());
        }
        text("--" + inner + "--" + CRLF);
    }

    ApiResponse finish(int status) {
        text("--" + boundary + "--" + CRLF);
        return new ApiResponse(status, Map.of(), "multipart/mixed; boundary=" + boundary, out.toByteArray());
    }

    /** Every part after the first is preceded by the CRLF that ends the previous one. */
    private void delimiter(String b) {
        text("--" + b + CRLF);
    }

    private void part(ApiResponse response, Optional<String> contentId) {
        text("Content-Type: application/http" + CRLF + "Content-Transfer-Encoding: binary" + CRLF);
        contentId.ifPresent(id -> text("Content-ID: " + id + CRLF));
        text(CRLF);
        text("HTTP/1.1 " + response.status() + " " + REASONS.getOrDefault(response.status(), "Status " + response.status()) + CRLF);
        if (response.contentType() != null) text("Content-Type: " + response.contentType() + CRLF);
        text("OData-Version: 4.0" + CRLF);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers());
        String entityId = headers.get("OData-EntityId");
        if (entityId != null && !headers.containsKey("Location")) text("Location: " + entityId + CRLF);
        headers.forEach((name, value) -> text(name + ": " + value + CRLF));
        text(CRLF);
        out.writeBytes(response.body());
        text(CRLF);
    }

    private void text(String s) { out.writeBytes(s.getBytes(StandardCharsets.UTF_8)); }
}

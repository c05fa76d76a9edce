package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes $batch request bodies (CRLF, as clients send them) and reads batch responses, for the Batch* and Bulk* acceptance tests. */
final class BatchMultipart {
    static final String BOUNDARY = "batch_lab_1";
    private static final String CRLF = "\r\n";
    private static final Pattern BOUNDARY_PARAM = Pattern.compile("boundary=\"?([^\";]+)\"?");

    private final StringBuilder body = new StringBuilder();
    private int changeSets;

    /** One request of a batch: method, URL as on the request line, JSON body (or null), Content-ID (or null), extra headers. */
    record Item(String method, String url, String json, String contentId, List<String> headers) {}

    static Item item(String method, String url, String json, String... headers) {
        return new Item(method, url, json, null, List.of(headers));
    }

    static Item numbered(String contentId, String method, String url, String json, String... headers) {
        return new Item(method, url, json, contentId, List.of(headers));
    }

    BatchMultipart add(Item item) {
        body.append("--").append(BOUNDARY).append(CRLF);
        part(body, item);
        return this;
    }

    BatchMultipart get(String url, String... headers) { return add(item("GET", url, null, headers)); }

    BatchMultipart changeSet(Item... items) {
        String inner = "changeset_lab_" + (++changeSets);
        body.append("--").append(BOUNDARY).append(CRLF)
                .append("Content-Type: multipart/mixed; boundary=").append(inner).append(CRLF).append(CRLF);
        for (Item i : items) {
            body.append("--").append(inner).append(CRLF);
            part(body, i);
        }
        body.append("--").append(inner).append("--").append(CRLF);
        return this;
    }

    String build() { return body + "--" + BOUNDARY + "--" + CRLF; }

    private static void part(StringBuilder out, Item i) {
        out.append("Content-Type: application/http").append(CRLF).append("Content-Transfer-Encoding: binary").append(CRLF);
        if (i.contentId() != null) out.append("Content-ID: ").append(i.contentId()).append(CRLF);
        out.append(CRLF).append(i.method()).append(' ').append(i.url()).append(" HTTP/1.1").append(CRLF);
        if (i.json() != null) out.append("Content-Type: application/json; type=entry").append(CRLF);
        for (int h = 0; h + 1 < i.headers().size(); h += 2) out.append(i.headers().get(h)).append(": ").append(i.headers().get(h + 1)).append(CRLF);
        out.append(CRLF);
        if (i.json() != null) out.append(i.json()).append(CRLF);
    }

    /** One embedded response of a batch response; {@code changeSet} is 0 outside change sets, else the set's number from 1. */
    record Answer(int changeSet, Optional<String> contentId, Map<String, String> partHeaders, int status, String reason,
                  Map<String, String> headers, String body) {
        JsonNode json() {
            try { return LabHttp.JSON.readTree(body); } catch (IOException e) { throw new UncheckedIOException(e); }
        }

        String header(String name) { return headers.get(name); }

        String errorMessage() { return json().path("error").path("message").asText(); }
    }

    /** Every embedded response of a batch response, in order, change sets flattened. */
    static List<Answer> answers(LabHttp.Reply reply) {
        String contentType = reply.header("Content-Type");
        Matcher m = BOUNDARY_PARAM.matcher(contentType == null ? "" : contentType);
        if (contentType == null || !contentType.startsWith("multipart/mixed") || !m.find()) {
            throw new AssertionError("not a batch response: " + contentType + "\n" + reply.body());
        }
        List<Answer> out = new ArrayList<>();
        int[] sets = {0};
        read(reply.body(), m.group(1), 0, sets, out);
        return out;
    }

    private static void read(String text, String boundary, int changeSet, int[] sets, List<Answer> out) {
        String delimiter = "--" + boundary;
        if (!text.startsWith(delimiter + CRLF)) throw new AssertionError("response does not start with " + delimiter + ":\n" + text);
        int end = text.indexOf(CRLF + delimiter + "--");
        if (end < 0) throw new AssertionError("no close delimiter " + delimiter + "--:\n" + text);
        String inner = text.substring(delimiter.length() + 2, end);
        for (String part : inner.split(Pattern.quote(CRLF + delimiter + CRLF), -1)) {
            int blank = part.indexOf(CRLF + CRLF);
            Map<String, String> partHeaders = headers(part.substring(0, blank));
            String content = part.substring(blank + 4);
            if (partHeaders.getOrDefault("Content-Type", "").startsWith("multipart/mixed")) {
                Matcher m = BOUNDARY_PARAM.matcher(partHeaders.get("Content-Type"));
                if (!m.find()) throw new AssertionError("change set without boundary");
                read(content, m.group(1), ++sets[0], sets, out);
                continue;
            }
            if (!"application/http".equals(partHeaders.get("Content-Type")) || !"binary".equals(partHeaders.get("Content-Transfer-Encoding"))) {
                throw new AssertionError("part headers " + partHeaders);
            }
            int lineEnd = content.indexOf(CRLF);
            String[] status = content.substring(0, lineEnd).split(" ", 3);
            if (!status[0].equals("HTTP/1.1")) throw new AssertionError("status line " + Arrays.toString(status));
            int headerEnd = content.indexOf(CRLF + CRLF);
            Map<String, String> headers = headers(content.substring(lineEnd + 2, headerEnd));
            out.add(new Answer(changeSet, Optional.ofNullable(partHeaders.get("Content-ID")), partHeaders, Integer.parseInt(status[1]),
                    status[2], headers, content.substring(headerEnd + 4)));
        }
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : block.split(CRLF)) {
            if (line.isEmpty()) continue;
            int colon = line.indexOf(':');
            h.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return h;
    }
}

package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tiny Web API client for acceptance tests: tokens, JSON requests, parsed responses. */
final class LabHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String root;

    LabHttp(int port) { this.root = "http://127.0.0.1:" + port; }

    String api() { return root + "/api/data/v9.2/"; }

    String root() { return root; }

    record Reply(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try { return JSON.readTree(body); } catch (IOException e) { throw new UncheckedIOException(e); }
        }
        String header(String name) { return headers.get(name.toLowerCase()); }
        String errorCode() { return json().path("error").path("code").asText(); }
    }

    String token(String upn, String password) {
        Reply r = tokenRequest(Map.of("grant_type", "password", "username", upn, "password", password,
                "client_id", "lab-tests", "scope", root + "/.default"));
        if (r.status() != 200) throw new AssertionError("token refused: " + r.status() + " " + r.body());
        return r.json().get("access_token").asText();
    }

    Reply tokenRequest(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(root + "/common/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Reply get(String token, String path, String... headers) { return call("GET", token, path, null, headers); }

    Reply post(String token, String path, String body, String... headers) { return call("POST", token, path, body, headers); }

    Reply patch(String token, String path, String body, String... headers) { return call("PATCH", token, path, body, headers); }

    Reply put(String token, String path, String body, String... headers) { return call("PUT", token, path, body, headers); }

    Reply delete(String token, String path, String... headers) { return call("DELETE", token, path, null, headers); }

    /** POST {@code $batch} with a raw multipart body: {@code Content-Type: multipart/mixed; boundary=<boundary>}, then {@code headers}. */
    Reply batch(String token, String boundary, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "multipart/mixed; boundary=" + boundary;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return call("POST", token, "$batch", body, all);
    }

    Reply call(String method, String token, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : api() + path))
                .header("Accept", "application/json").header("OData-MaxVersion", "4.0").header("OData-Version", "4.0")
                .timeout(java.time.Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i + 1 < headers.length; i += 2) typed |= headers[i].equalsIgnoreCase("Content-Type");
        if (body != null && !typed) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b);
    }

    Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
            return new Reply(r.statusCode(), h, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request line, headers and the first bytes of a body as written, over a plain socket, with
     * {@code Connection: close}, and reads the answer to the end: for what the HTTP client refuses to send or
     * mishandles (malformed lines, a declared length larger than the bytes sent).
     */
    Reply raw(String token, String requestLine, byte[] bodyPrefix, String... headers) {
        URI uri = URI.create(root);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            if (token != null) req.append("Authorization: Bearer ").append(token).append("\r\n");
            for (String h : headers) req.append(h).append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(req.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bodyPrefix);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String head = headerEnd < 0 ? response : response.substring(0, headerEnd);
            String body = headerEnd < 0 ? "" : response.substring(headerEnd + 4);
            Map<String, String> map = new LinkedHashMap<>();
            String[] lines = head.split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) map.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
            if ("chunked".equalsIgnoreCase(map.get("transfer-encoding"))) body = unchunk(body);
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), map, body);
        } catch (IOException e) {
            throw new AssertionError("no answer to " + requestLine.substring(0, Math.min(80, requestLine.length())), e);
        }
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) break;
            int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
            if (size == 0) break;
            out.append(body, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}

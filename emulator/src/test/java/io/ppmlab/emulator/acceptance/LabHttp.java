package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
}

package io.ppmlab.harness.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The few Web API calls a bench makes against an emulator on this machine: a password-grant token, a POST, a GET. */
final class LabHttp {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String root;

    LabHttp(int port) { this.root = "http://127.0.0.1:" + port; }

    String token(String upn) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=lab&username=" + URLEncoder.encode(upn, StandardCharsets.UTF_8) + "&password=demo&scope="
                + URLEncoder.encode(root + "/.default", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + "/common/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("no token for " + upn + ": " + r.statusCode() + " " + r.body());
        return json.readTree(r.body()).path("access_token").asText();
    }

    /** POST to {@code /api/data/v9.2/<path>}; the response body as JSON (empty object for none). */
    JsonNode post(String token, String path, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(api(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return checked(path, r, expected);
    }

    JsonNode get(String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(api(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return checked(path, r, 200);
    }

    private URI api(String path) { return URI.create(root + "/api/data/v9.2/" + path); }

    private JsonNode checked(String path, HttpResponse<String> r, int expected) throws IOException {
        if (r.statusCode() != expected) throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
        return r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body());
    }
}

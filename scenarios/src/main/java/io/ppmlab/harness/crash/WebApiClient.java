package io.ppmlab.harness.crash;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The few Web API calls the crash loop makes against its emulator process: tokens, JSON posts, paged reads.
 * HTTP/1.1 on purpose: one plain connection per request stream, so a killed server shows as an {@link IOException}.
 */
final class WebApiClient {
    /** Decimals as BigDecimal, so hours compare exactly. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
    private final String root;

    WebApiClient(String baseUrl) { this.root = baseUrl; }

    /** An HTTP status and body. */
    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    /** A password-grant token of a demo user (password {@code demo}). */
    String token(String upn) {
        String form = "grant_type=password&client_id=lab-crash&username=" + URLEncoder.encode(upn, StandardCharsets.UTF_8)
                + "&password=demo&scope=" + URLEncoder.encode(root + "/.default", StandardCharsets.UTF_8);
        Reply r = unchecked(HttpRequest.newBuilder(URI.create(root + "/common/oauth2/v2.0/token")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (r.status() != 200) throw new IllegalStateException("token for " + upn + " refused: " + r.status() + " " + r.body());
        return r.json().path("access_token").asText();
    }

    /** POST of a JSON body to a Web API path; IOException when the server goes away under the request. */
    Reply post(String token, String path, String body) throws IOException, InterruptedException {
        return send(api(path).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POST that must answer {@code expected}; the reply's JSON. */
    JsonNode postExpecting(String token, String path, String body, int expected) {
        try {
            Reply r = post(token, path, body);
            if (r.status() != expected) throw new IllegalStateException("POST " + path + " → " + r.status() + " " + abbreviate(r.body()));
            return r.json();
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during POST " + path, e);
        }
    }

    /** Every row of a query, following {@code @odata.nextLink} over pages of 5,000 (Dataverse's largest). */
    List<JsonNode> readAll(String token, String pathAndQuery) {
        List<JsonNode> rows = new ArrayList<>();
        String next = root + "/api/data/v9.2/" + pathAndQuery;
        while (next != null) {
            Reply r = unchecked(HttpRequest.newBuilder(URI.create(next)).timeout(TIMEOUT).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token).header("Prefer", "odata.maxpagesize=5000").GET());
            if (r.status() != 200) throw new IllegalStateException("GET " + next + " → " + r.status() + " " + abbreviate(r.body()));
            JsonNode page = r.json();
            page.path("value").forEach(rows::add);
            next = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
        return rows;
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(root + "/api/data/v9.2/" + path)).timeout(TIMEOUT).header("Accept", "application/json")
                .header("OData-MaxVersion", "4.0").header("OData-Version", "4.0");
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private Reply unchecked(HttpRequest.Builder request) {
        try {
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String abbreviate(String s) { return s.length() <= 500 ? s : s.substring(0, 500) + "…"; }
}

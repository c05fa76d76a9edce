package io.ppmlab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The harness's own small Web API client, for what happens around the Gatling run: signing in, preparing fixtures, the
 * limits' one-off probes and reading the emulator's counters. Requests carry {@code x-lab-request-name} like the
 * scenarios' so the emulator can tell them apart.
 */
public final class WebClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public WebClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String baseUrl() { return baseUrl; }

    /** A reply: status, body, and the body as JSON when it is JSON. */
    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body.substring(0, Math.min(300, body.length())));
            }
        }

        public Reply expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected " + expected + ", got " + status + " " + body.substring(0, Math.min(400, body.length())));
            }
            return this;
        }
    }

    public String password(String upn, String password) {
        return token("grant_type=password&username=" + enc(upn) + "&password=" + enc(password) + "&scope=" + enc(baseUrl + "/.default"));
    }

    private String token(String form) {
        Reply r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/common/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)), "signin");
        return r.expect(200, "sign-in").json().path("access_token").asText();
    }

    public Reply get(String token, String path) {
        return send(authorised(token, path).GET(), "harness");
    }

    public Reply post(String token, String path, String json) {
        return send(authorised(token, path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), "harness");
    }

    public Reply patch(String token, String path, String json) {
        return send(authorised(token, path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)), "harness");
    }

    /** A plain GET without a token (health). */
    public Reply getAnonymous(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), "harness");
    }

    private HttpRequest.Builder authorised(String token, String path) {
        String url = path.startsWith("http") ? path : baseUrl + (path.startsWith("/") ? path : "/api/data/v9.2/" + path);
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").header("OData-Version", "4.0");
    }

    /**
     * Sends once, or again after a 429 as a well-behaved Dataverse client does: waits the whole seconds of
     * {@code Retry-After} (at most {@link io.ppmlab.harness.sim.Api#MAX_RETRIES} times, like the scenarios), so a run
     * with small service-protection limits still prepares its fixtures.
     */
    private Reply send(HttpRequest.Builder request, String name) {
        try {
            HttpRequest built = request.header("x-lab-request-name", name).build();
            HttpResponse<String> r = http.send(built, HttpResponse.BodyHandlers.ofString());
            for (int retry = 0; r.statusCode() == 429 && retry < io.ppmlab.harness.sim.Api.MAX_RETRIES; retry++) {
                Thread.sleep(1000 * io.ppmlab.harness.sim.Api.retryAfterSeconds(r.headers().firstValue("Retry-After").orElse("1")));
                r = http.send(built, HttpResponse.BodyHandlers.ofString());
            }
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException("the emulator did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

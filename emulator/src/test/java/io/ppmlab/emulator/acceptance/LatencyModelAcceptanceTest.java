package io.ppmlab.emulator.acceptance;

import io.ppmlab.emulator.protection.ProtectionSettings;
import io.ppmlab.emulator.server.LatencySettings;
import io.ppmlab.emulator.server.PlatformConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latency injection by the cost model, with a concurrency limit of 2: answers come after their modelled
 * time, and a third concurrent request is refused at once (a delayed request holds its place until answered).
 */
class LatencyModelAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator(c -> c.withPlatform(PlatformConfig.DEFAULT
            .withProtection(new ProtectionSettings(true, 6000, Duration.ofSeconds(300), 1_200_000, 2, Duration.ZERO, 1))
            .withLatency(LatencySettings.parse("model", 0, 42))));

    private static String bigBatch() {
        BatchMultipart b = new BatchMultipart();
        for (int i = 0; i < 30; i++) b.get("sensei_projects?$select=sensei_name");
        return b.build();
    }

    @Test
    void answersComeAfterTheirModelledTime() {
        LabHttp http = lab.http();
        String token = http.token("green@contoso.test", "demo");
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            LabHttp.Reply r = http.get(token, "sensei_projects?$select=sensei_name");
            double elapsedMs = (System.nanoTime() - t0) / 1e6;
            assertThat(r.status()).isEqualTo(200);
            assertThat(elapsedMs).isGreaterThanOrEqualTo(Double.parseDouble(r.header("x-ms-lab-modelled-ms")));
        }
    }

    @Test
    void concurrencyFacetRefusesTheThirdConcurrentRequestAtOnce() throws Exception {
        LabHttp http = lab.http();
        String token = http.token("purple@contoso.test", "demo");
        String body = bigBatch();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest batch = HttpRequest.newBuilder(URI.create(http.api() + "$batch"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/mixed; boundary=" + BatchMultipart.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        LabHttp.Reply probe = http.batch(token, BatchMultipart.BOUNDARY, body);
        double modelled = Double.parseDouble(probe.header("x-ms-lab-modelled-ms"));
        assertThat(modelled).as("the batch is slow enough to overlap").isGreaterThan(500);
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        inFlight.add(client.sendAsync(batch, HttpResponse.BodyHandlers.ofString()));
        inFlight.add(client.sendAsync(batch, HttpResponse.BodyHandlers.ofString()));
        Thread.sleep((long) (modelled / 3));
        long t0 = System.nanoTime();
        LabHttp.Reply third = http.get(token, "sensei_projects?$select=sensei_name&$top=1");
        double thirdMs = (System.nanoTime() - t0) / 1e6;
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.errorCode()).isEqualTo("0x80072326");
        assertThat(third.json().path("error").path("message").asText()).isEqualTo("Number of concurrent requests exceeded the limit of 2.");
        assertThat(third.header("Retry-After")).isEqualTo("1");
        assertThat(thirdMs).as("refused at once, not delayed").isLessThan(modelled / 2);
        for (CompletableFuture<HttpResponse<String>> f : inFlight) assertThat(f.get().statusCode()).isEqualTo(200);
        assertThat(http.get(token, "sensei_projects?$select=sensei_name&$top=1").status()).as("places freed").isEqualTo(200);
    }
}

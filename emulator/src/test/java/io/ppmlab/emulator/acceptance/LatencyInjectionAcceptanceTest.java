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
 * Latency injection with a fixed 3 s delay and service protection off (with limits it would refuse:
 * 5 requests per window, so "off" is seen to be off). 1,000 concurrent delayed requests are all answered
 * after the delay, in about one delay: a server that held a thread per waiting request (Jetty's pool has
 * 250) would need at least four rounds of 3 s.
 */
class LatencyInjectionAcceptanceTest {
    static final long DELAY_MS = 3_000;

    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator(c -> c.withPlatform(PlatformConfig.DEFAULT
            .withProtection(new ProtectionSettings(false, 5, Duration.ofSeconds(60), 10, 1, Duration.ZERO, 1))
            .withLatency(LatencySettings.parse("fixed:" + DELAY_MS, 0, 42))));

    @Test
    void aThousandConcurrentDelayedRequestsAreAllAnsweredAfterOneDelayAndOthersAreNotBlocked() throws Exception {
        LabHttp http = lab.http();
        String token = http.token("blue@contoso.test", "demo");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.api())).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).build();
        long start = System.nanoTime();
        List<CompletableFuture<long[]>> answers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            long sent = System.nanoTime();
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(r -> new long[]{r.statusCode(), (System.nanoTime() - sent) / 1_000_000}));
        }
        // while they wait, an undelayed endpoint answers at once
        Thread.sleep(500);
        long t0 = System.nanoTime();
        LabHttp.Reply health = http.get(null, http.root() + "/lab/health");
        long healthMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(health.status()).isEqualTo(200);
        assertThat(healthMs).isLessThan(DELAY_MS / 2);

        long slowest = 0;
        for (CompletableFuture<long[]> f : answers) {
            long[] a = f.get();
            assertThat(a[0]).as("service protection is off: nothing is refused").isEqualTo(200);
            assertThat(a[1]).as("each answer waited the delay").isGreaterThanOrEqualTo(DELAY_MS - 5);
            slowest = Math.max(slowest, a[1]);
        }
        long totalMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(totalMs).as("all in about one delay, fewer than three rounds").isLessThan(3 * DELAY_MS);
        assertThat(lab.http().get(token, "").header("x-ms-ratelimit-burst-remaining-xrm-requests")).isEqualTo("5");
    }
}

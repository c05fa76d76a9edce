package io.ppmlab.emulator.acceptance;

import io.ppmlab.emulator.protection.ProtectionSettings;
import io.ppmlab.emulator.server.PlatformConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request-count facet over a real server, with small limits so that the test is fast: 20 requests per
 * 2 s window per user. Each test signs in as its own user, so the counters of one test never touch another's.
 */
class ServiceProtectionAcceptanceTest {
    static final int LIMIT = 20;
    static final Duration WINDOW = Duration.ofSeconds(2);

    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator(c -> c.withPlatform(PlatformConfig.DEFAULT.withProtection(
            new ProtectionSettings(true, LIMIT, WINDOW, 1_200_000, 52, Duration.ofMillis(500), 1))));

    private static final String PROJECTS = "sensei_projects?$select=sensei_name&$top=1";

    @Test
    void theRequestAfterTheLimitIsRefusedWithDataversesCodeMessageAndRetryAfter() {
        LabHttp http = lab.http();
        String token = http.token("green@contoso.test", "demo");
        for (int i = 0; i < LIMIT; i++) {
            LabHttp.Reply ok = http.get(token, PROJECTS);
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(ok.header("x-ms-ratelimit-burst-remaining-xrm-requests")).isEqualTo(Integer.toString(LIMIT - 1 - i));
        }
        LabHttp.Reply refused = http.get(token, PROJECTS);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("0x80072322");
        assertThat(refused.json().path("error").path("message").asText())
                .isEqualTo("Number of requests exceeded the limit of 20 over time window of 2 seconds.");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, WINDOW.toSeconds() + 1);
    }

    @Test
    void modelledTimeIsReportedOnEveryResponseAndTheTimeHeaderDecreasesByIt() {
        LabHttp http = lab.http();
        String token = http.token("purple@contoso.test", "demo");
        LabHttp.Reply first = http.get(token, PROJECTS);
        LabHttp.Reply second = http.get(token, PROJECTS);
        double modelled = Double.parseDouble(second.header("x-ms-lab-modelled-ms"));
        assertThat(modelled).isPositive();
        double before = seconds(first.header("x-ms-ratelimit-time-remaining-xrm-requests"));
        double after = seconds(second.header("x-ms-ratelimit-time-remaining-xrm-requests"));
        assertThat(before - after).isCloseTo(modelled / 1000, org.assertj.core.data.Offset.offset(0.011));
        assertThat(first.header("set-cookie")).startsWith("ARRAffinity=");
    }

    static double seconds(String header) { return Double.parseDouble(header.replace(",", "")); }
}

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

    @Test
    void aThrottledClientRecoversOnceRetryAfterHasPassed() throws InterruptedException {
        LabHttp http = lab.http();
        String token = http.token("yellow@contoso.test", "demo");
        LabHttp.Reply refused = null;
        for (int i = 0; i <= LIMIT; i++) refused = http.get(token, PROJECTS);
        assertThat(refused.status()).isEqualTo(429);
        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 100);
        LabHttp.Reply again = http.get(token, PROJECTS);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
    }

    @Test
    void retryAfterGrowsWhenTheClientKeepsPushing() {
        LabHttp http = lab.http();
        String token = http.token("red@contoso.test", "demo");
        for (int i = 0; i < LIMIT; i++) http.get(token, PROJECTS);
        long first = Long.parseLong(http.get(token, PROJECTS).header("Retry-After"));
        LabHttp.Reply last = null;
        for (int i = 0; i < 8; i++) last = http.get(token, PROJECTS); // 8 x 500 ms escalation, capped at two 2 s windows
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.errorCode()).isEqualTo("0x80072322");
        assertThat(Long.parseLong(last.header("Retry-After"))).isGreaterThan(first).isLessThanOrEqualTo(2 * WINDOW.toSeconds());
    }

    @Test
    void aBatchCountsOnceTowardTheRequestsAndAllItsPartsTowardTheExecutionTime() {
        LabHttp http = lab.http();
        String token = http.token("pmo@contoso.test", "demo");
        String one = "sensei_projects?$select=sensei_name&$top=3";
        LabHttp.Reply single = http.get(token, one);
        double singleMs = Double.parseDouble(single.header("x-ms-lab-modelled-ms"));
        long before = Long.parseLong(single.header("x-ms-ratelimit-burst-remaining-xrm-requests"));
        String body = new BatchMultipart().get(one).get(one).get(one).get(one).build();
        LabHttp.Reply batch = http.batch(token, BatchMultipart.BOUNDARY, body);
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(Long.parseLong(batch.header("x-ms-ratelimit-burst-remaining-xrm-requests"))).isEqualTo(before - 1);
        double batchMs = Double.parseDouble(batch.header("x-ms-lab-modelled-ms"));
        assertThat(batchMs).as("four parts each pay what the request alone costs").isGreaterThan(4 * singleMs * 0.9);
        double spent = seconds(single.header("x-ms-ratelimit-time-remaining-xrm-requests")) - seconds(batch.header("x-ms-ratelimit-time-remaining-xrm-requests"));
        assertThat(spent).isCloseTo(batchMs / 1000, org.assertj.core.data.Offset.offset(0.011));
    }

    @Test
    void anApplicationUserHasTheSameLimits() {
        LabHttp http = lab.http();
        LabHttp.Reply issued = http.tokenRequest(java.util.Map.of("grant_type", "client_credentials",
                "client_id", io.ppmlab.datasets.DemoOrganisation.APP_CLIENT_ID.toString(), "client_secret", "demo-app-secret",
                "scope", http.root() + "/.default"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String token = issued.json().path("access_token").asText();
        for (int i = 0; i < LIMIT; i++) assertThat(http.get(token, PROJECTS).status()).isEqualTo(200);
        LabHttp.Reply refused = http.get(token, PROJECTS);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("0x80072322");
    }

    @Test
    void tokenAndDiscoveryEndpointsAreNotLimited() {
        LabHttp http = lab.http();
        for (int i = 0; i < LIMIT + 5; i++) http.token("resourcemanager@contoso.test", "demo");
        String token = http.token("resourcemanager@contoso.test", "demo");
        assertThat(http.get(token, PROJECTS).status()).isEqualTo(200);
    }

    static double seconds(String header) { return Double.parseDouble(header.replace(",", "")); }
}

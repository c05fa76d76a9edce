package io.ppmlab.emulator.acceptance;

import io.ppmlab.emulator.protection.ProtectionSettings;
import io.ppmlab.emulator.server.PlatformConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The execution-time facet and the web servers behind the affinity cookie, over a real server with two
 * web servers and a small execution-time budget (200 modelled ms per 2 s window).
 */
class ServiceProtectionServersAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator(c -> c.withPlatform(PlatformConfig.DEFAULT.withProtection(
            new ProtectionSettings(true, 1000, Duration.ofSeconds(2), 200, 52, Duration.ZERO, 2))));

    private static final String PROJECTS = "sensei_projects?$select=sensei_name";

    @Test
    void executionTimeFacetRefusesOnceTheModelledTimeIsSpent() {
        LabHttp http = lab.http();
        String token = http.token("green@contoso.test", "demo");
        String cookie = http.get(token, PROJECTS).header("set-cookie").split(";")[0];
        double spent = 0;
        LabHttp.Reply r;
        int admitted = 1;
        while ((r = http.get(token, PROJECTS, "Cookie", cookie)).status() == 200) {
            spent += Double.parseDouble(r.header("x-ms-lab-modelled-ms"));
            admitted++;
            assertThat(admitted).as("the 200 ms budget is spent within a few requests").isLessThan(100);
        }
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.errorCode()).isEqualTo("0x80072321");
        assertThat(r.json().path("error").path("message").asText()).startsWith(
                "Combined execution time of incoming requests exceeded limit of 200 milliseconds over time window of 2 seconds.");
        assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 3L);
        assertThat(spent).isGreaterThanOrEqualTo(200 - 200.0 / admitted * 2);
    }

    @Test
    void theAffinityCookieKeepsAClientOnItsServerAndDroppingItSplitsTheCounters() {
        LabHttp http = lab.http();
        String token = http.token("purple@contoso.test", "demo");
        // without the cookie: spread round-robin, each server counts its own share
        LabHttp.Reply a = http.get(token, PROJECTS);
        LabHttp.Reply b = http.get(token, PROJECTS);
        LabHttp.Reply c = http.get(token, PROJECTS);
        LabHttp.Reply d = http.get(token, PROJECTS);
        assertThat(a.header("x-ms-lab-web-server")).isNotEqualTo(b.header("x-ms-lab-web-server"));
        assertThat(c.header("x-ms-lab-web-server")).isEqualTo(a.header("x-ms-lab-web-server"));
        assertThat(burst(a)).isEqualTo(999);
        assertThat(burst(b)).isEqualTo(999);
        assertThat(burst(c)).isEqualTo(998);
        assertThat(burst(d)).isEqualTo(998);
        // with the cookie: every request on the server it names, one counter
        String cookie = a.header("set-cookie").split(";")[0];
        for (int i = 0; i < 4; i++) {
            LabHttp.Reply kept = http.get(token, PROJECTS, "Cookie", cookie);
            assertThat(kept.header("x-ms-lab-web-server")).isEqualTo(a.header("x-ms-lab-web-server"));
            assertThat(burst(kept)).isEqualTo(997 - i);
        }
    }

    private static long burst(LabHttp.Reply r) { return Long.parseLong(r.header("x-ms-ratelimit-burst-remaining-xrm-requests")); }
}

package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.server.PlatformConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve --metrics off} records no request, says so, and changes nothing else the client sees. */
class MetricsOffAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator(c -> c.withPlatform(PlatformConfig.DEFAULT.withMetrics(false)));

    @Test
    void noRequestIsRecordedAndTheJsonViewSaysSo() {
        LabHttp http = lab.http();
        String token = http.token("blue@contoso.test", "demo");
        for (int i = 0; i < 3; i++) {
            LabHttp.Reply r = http.get(token, "sensei_projects?$select=sensei_name", "x-lab-request-name", "t.off.list");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("x-ms-lab-modelled-ms")).isNotBlank(); // the cost model and service protection still run
            assertThat(r.header("x-ms-ratelimit-burst-remaining-xrm-requests")).isNotBlank();
        }
        JsonNode m = http.get(null, http.root() + "/lab/metrics.json").json();
        assertThat(m.path("recording").asBoolean(true)).isFalse();
        assertThat(m.path("requests")).isEmpty();
        assertThat(m.path("operations")).isEmpty();
        assertThat(m.path("serviceProtection").path("requests").asLong()).isEqualTo(6000);
        assertThat(m.path("storage")).isNotEmpty();

        List<PrometheusText.Sample> scrape = PrometheusText.parse(http.get(null, http.root() + "/metrics").body());
        assertThat(PrometheusText.sum(scrape, "lab_requests_total", Map.of())).isZero();
        assertThat(PrometheusText.sum(scrape, "jvm_memory_used_bytes", Map.of())).isPositive();
        assertThat(PrometheusText.sum(scrape, "lab_store_rows", Map.of("table", "sensei_project"))).isPositive();
    }
}

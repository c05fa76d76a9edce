package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** {@code /lab/metrics.json} and {@code /metrics} agree with the requests made. */
class MetricsAcceptanceTest {
    @RegisterExtension
    static final RunningEmulator lab = new RunningEmulator();

    @Test
    void jsonViewAggregatesByRequestNameAndOperation() {
        LabHttp http = lab.http();
        String token = http.token("blue@contoso.test", "demo");
        http.post(null, root(http) + "/lab/metrics/reset", null);
        double modelled = 0;
        long bytes = 0;
        for (int i = 0; i < 5; i++) {
            LabHttp.Reply r = http.get(token, "sensei_projects?$select=sensei_name", "x-lab-request-name", "t.projects.list");
            assertThat(r.status()).isEqualTo(200);
            modelled += Double.parseDouble(r.header("x-ms-lab-modelled-ms"));
            bytes += r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        LabHttp.Reply missing = http.get(token, "sensei_projects(00000000-0000-0000-0000-000000000001)", "x-lab-request-name", "t.projects.missing");
        assertThat(missing.status()).isEqualTo(404);

        JsonNode m = http.get(null, root(http) + "/lab/metrics.json").json();
        assertThat(m.path("schema").asText()).isEqualTo("ppm-lab/server-metrics/1");
        assertThat(m.path("recording").asBoolean(false)).isTrue();
        JsonNode list = byName(m.path("requests"), "name", "t.projects.list");
        assertThat(list.path("count").asLong()).isEqualTo(5);
        assertThat(list.path("rowsRead").asLong()).isPositive();
        assertThat(list.path("rowsWritten").asLong()).isZero();
        assertThat(list.path("responseBytes").asLong()).isEqualTo(bytes);
        assertThat(list.path("modelledMs").asDouble()).isCloseTo(modelled, offset(0.05));
        assertThat(list.path("status").path("200").asLong()).isEqualTo(5);
        assertThat(list.path("serverP95Ms").asDouble()).isGreaterThanOrEqualTo(list.path("serverP50Ms").asDouble()).isPositive();
        assertThat(byName(m.path("requests"), "name", "t.projects.missing").path("status").path("404").asLong()).isEqualTo(1);
        JsonNode query = byOperation(m.path("operations"), "query", "sensei_project");
        assertThat(query.path("count").asLong()).isEqualTo(5);
        assertThat(m.path("throttled").path("requests").asLong()).isZero();
        assertThat(m.path("serviceProtection").path("requests").asLong()).isEqualTo(6000);
        assertThat(byName(m.path("storage"), "table", "sensei_project").path("rows").asLong()).isPositive();
        assertThat(m.toString()).doesNotContain("IT Project");
    }

    @Test
    void prometheusTextParsesAndCountsTheRequests() {
        LabHttp http = lab.http();
        String token = http.token("green@contoso.test", "demo");
        List<PrometheusText.Sample> before = PrometheusText.parse(http.get(null, root(http) + "/metrics").body());
        for (int i = 0; i < 3; i++) assertThat(http.get(token, "sensei_portfolios?$select=sensei_name").status()).isEqualTo(200);
        LabHttp.Reply scrape = http.get(null, root(http) + "/metrics");
        assertThat(scrape.header("content-type")).startsWith("text/plain");
        List<PrometheusText.Sample> after = PrometheusText.parse(scrape.body());
        Map<String, String> labels = Map.of("operation", "query", "table", "sensei_portfolio", "status", "200");
        assertThat(PrometheusText.sum(after, "lab_requests_total", labels) - PrometheusText.sum(before, "lab_requests_total", labels)).isEqualTo(3);
        Map<String, String> op = Map.of("operation", "query", "table", "sensei_portfolio");
        assertThat(PrometheusText.sum(after, "lab_server_time_seconds_count", op) - PrometheusText.sum(before, "lab_server_time_seconds_count", op)).isEqualTo(3);
        assertThat(PrometheusText.sum(after, "lab_rows_read_total", op)).isPositive();
        assertThat(PrometheusText.sum(after, "lab_modelled_ms_total", op)).isPositive();
        assertThat(PrometheusText.sum(after, "lab_store_rows", Map.of("table", "sensei_portfolio"))).isPositive();
        assertThat(PrometheusText.sum(after, "jvm_memory_used_bytes", Map.of())).isPositive();
        assertThat(after.stream().anyMatch(s -> s.name().equals("lab_throttled_total") && "executionTime".equals(s.labels().get("facet")))).isTrue();
    }

    private static String root(LabHttp http) { return http.root(); }

    private static JsonNode byName(JsonNode array, String field, String value) {
        for (JsonNode n : array) if (n.path(field).asText().equals(value)) return n;
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static JsonNode byOperation(JsonNode array, String operation, String table) {
        for (JsonNode n : array) if (n.path("operation").asText().equals(operation) && n.path("table").asText().equals(table)) return n;
        throw new AssertionError("no " + operation + " on " + table + " in " + array);
    }
}

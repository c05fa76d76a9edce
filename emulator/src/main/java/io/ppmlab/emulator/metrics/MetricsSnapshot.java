package io.ppmlab.emulator.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ppmlab.emulator.protection.Facet;
import io.ppmlab.emulator.protection.ProtectionSettings;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A copy of the JSON view's figures, written as {@code /lab/metrics.json} (schema {@value #SCHEMA}).
 *
 * @param recording false when the emulator runs with {@code --metrics off}: no request is recorded
 */
public record MetricsSnapshot(boolean recording, Instant since, Instant collectedAt, Map<String, StatsBlock.Snapshot> names,
                              Map<LabMetrics.OperationKey, StatsBlock.Snapshot> operations, Map<Facet, Long> throttled) {
    public static final String SCHEMA = "ppm-lab/server-metrics/1";
    private static final JsonFactory JSON = new JsonFactory();

    /** A table's row count and real bytes in the store. */
    public record TableSize(String table, long rows, long realBytes) {}

    public String toJson(ProtectionSettings limits, String costProfile, List<TableSize> storage) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeBooleanField("recording", recording);
            g.writeStringField("startedAt", since.toString());
            g.writeStringField("collectedAt", collectedAt.toString());
            g.writeStringField("costProfile", costProfile);
            g.writeArrayFieldStart("requests");
            for (var e : names.entrySet()) {
                g.writeStartObject();
                g.writeStringField("name", e.getKey());
                figures(g, e.getValue(), "serverP50Ms", "serverP95Ms", "serverP99Ms", "serverMaxMs");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("operations");
            for (var e : operations.entrySet()) {
                g.writeStartObject();
                g.writeStringField("operation", e.getKey().operation());
                g.writeStringField("table", e.getKey().table());
                figures(g, e.getValue(), "p50Ms", "p95Ms", "p99Ms", "maxMs");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("throttled");
            for (Facet f : Facet.values()) g.writeNumberField(f.metricName(), throttled.getOrDefault(f, 0L));
            g.writeEndObject();
            g.writeObjectFieldStart("serviceProtection");
            g.writeBooleanField("enabled", limits.enabled());
            g.writeNumberField("requests", limits.requests());
            g.writeNumberField("windowSeconds", limits.window().toMillis() / 1000.0);
            g.writeNumberField("executionTimeMs", limits.executionMs());
            g.writeNumberField("concurrency", limits.concurrency());
            g.writeNumberField("escalationSeconds", limits.escalation().toMillis() / 1000.0);
            g.writeNumberField("webServers", limits.webServers());
            g.writeEndObject();
            g.writeArrayFieldStart("storage");
            for (TableSize t : storage) {
                g.writeStartObject();
                g.writeStringField("table", t.table());
                g.writeNumberField("rows", t.rows());
                g.writeNumberField("realBytes", t.realBytes());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void figures(JsonGenerator g, StatsBlock.Snapshot s, String p50, String p95, String p99, String max) throws IOException {
        g.writeNumberField("count", s.count());
        g.writeNumberField("rowsRead", s.rowsRead());
        g.writeNumberField("rowsWritten", s.rowsWritten());
        g.writeNumberField("responseBytes", s.responseBytes());
        g.writeNumberField("modelledMs", s.modelledMs());
        g.writeNumberField(p50, s.p50Ms());
        g.writeNumberField(p95, s.p95Ms());
        g.writeNumberField(p99, s.p99Ms());
        g.writeNumberField(max, s.maxMs());
        g.writeObjectFieldStart("status");
        for (var st : s.statuses().entrySet()) g.writeNumberField(Integer.toString(st.getKey()), st.getValue());
        g.writeEndObject();
    }
}

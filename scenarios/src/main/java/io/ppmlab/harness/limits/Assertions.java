package io.ppmlab.harness.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A suite's latency assertions, from the committed file {@code assertions/<suite>.json} (one entry per request name,
 * {@code "*"} for every name without its own; each with the {@code source} of its number). Evaluated on the recorded
 * figures; a request name with an assertion but no sample fails it (nothing measured is not a pass).
 */
public record Assertions(String suite, List<Entry> entries) {
    /** One assertion: the request name (or *), the metric (p50Ms, p95Ms, p99Ms, maxMs), its bound and where it comes from. */
    public record Entry(String request, String metric, double max, String source) {}

    public static Assertions load(String suite) {
        try (InputStream in = Assertions.class.getResourceAsStream("/assertions/" + suite + ".json")) {
            if (in == null) throw new IllegalStateException("no assertion file for suite " + suite);
            JsonNode doc = new ObjectMapper().readTree(in);
            List<Entry> entries = new ArrayList<>();
            for (JsonNode a : doc.path("assertions")) {
                entries.add(new Entry(a.path("request").asText(), a.path("metric").asText("p95Ms"), a.path("max").asDouble(), a.path("source").asText()));
            }
            return new Assertions(suite, List.copyOf(entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<AssertionResult> evaluate(Map<String, Map<String, Object>> requests) {
        List<AssertionResult> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.request().equals("*")) continue;
            out.add(one(e, e.request(), requests.get(e.request())));
        }
        Entry wildcard = entries.stream().filter(e -> e.request().equals("*")).findFirst().orElse(null);
        if (wildcard != null) {
            for (Map.Entry<String, Map<String, Object>> r : requests.entrySet()) {
                boolean own = entries.stream().anyMatch(e -> e.request().equals(r.getKey()));
                if (!own && !r.getKey().endsWith(".signin")) out.add(one(wildcard, r.getKey(), r.getValue()));
            }
        }
        return out;
    }

    private static AssertionResult one(Entry e, String request, Map<String, Object> figures) {
        Object v = figures == null ? null : figures.get(e.metric());
        Double measured = v instanceof Number n ? n.doubleValue() : null;
        return new AssertionResult(request, e.metric(), e.max(), measured, e.source(), measured != null && measured <= e.max());
    }
}

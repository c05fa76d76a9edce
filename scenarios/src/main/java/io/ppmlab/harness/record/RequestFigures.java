package io.ppmlab.harness.record;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** One request name's entry of {@code results.json} (schema in the README, "Results"), from a recorded snapshot. */
final class RequestFigures {
    private RequestFigures() {}

    static Map<String, Object> of(RequestStats.Snapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("persona", s.persona());
        m.put("count", s.count());
        // Served as expected: neither an unexpected status nor a 429 (those were retried, or gave up: unexpected).
        m.put("ok", s.count() - s.unexpected() + s.gaveUp() - s.throttled());
        Map<String, Long> errors = new TreeMap<>();
        long expectedRefusals = 0;
        for (Map.Entry<Integer, Long> e : s.statuses().entrySet()) {
            boolean isExpected = s.expected().contains(e.getKey());
            if (e.getKey() >= 400 && isExpected) expectedRefusals += e.getValue();
            if (!isExpected && e.getKey() != 429) errors.put(String.valueOf(e.getKey()), e.getValue());
        }
        if (s.gaveUp() > 0) errors.put("429", s.gaveUp());
        m.put("errors", errors);
        m.put("expectedRefusals", expectedRefusals);
        m.put("throttled", s.throttled());
        m.put("throttledGaveUp", s.gaveUp());
        m.put("statuses", s.statuses().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> String.valueOf(e.getKey()), Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
        m.put("warmUpRequests", s.warmUp()); // answered during the warm-up: in the counts and the series, not in the percentiles
        Histogram h = s.histogram();
        if (h.getTotalCount() > 0) {
            m.put("p50Ms", ms(h.getValueAtPercentile(50)));
            m.put("p90Ms", ms(h.getValueAtPercentile(90)));
            m.put("p95Ms", ms(h.getValueAtPercentile(95)));
            m.put("p99Ms", ms(h.getValueAtPercentile(99)));
            m.put("maxMs", ms(h.getMaxValue()));
            m.put("meanMs", Math.round(h.getMean()) / 1000.0);
        }
        m.put("throughputPerSecond", Math.round(s.count() / s.runSeconds() * 1000) / 1000.0);
        m.put("responseBytes", s.bytes());
        m.put("series", s.series());
        return m;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}

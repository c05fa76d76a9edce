package io.ppmlab.reports.results;

import java.util.List;
import java.util.Map;

/** Client-side figures of one request name: counts, errors by HTTP status, latency percentiles, per-second series. */
public record RequestStats(String name, String persona, Long count, Long ok, Map<String, Long> errors,
                           Long expectedRefusals, Double p50Ms, Double p90Ms, Double p95Ms, Double p99Ms, Double maxMs,
                           Double meanMs, Double throughputPerSecond, Long responseBytes, List<Second> series) {

    public RequestStats {
        errors = errors == null ? Map.of() : errors;
        series = series == null ? List.of() : List.copyOf(series);
    }

    public long countOrZero() {
        return count == null ? 0 : count;
    }

    public long errorTotal() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One second of a request name's traffic; {@code throttled} counts 429s apart from other errors. */
    public record Second(int second, long count, long errors, long throttled, Double p50Ms, Double p95Ms) {}
}

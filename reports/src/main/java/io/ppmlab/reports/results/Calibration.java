package io.ppmlab.reports.results;

/**
 * The same run's reference: throughput of the bare endpoint (no security, no store) measured by the harness, so
 * that time figures can be read as ratios to what this machine did at that moment.
 */
public record Calibration(String endpoint, Double requestsPerSecond, Double p50Ms, Double p95Ms, Long requests,
                          Double durationSeconds, Integer concurrency) {

    /** Milliseconds of one bare request's share of the machine (1000 / throughput), or null without a figure. */
    public Double bareRequestMs() {
        return requestsPerSecond == null || requestsPerSecond <= 0 ? null : 1000.0 / requestsPerSecond;
    }
}

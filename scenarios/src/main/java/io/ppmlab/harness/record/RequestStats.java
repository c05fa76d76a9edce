package io.ppmlab.harness.record;

import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything recorded for one request name: a whole-run latency histogram, statuses, bytes, and one small histogram
 * per second of the run for the time series. Guarded by its own monitor: Gatling answers on several threads.
 */
final class RequestStats {
    /** Microseconds from 1 µs to 10 minutes at 3 significant digits (0.1 % error on a percentile). */
    private static final long MAX_MICROS = 600_000_000L;

    final String name;
    final String persona;
    final Set<Integer> expected;
    private final Histogram all = new Histogram(MAX_MICROS, 3);
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private final Map<Long, Second> seconds = new TreeMap<>();
    private long count;
    private long unexpected;
    private long bytes;
    private long throttled;
    private long gaveUp;
    private long warmUp;

    RequestStats(String name, String persona, Set<Integer> expected) {
        this.name = name;
        this.persona = persona;
        this.expected = Set.copyOf(expected);
    }

    /**
     * One answered request. A request started during the warm-up counts everywhere (statuses, errors, bytes, the series)
     * except in the whole-run latency histogram, which describes the steady state.
     */
    synchronized void record(int status, long micros, long responseBytes, long second, boolean duringWarmUp) {
        long v = Math.max(1, Math.min(micros, MAX_MICROS));
        statuses.merge(status, 1L, Long::sum);
        count++;
        bytes += responseBytes;
        if (status == 429 && !expected.contains(status)) {
            // Throttled: the journey waits Retry-After and retries. Its few-ms refusal is kept out of the latency
            // figures, which describe answers that were served.
            throttled++;
            seconds.computeIfAbsent(second, s -> new Second()).throttled++;
            return;
        }
        if (duringWarmUp) warmUp++;
        else all.recordValue(v);
        boolean bad = !expected.contains(status);
        if (bad) unexpected++;
        seconds.computeIfAbsent(second, s -> new Second()).add(v, status, bad);
    }

    synchronized void gaveUp() {
        gaveUp++;
        unexpected++;
    }

    synchronized Snapshot snapshot(double runSeconds) {
        return new Snapshot(name, persona, count, unexpected, throttled, gaveUp, warmUp, new TreeMap<>(statuses), expected, all.copy(), bytes, runSeconds,
                seconds.entrySet().stream().map(e -> e.getValue().point(e.getKey())).toList());
    }

    /** One second of one request name. */
    private static final class Second {
        final Histogram h = new Histogram(MAX_MICROS, 2);
        long errors;
        long throttled;

        void add(long micros, int status, boolean bad) {
            h.recordValue(micros);
            if (bad) errors++;
            if (status == 429) throttled++;
        }

        SeriesPoint point(long second) {
            return new SeriesPoint(second, h.getTotalCount(), errors, throttled, h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(95) / 1000.0);
        }
    }

    /** One point of the per-second series. */
    public record SeriesPoint(long second, long count, long errors, long throttled, double p50Ms, double p95Ms) {}

    /** A consistent copy for writing out. */
    record Snapshot(String name, String persona, long count, long unexpected, long throttled, long gaveUp, long warmUp, Map<Integer, Long> statuses, Set<Integer> expected,
                    Histogram histogram, long bytes, double runSeconds, java.util.List<SeriesPoint> series) {}
}

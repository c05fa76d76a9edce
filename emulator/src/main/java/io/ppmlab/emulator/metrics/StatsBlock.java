package io.ppmlab.emulator.metrics;

import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counters and a server-time histogram for one request name or one operation on one table, since start
 * or the last reset. Synchronized: each block has its own lock, so requests of different names or
 * operations never contend.
 */
public final class StatsBlock {
    /** Server time in microseconds, 1 µs to 10 min, 2 significant digits (1 % resolution). */
    private final Histogram serverMicros = new Histogram(1, 600_000_000L, 2);
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private long count;
    private long rowsRead;
    private long rowsWritten;
    private long responseBytes;
    private double modelledMs;

    synchronized void add(Observation o) {
        count++;
        rowsRead += o.work().rowsRead();
        rowsWritten += o.work().get(io.ppmlab.emulator.cost.Quantity.ROWS_WRITTEN);
        responseBytes += o.responseBytes();
        modelledMs += o.modelledMs();
        statuses.merge(o.status(), 1L, Long::sum);
        serverMicros.recordValue(Math.min(600_000_000L, Math.max(1, o.serverNanos() / 1000)));
    }

    /** A consistent copy of the figures. */
    synchronized Snapshot snapshot() {
        return new Snapshot(count, rowsRead, rowsWritten, responseBytes, Math.round(modelledMs * 100) / 100.0,
                ms(serverMicros.getValueAtPercentile(50)), ms(serverMicros.getValueAtPercentile(95)),
                ms(serverMicros.getValueAtPercentile(99)), ms(serverMicros.getMaxValue()), new TreeMap<>(statuses));
    }

    private static double ms(long micros) { return micros / 1000.0; }

    public record Snapshot(long count, long rowsRead, long rowsWritten, long responseBytes, double modelledMs,
                    double p50Ms, double p95Ms, double p99Ms, double maxMs, Map<Integer, Long> statuses) {}
}

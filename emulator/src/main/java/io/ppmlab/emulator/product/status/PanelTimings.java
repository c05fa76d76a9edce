package io.ppmlab.emulator.product.status;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Server-side time of each panel's calculation (its queries through the query engine) and of whole panel
 * snapshots, since start: what one status update costs, per panel, without row data.
 */
final class PanelTimings {
    record Stat(long count, double totalMs, double maxMs) {}

    private static final class Acc {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final AtomicLong max = new AtomicLong();

        void add(long n) {
            count.increment();
            nanos.add(n);
            max.accumulateAndGet(n, Math::max);
        }

        Stat stat() { return new Stat(count.sum(), nanos.sum() / 1e6, max.get() / 1e6); }
    }

    private final Map<String, Acc> panels = new ConcurrentHashMap<>();
    private final Acc snapshots = new Acc();

    void panel(String field, long nanos) { panels.computeIfAbsent(field, k -> new Acc()).add(nanos); }

    void snapshot(long nanos) { snapshots.add(nanos); }

    Map<String, Stat> panels() {
        Map<String, Stat> out = new TreeMap<>();
        panels.forEach((k, v) -> out.put(k, v.stat()));
        return out;
    }

    Stat snapshots() { return snapshots.stat(); }
}

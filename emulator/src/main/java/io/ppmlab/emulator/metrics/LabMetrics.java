package io.ppmlab.emulator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ppmlab.emulator.cost.Quantity;
import io.ppmlab.emulator.protection.Facet;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * The emulator's own measurements of the Web API requests it serves: Prometheus meters through
 * Micrometer ({@code /metrics}) and the per-request-name and per-operation figures the harness reads
 * ({@code /lab/metrics.json}). Counts and timings only, never row data.
 */
public final class LabMetrics {
    /** Distinct request names kept; later names are counted under {@link #OTHER} (bounded memory and label cardinality). */
    public static final int MAX_NAMES = 1_000;
    public static final String OTHER = "other";
    public static final String UNNAMED = "(unnamed)";
    static final int MAX_NAME_LENGTH = 200;

    private static final Duration[] BUCKETS = java.util.stream.LongStream.of(250, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000,
            100_000, 250_000, 1_000_000, 5_000_000, 30_000_000).mapToObj(Duration::ofNanos).map(d -> d.multipliedBy(1_000)).toArray(Duration[]::new);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentHashMap<String, StatsBlock> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<OperationKey, OperationMeters> byOperation = new ConcurrentHashMap<>();
    private final Map<Facet, LongAdder> throttled = new EnumMap<>(Facet.class);
    private final Map<Facet, Counter> throttledCounters = new EnumMap<>(Facet.class);
    private volatile Instant since = Instant.now();
    private final boolean recording;

    /** Metrics that record every request. */
    public LabMetrics() { this(true); }

    /** @param recording false to record no request (the JVM and store meters stay), for measuring what recording costs */
    public LabMetrics(boolean recording) {
        this.recording = recording;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        for (Facet f : Facet.values()) {
            throttled.put(f, new LongAdder());
            throttledCounters.put(f, Counter.builder("lab.throttled").description("Requests refused by service protection (429), by facet")
                    .tag("facet", f.metricName()).register(registry));
        }
    }

    /** Publishes a per-table gauge (e.g. rows and bytes in the store), read when scraped. */
    public <T> void tableGauge(String name, String description, String table, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).tag("table", table).register(registry);
    }

    /** Publishes a monotonic count kept elsewhere (e.g. the security model's rebuilds), read when scraped. */
    public <T> void functionCounter(String name, String description, String kind, T source, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value).description(description).tag("kind", kind).register(registry);
    }

    /** Whether requests are recorded; when not, callers need not even build an {@link Observation}. */
    public boolean recording() { return recording; }

    public void record(Observation o) {
        if (!recording) return;
        operation(o.work().operation(), o.work().table()).add(o);
        name(o.requestName()).add(o);
        if (o.throttled() != null) {
            throttled.get(o.throttled()).increment();
            throttledCounters.get(o.throttled()).increment();
        }
    }

    /** Zeroes the JSON view's figures (the Prometheus counters stay monotonic, as Prometheus expects). */
    public void reset() {
        byName.clear();
        byOperation.values().forEach(OperationMeters::reset);
        throttled.values().forEach(LongAdder::reset);
        since = Instant.now();
    }

    public String prometheus() { return registry.scrape(); }

    public MetricsSnapshot snapshot() {
        Map<String, StatsBlock.Snapshot> names = new java.util.TreeMap<>();
        byName.forEach((n, b) -> names.put(n, b.snapshot()));
        Map<OperationKey, StatsBlock.Snapshot> ops = new java.util.TreeMap<>();
        byOperation.forEach((k, m) -> {
            StatsBlock.Snapshot s = m.json().snapshot();
            if (s.count() > 0) ops.put(k, s);
        });
        Map<Facet, Long> facets = new EnumMap<>(Facet.class);
        throttled.forEach((f, a) -> facets.put(f, a.sum()));
        return new MetricsSnapshot(recording, since, Instant.now(), names, ops, facets);
    }

    private StatsBlock name(String raw) {
        String name = raw == null || raw.isBlank() ? UNNAMED : raw.length() > MAX_NAME_LENGTH ? raw.substring(0, MAX_NAME_LENGTH) : raw;
        StatsBlock block = byName.get(name);
        if (block != null) return block;
        if (byName.size() >= MAX_NAMES) return byName.computeIfAbsent(OTHER, k -> new StatsBlock());
        return byName.computeIfAbsent(name, k -> new StatsBlock());
    }

    private OperationMeters operation(String operation, String table) {
        OperationKey key = new OperationKey(operation, table);
        OperationMeters m = byOperation.get(key);
        return m != null ? m : byOperation.computeIfAbsent(key, k -> new OperationMeters(k));
    }

    /** An operation kind on a table (table empty when the operation has none). */
    public record OperationKey(String operation, String table) implements Comparable<OperationKey> {
        @Override
        public int compareTo(OperationKey o) {
            int c = operation.compareTo(o.operation);
            return c != 0 ? c : table.compareTo(o.table);
        }
    }

    /** The Prometheus meters of one operation on one table, registered once and kept. */
    private final class OperationMeters {
        private final OperationKey key;
        private final Timer serverTime;
        private final Counter modelledMs;
        private final Counter rowsRead;
        private final Counter rowsWritten;
        private final Counter securityChecks;
        private final Counter journalAppends;
        private final Counter journalBytes;
        private final ConcurrentHashMap<Integer, Counter> requests = new ConcurrentHashMap<>();
        private volatile StatsBlock json = new StatsBlock();

        OperationMeters(OperationKey key) {
            this.key = key;
            serverTime = Timer.builder("lab.server.time").description("Time the emulator spent serving Web API requests (injected latency excluded)")
                    .tags("operation", key.operation(), "table", key.table())
                    // 13 fixed buckets instead of Micrometer's ~70 percentile buckets: cheaper per request and per scrape
                    .serviceLevelObjectives(BUCKETS).register(registry);
            modelledMs = counter("lab.modelled.ms", "Modelled Dataverse execution time (cost model), milliseconds");
            rowsRead = counter("lab.rows.read", "Rows read from the store (scanned or fetched)");
            rowsWritten = counter("lab.rows.written", "Rows created, updated or deleted");
            securityChecks = counter("lab.security.checks", "Privilege and access checks");
            journalAppends = counter("lab.journal.appends", "Write batches appended to the change journal");
            journalBytes = counter("lab.journal.bytes", "Bytes appended to the change journal");
        }

        private Counter counter(String name, String description) {
            return Counter.builder(name).description(description).tags("operation", key.operation(), "table", key.table()).register(registry);
        }

        void add(Observation o) {
            serverTime.record(o.serverNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            add(modelledMs, o.modelledMs());
            add(rowsRead, o.work().rowsRead());
            add(rowsWritten, o.work().get(Quantity.ROWS_WRITTEN));
            add(securityChecks, o.work().get(Quantity.SECURITY_CHECKS));
            add(journalAppends, o.work().get(Quantity.JOURNAL_APPENDS));
            add(journalBytes, o.work().get(Quantity.JOURNAL_BYTES));
            Counter c = requests.get(o.status());
            if (c == null) {
                c = requests.computeIfAbsent(o.status(), s -> Counter.builder("lab.requests").description("Web API requests served")
                        .tags("operation", key.operation(), "table", key.table(), "status", Integer.toString(s)).register(registry));
            }
            c.increment();
            json.add(o);
        }

        private static void add(Counter c, double amount) {
            if (amount != 0) c.increment(amount); // most requests write nothing: skip the adder
        }

        StatsBlock json() { return json; }

        void reset() { json = new StatsBlock(); }
    }
}

package io.ppmlab.harness.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client-side figures of a run, recorded by the harness itself because Gatling 3.13+ writes none that a program can
 * read: per request name a latency histogram (HdrHistogram, µs), statuses, response bytes and a per-second series; per
 * persona the journeys run and failed. {@link #write} puts them in {@code requests.json}, which the harness folds into
 * {@code results.json}. Response times are Gatling's own (from its request start to the last byte), so they include
 * the client's queueing like Gatling's report does.
 */
public final class Recorder {
    public static final String PROGRESS_PREFIX = "LAB-PROGRESS ";

    private final Map<String, RequestStats> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong[]> journeys = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final long startMillis = System.currentTimeMillis();
    private volatile long injectionStartNanos = System.nanoTime();
    private volatile long injectionStartCpuNanos = processCpuNanos();
    private final long warmUpMillis;
    private volatile long warmUpEndsMillis = Long.MIN_VALUE;

    /** A recorder whose latency percentiles cover the whole run. */
    public Recorder() { this(Duration.ZERO); }

    /**
     * @param warmUp the first part of the injection whose response times stay out of the whole-run percentiles (JIT,
     *               sign-ins and the users' arrival ramp); its requests still count, errors included
     */
    public Recorder(Duration warmUp) {
        if (warmUp.isNegative()) throw new IllegalArgumentException("a warm-up cannot be negative");
        this.warmUpMillis = warmUp.toMillis();
    }

    /** Declares a request name once, with its persona and the statuses that count as success (e.g. 403 for a refusal it expects). */
    public void declare(String name, String persona, Set<Integer> expectedStatuses) {
        RequestStats previous = requests.putIfAbsent(name, new RequestStats(name, persona, expectedStatuses));
        if (previous != null && !previous.expected.equals(Set.copyOf(expectedStatuses))) {
            throw new IllegalArgumentException("request name " + name + " declared twice with different expected statuses");
        }
    }

    /** One answered request; {@code startMillis}/{@code endMillis} are Gatling's epoch-millisecond timestamps. */
    public void record(String name, int status, long startMillis, long endMillis, long responseBytes) {
        RequestStats stats = requests.get(name);
        if (stats == null) throw new IllegalStateException("request name " + name + " was not declared");
        stats.record(status, (endMillis - startMillis) * 1000, responseBytes, Math.max(0, (startMillis - this.startMillis) / 1000),
                startMillis < warmUpEndsMillis);
    }

    /**
     * A request was still throttled after {@code retries} waits for {@code Retry-After}: an unexpected error (its 429s
     * until then stay counted as throttled).
     */
    public void gaveUp(String name, int retries) {
        RequestStats stats = requests.get(name);
        if (stats == null) throw new IllegalStateException("request name " + name + " was not declared");
        stats.gaveUp();
        checkFailed(name, "still throttled (429) after " + retries + " retries honouring Retry-After");
    }

    /** A check across several responses failed (kept to the first 100 messages). */
    public void checkFailed(String name, String message) {
        synchronized (failures) {
            if (failures.size() < 100) failures.add(name + ": " + message);
        }
    }

    /** A journey ended; {@code failed} when any of its checks failed (Gatling's session state). */
    public void journey(String persona, boolean failed) {
        AtomicLong[] c = journeys.computeIfAbsent(persona, p -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
        c[0].incrementAndGet();
        if (failed) c[1].incrementAndGet();
    }

    /** One progress line per persona for the harness's live display. */
    public void printProgress(PrintStream out) {
        Map<String, long[]> byPersona = new LinkedHashMap<>();
        for (RequestStats r : requests.values()) {
            RequestStats.Snapshot s = r.snapshot(0);
            long[] a = byPersona.computeIfAbsent(s.persona(), p -> new long[4]);
            a[0] += s.count();
            a[1] += s.unexpected();
            a[3] += s.throttled();
            a[2] = Math.max(a[2], s.histogram().getTotalCount() == 0 ? 0 : s.histogram().getValueAtPercentile(95));
        }
        StringBuilder line = new StringBuilder(PROGRESS_PREFIX);
        line.append((System.currentTimeMillis() - startMillis) / 1000).append('s');
        boolean warming = System.currentTimeMillis() < warmUpEndsMillis;
        if (warming) line.append(" warming up (p95 from its end)");
        byPersona.forEach((p, a) -> line.append(String.format(" | %s %d req %d err%s p95 %s", p, a[0], a[1],
                a[3] == 0 ? "" : " " + a[3] + " 429", warming ? "-" : String.format("%.1fms", a[2] / 1000.0))));
        out.println(line);
        out.flush();
    }

    /** The injection starts now: the client's own CPU time is counted from here (JVM start-up and JIT warm-up excluded). */
    public void injectionStarts() {
        warmUpEndsMillis = System.currentTimeMillis() + warmUpMillis;
        injectionStartNanos = System.nanoTime();
        injectionStartCpuNanos = processCpuNanos();
    }

    /**
     * The load generator's own cost since {@link #injectionStarts}: CPU seconds of this JVM (all threads: Gatling's
     * event loops, checks, this recorder) per request sent, so that a reader can tell the injector's cost from the
     * emulator's (README, "Performance of the lab").
     */
    private Map<String, Object> clientCost() {
        long requestsSent = requests.values().stream().mapToLong(r -> r.snapshot(0).count()).sum();
        double cpu = (processCpuNanos() - injectionStartCpuNanos) / 1e9;
        double wall = (System.nanoTime() - injectionStartNanos) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpuSeconds", Math.round(cpu * 1000) / 1000.0);
        m.put("seconds", Math.round(wall * 1000) / 1000.0);
        m.put("requests", requestsSent);
        m.put("cpuMicrosPerRequest", requestsSent == 0 ? null : Math.round(cpu * 1e7 / requestsSent) / 10.0);
        m.put("coresBusy", wall <= 0 ? null : Math.round(cpu / wall * 1000) / 1000.0);
        return m;
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Writes {@code requests.json}. */
    public void write(Path file) {
        double runSeconds = Math.max(0.001, (System.currentTimeMillis() - startMillis) / 1000.0);
        List<Map<String, Object>> out = new ArrayList<>();
        requests.values().stream().map(r -> r.snapshot(runSeconds)).sorted(java.util.Comparator.comparing(RequestStats.Snapshot::name))
                .forEach(s -> out.add(RequestFigures.of(s)));
        Map<String, Object> journeyFigures = new LinkedHashMap<>();
        journeys.forEach((p, c) -> journeyFigures.put(p, Map.of("journeys", c[0].get(), "failed", c[1].get())));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("runSeconds", runSeconds);
        doc.put("warmUpSeconds", warmUpMillis / 1000.0);
        doc.put("requests", out);
        doc.put("journeys", journeyFigures);
        doc.put("client", clientCost());
        synchronized (failures) {
            doc.put("checkFailures", List.copyOf(failures));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

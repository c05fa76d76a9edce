package io.ppmlab.harness.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ppmlab.harness.limits.AssertionResult;
import io.ppmlab.harness.limits.Evidence;
import io.ppmlab.harness.limits.LimitResult;
import io.ppmlab.harness.run.Machine;
import io.ppmlab.harness.run.PointFigures;
import io.ppmlab.harness.run.RunSettings;
import io.ppmlab.harness.scale.GrowthFit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code results.json}, schema {@value #SCHEMA} (documented in the README, "Results"): the one file the report and the
 * gate read. Built section by section as the run goes, written once at the end (also after a failure).
 */
public final class ResultsDocument {
    public static final String SCHEMA = "ppm-lab/results/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Object> run = new LinkedHashMap<>();
    private final Instant started;
    private final List<Map<String, Object>> scalePoints = new ArrayList<>();
    private List<GrowthFit.Fit> fits = List.of();
    private Map<String, Map<String, Object>> requestsByName = new LinkedHashMap<>();

    public ResultsDocument(RunSettings s, Instant started, Machine machine, List<Double> loadStart) {
        this.started = started;
        root.put("schema", SCHEMA);
        root.put("run", run);
        run.put("id", s.out().getFileName().toString());
        GitFacts git = GitFacts.of(s.home());
        run.put("commit", git.commit());
        run.put("dirty", git.dirty());
        run.put("suite", s.suite().label);
        run.put("knobs", s.knobs());
        run.put("seed", s.seed());
        run.put("startedAt", started.toString());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", machine.cores());
        m.put("memoryBytes", machine.memoryBytes());
        m.put("java", machine.java());
        m.put("os", machine.os());
        m.put("loadAverageStart", loadStart);
        run.put("machine", m);
        for (String section : List.of("dataset", "calibration", "requests", "journeys", "server", "limits", "assertions", "storage", "scale", "jmh", "gatling")) {
            root.put(section, null);
        }
    }

    /** The figures of the run's organisation (every suite but scale). */
    public void point(PointFigures f) {
        root.put("dataset", dataset(f));
        root.put("calibration", f.calibration());
        Map<String, Object> emulator = new LinkedHashMap<>();
        emulator.put("url", f.emulatorUrl());
        emulator.put("startedByHarness", f.startedByHarness());
        run.put("emulator", emulator);
        run.put("warmUp", f.warmUp());
        if (f.recorded() != null) {
            List<Map<String, Object>> requests = new ArrayList<>();
            for (JsonNode r : f.recorded().path("requests")) {
                @SuppressWarnings("unchecked") Map<String, Object> m = JSON.convertValue(r, Map.class);
                requests.add(m);
                requestsByName.put(r.path("name").asText(), m);
            }
            root.put("requests", requests);
            root.put("journeys", f.recorded().path("journeys"));
            long throttled = 0;
            for (JsonNode r : f.recorded().path("requests")) throttled += r.path("throttled").asLong();
            run.put("throttled", throttled);
            run.put("cpu", cpu(f));
        }
        root.put("server", server(f.server()));
        root.put("storage", storage(f.storage()));
        root.put("gatling", f.gatling());
    }

    public Map<String, Map<String, Object>> requestsByName() { return requestsByName; }

    public Evidence evidence(PointFigures f, List<AssertionResult> assertions) {
        Map<String, Long> rows = new LinkedHashMap<>();
        if (f.manifest() != null) f.manifest().path("rows").fields().forEachRemaining(e -> rows.put(e.getKey(), e.getValue().asLong()));
        long years = f.manifest() == null ? 4 : f.manifest().path("settings").path("counts").path("years").asLong(4);
        Map<String, Evidence.RequestFigures> figures = new LinkedHashMap<>();
        requestsByName.forEach((name, m) -> figures.put(name, new Evidence.RequestFigures(num(m.get("count")), num(m.get("ok")),
                num(m.get("expectedRefusals")), errors(m.get("errors")), dbl(m.get("p50Ms")), dbl(m.get("p95Ms")))));
        long failedJourneys = 0;
        if (f.recorded() != null) for (JsonNode j : f.recorded().path("journeys")) failedJourneys += j.path("failed").asLong();
        Optional<Double> quota = Optional.ofNullable(f.storage()).map(s -> s.path("capacity").path("quotaPerResourceYearKb"))
                .filter(JsonNode::isNumber).map(JsonNode::asDouble);
        int groups = f.prepared() == null ? 0 : f.prepared().groupsBefore() + f.prepared().groupsCreated();
        return new Evidence(rows, capacityDays(years), figures, assertions, failedJourneys, groups, quota,
                Optional.ofNullable(f.horizon()), f.probes());
    }

    /** Days in a capacity horizon of {@code years} years starting on the profile's anchor (1,461 for 4 years). */
    static long capacityDays(long years) {
        return Math.round(years * 365.25);
    }

    public void scalePoint(long projects, PointFigures f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("projects", projects);
        p.put("dataset", dataset(f));
        p.put("calibration", f.calibration());
        Map<String, Object> queries = new LinkedHashMap<>();
        if (f.recorded() != null) {
            for (JsonNode r : f.recorded().path("requests")) {
                if (r.path("count").asLong() == 0) continue;
                queries.put(r.path("name").asText(), Map.of("p50Ms", r.path("p50Ms").asDouble(), "p95Ms", r.path("p95Ms").asDouble(),
                        "count", r.path("count").asLong(), "errors", errorCount(r.path("errors"))));
            }
        }
        p.put("queries", queries);
        scalePoints.add(p);
        root.put("scale", Map.of("points", scalePoints, "fits", fits));
    }

    public void scaleFits(List<GrowthFit.Fit> fits) {
        this.fits = List.copyOf(fits);
        root.put("scale", Map.of("points", scalePoints, "fits", this.fits, "limitExponent", 0.3,
                "measure", "p50 latency (ms) against projects, least-squares slope in log-log"));
    }

    public boolean scaleFailed() {
        return fits.isEmpty() || fits.stream().anyMatch(f -> !f.holds());
    }

    public List<GrowthFit.Fit> fits() { return fits; }

    public void finish(Instant finished, List<Double> loadEnd, int exitCode, List<String> unexpected, List<LimitResult> limits,
                       List<AssertionResult> assertions) {
        run.put("finishedAt", finished.toString());
        run.put("durationSeconds", Duration.between(started, finished).toMillis() / 1000.0);
        @SuppressWarnings("unchecked") Map<String, Object> machine = (Map<String, Object>) run.get("machine");
        machine.put("loadAverageEnd", loadEnd);
        run.put("exitCode", exitCode);
        run.put("unexpectedErrors", unexpected);
        root.put("limits", limits);
        root.put("assertions", assertions);
    }

    public Path write(Path file) {
        try {
            JSON.writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Map<String, Object> dataset(PointFigures f) {
        Map<String, Object> d = new LinkedHashMap<>();
        JsonNode m = f.manifest();
        d.put("key", f.datasetKey());
        if (m != null) {
            d.put("profile", m.path("profile").asText());
            d.put("seed", m.path("seed").asLong());
            d.put("knobs", m.path("settings").path("counts"));
            d.put("manifest", m.path("rows"));
            d.put("rowsHash", "sha256:" + m.path("rowsSha256").asText());
        }
        return d;
    }

    private static Object server(JsonNode metrics) {
        if (metrics == null) return Map.of("available", false);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("available", true);
        s.put("schema", metrics.path("schema").asText(null));
        s.put("recording", metrics.path("recording").asBoolean(true)); // false: served with --metrics off, no request recorded
        s.put("requests", metrics.path("requests"));
        s.put("operations", metrics.path("operations"));
        s.put("throttled", metrics.path("throttled"));
        s.put("serviceProtection", metrics.path("serviceProtection"));
        return s;
    }

    /**
     * Where the machine's CPU went while the scenarios ran: the load generator's own (measured inside the Gatling JVM
     * from injection start to end) and the emulator's (its process CPU over the Gatling run), each per request sent.
     */
    private static Map<String, Object> cpu(PointFigures f) {
        Map<String, Object> c = new LinkedHashMap<>();
        JsonNode client = f.recorded().path("client");
        c.put("client", client.isMissingNode() ? null : client);
        long requests = client.path("requests").asLong(0);
        if (f.emulatorCpuSeconds() != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("cpuSeconds", f.emulatorCpuSeconds());
            e.put("seconds", Math.round(f.gatlingSeconds() * 1000) / 1000.0);
            e.put("cpuMicrosPerRequest", requests == 0 ? null : Math.round(f.emulatorCpuSeconds() * 1e7 / requests) / 10.0);
            c.put("emulator", e);
        } else {
            c.put("emulator", null);
        }
        double clientCpu = client.path("cpuSeconds").asDouble(0);
        c.put("clientShare", f.emulatorCpuSeconds() == null || clientCpu + f.emulatorCpuSeconds() == 0 ? null
                : Math.round(clientCpu / (clientCpu + f.emulatorCpuSeconds()) * 1000) / 1000.0);
        return c;
    }

    private static Object storage(JsonNode meter) {
        if (meter == null) return null;
        List<Map<String, Object>> tables = new ArrayList<>();
        for (JsonNode t : meter.path("tables")) {
            if (t.path("rows").asLong() == 0) continue;
            tables.add(Map.of("table", t.path("table").asText(), "rows", t.path("rows").asLong(), "realBytes", t.path("storeBytes").asLong(),
                    "quotaBytes", t.path("quotaBytes").asLong()));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("tables", tables);
        s.put("totalRealBytes", meter.path("storeBytes").asLong());
        s.put("totalQuotaBytes", meter.path("quotaBytes").asLong());
        JsonNode c = meter.path("capacity");
        if (!c.isMissingNode() && !c.isNull()) {
            s.put("capacity", Map.of("rows", c.path("rows").asLong(), "resourceYears", c.path("resourceYears").asDouble(),
                    "quotaPerResourceYearKb", c.path("quotaPerResourceYearKb").asDouble(), "documentedKb", c.path("documentedKb").asDouble(),
                    "deviation", c.path("deviation").asDouble()));
        }
        return s;
    }

    private static long errorCount(JsonNode errors) {
        long n = 0;
        for (JsonNode v : errors) n += v.asLong();
        return n;
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    private static Double dbl(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static Map<String, Long> errors(Object o) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), num(v)));
        return out;
    }
}

package io.ppmlab.reports.gate;

import io.ppmlab.reports.jmh.JmhBenchmark;
import io.ppmlab.reports.jmh.JmhParser;
import io.ppmlab.reports.results.Calibration;
import io.ppmlab.reports.results.Limit;
import io.ppmlab.reports.results.RequestStats;
import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.Server;
import io.ppmlab.reports.results.Storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Extracts the gated figures of one run, each with its kind, direction and tolerance. */
public final class Figures {
    /**
     * A p50 from fewer samples than this is one or two requests' luck; the figure is left to the persona and
     * whole-run aggregates, which pool every request of the journey.
     */
    public static final int MIN_SAMPLES_P50 = 5;
    /** Below this a p95 is decided by one or two slow requests. */
    public static final int MIN_SAMPLES_P95 = 100;
    /** Response bodies carry version numbers and dates whose width can change by a character: 1 % absorbs that. */
    static final double RESPONSE_BYTES_TOLERANCE = 0.01;
    /** Quota and real storage after the run's own writes: modelled, so tight; 0.5 % absorbs a row's width changing. */
    static final double STORAGE_TOLERANCE = 0.005;
    /** JMH's gc.alloc.rate.norm moves a few per cent with JIT and TLAB decisions; beyond 5 % + 64 B the code allocates more. */
    static final double ALLOCATION_TOLERANCE = 0.05;
    static final double ALLOCATION_SLACK_BYTES = 64;
    /** The same-run reference for JMH timings: a fixed amount of CPU work (see ReferenceBenchmark). */
    public static final String JMH_REFERENCE = "ReferenceBenchmark";
    /** First words of limit-measurement units that are timings, hence not deterministic ("ms p95 (...)", "s (lab clock)"). */
    private static final Set<String> TIME_UNITS = Set.of("ms", "s", "us", "ns", "req/s", "ms/op", "s/op");
    /**
     * Rows read and written per request name: two smoke runs of one build read 143 and 144 rows in the 45
     * resource-year save (its cells are prepared in parallel slices); 1 % absorbs that and still catches a query
     * that reads twice its rows.
     */
    static final double ROWS_TOLERANCE = 0.01;

    private final JmhParser jmhParser = new JmhParser();

    /** Everything that does not move unless the code or the data does. */
    public List<Figure> deterministic(Results r) {
        List<Figure> out = new ArrayList<>();
        out.add(Figure.exact("run/unexpectedErrors", r.run().unexpectedErrors().size(), "errors", Direction.HIGHER_IS_WORSE));
        for (RequestStats q : r.requests()) {
            String p = "requests/" + q.name() + "/";
            if (q.count() != null) out.add(Figure.exact(p + "count", q.count(), "requests", Direction.ANY_CHANGE));
            for (Map.Entry<String, Long> e : q.errors().entrySet()) {
                out.add(Figure.exact(p + "errors/" + e.getKey(), e.getValue(), "responses", Direction.ANY_CHANGE).absentMeaning(0));
            }
            if (q.expectedRefusals() != null) out.add(Figure.exact(p + "expectedRefusals", q.expectedRefusals(), "responses", Direction.ANY_CHANGE));
            if (q.responseBytes() != null) {
                out.add(Figure.tolerant(p + "responseBytes", q.responseBytes(), "bytes", Direction.HIGHER_IS_WORSE, RESPONSE_BYTES_TOLERANCE, 0));
            }
        }
        if (r.hasServer()) {
            for (Server.Request s : r.server().requests()) {
                String p = "server/" + s.name() + "/";
                if (s.rowsRead() != null) out.add(Figure.tolerant(p + "rowsRead", s.rowsRead(), "rows", Direction.HIGHER_IS_WORSE, ROWS_TOLERANCE, 0));
                if (s.rowsWritten() != null) out.add(Figure.tolerant(p + "rowsWritten", s.rowsWritten(), "rows", Direction.HIGHER_IS_WORSE, ROWS_TOLERANCE, 0));
                if (s.modelledMs() != null) out.add(Figure.tolerant(p + "modelledMs", s.modelledMs(), "ms (modelled)", Direction.HIGHER_IS_WORSE, 1e-6, 1e-6));
                if (s.responseBytes() != null) {
                    out.add(Figure.tolerant(p + "responseBytes", s.responseBytes(), "bytes", Direction.HIGHER_IS_WORSE, RESPONSE_BYTES_TOLERANCE, 0));
                }
            }
        }
        for (Storage s : r.storage()) {
            if (s.quotaBytes() != null) {
                out.add(Figure.tolerant("storage/" + s.table() + "/quotaBytes", s.quotaBytes(), "bytes (modelled)", Direction.HIGHER_IS_WORSE, STORAGE_TOLERANCE, 0));
            }
            if (s.rows() != null) out.add(Figure.exact("storage/" + s.table() + "/rows", s.rows(), "rows", Direction.ANY_CHANGE));
        }
        for (Limit l : r.limits()) {
            out.add(Figure.exact("limits/" + l.id() + "/verdict", verdictLevel(l.verdict()), "2 pass, 1 not emulated, 0 fail", Direction.LOWER_IS_WORSE));
            numericMeasure(l).ifPresent(v -> out.add(Figure.tolerant("limits/" + l.id() + "/measured", v, l.measured().unit(), Direction.ANY_CHANGE, STORAGE_TOLERANCE, 0)));
        }
        for (JmhBenchmark b : jmh(r)) {
            b.allocationPerOp().filter(m -> Double.isFinite(m.score())).ifPresent(m -> out.add(Figure.tolerant(
                    "jmh/" + b.key() + "/allocation", m.score(), "B/op", Direction.HIGHER_IS_WORSE, ALLOCATION_TOLERANCE, ALLOCATION_SLACK_BYTES)));
        }
        return out;
    }

    /**
     * Timings as ratios to the same run's reference: a request's latency in units of one bare-endpoint request
     * (latency × bare throughput), a benchmark's time per operation in units of the reference benchmark's.
     */
    public List<Figure> ratios(Results r) {
        List<Figure> out = new ArrayList<>();
        Calibration c = r.calibration();
        Double bare = c == null ? null : c.bareRequestMs();
        List<Figure> http = httpTimings(r);
        if (bare != null) {
            for (Figure t : http) out.add(Figure.ratio(t.id(), t.value() / bare, "× bare request", t.samples()));
        }
        // The run's own mean as a second same-run reference: a path that slows while the rest does not changes its
        // share, whatever the machine did; a slowdown of everything shows only in the calibration ratios above.
        http.stream().filter(t -> t.id().equals("all/mean")).findFirst().ifPresent(all -> {
            for (Figure t : http) {
                if (t != all && t.id().startsWith("personas/")) out.add(Figure.ratio(t.id() + "/share", t.value() / all.value(), "× run mean", t.samples()));
            }
        });
        List<JmhBenchmark> benchmarks = jmh(r);
        Optional<JmhBenchmark> reference = benchmarks.stream().filter(b -> b.benchmark().contains("." + JMH_REFERENCE + ".")).findFirst();
        if (reference.isPresent() && reference.get().secondsPerOp() > 0) {
            double ref = reference.get().secondsPerOp();
            for (JmhBenchmark b : benchmarks) {
                if (b == reference.get() || !Double.isFinite(b.secondsPerOp())) continue;
                out.add(Figure.ratio("jmh/" + b.key() + "/time", b.secondsPerOp() / ref, "× reference", Math.max(1, b.primary().raw().size())));
            }
        }
        return out;
    }

    /** The same timings as {@link #ratios} in plain milliseconds (seconds for JMH), for A/B runs on one machine. */
    public List<Figure> timings(Results r) {
        List<Figure> out = new ArrayList<>();
        for (Figure t : httpTimings(r)) out.add(t.asKind(Kind.AB));
        for (JmhBenchmark b : jmh(r)) {
            if (Double.isFinite(b.secondsPerOp())) {
                out.add(new Figure("jmh/" + b.key() + "/time", Kind.AB, b.secondsPerOp() * 1000, "ms/op", Direction.HIGHER_IS_WORSE,
                        0, 0, Math.max(1, b.primary().raw().size()), null));
            }
        }
        return out;
    }

    /** p50 per request name with enough samples, mean per persona and over the whole run, in milliseconds. */
    private static List<Figure> httpTimings(Results r) {
        List<Figure> out = new ArrayList<>();
        Map<String, double[]> personas = new LinkedHashMap<>();
        double allSum = 0;
        long allCount = 0;
        for (RequestStats q : r.requests()) {
            long n = q.countOrZero();
            if (q.p50Ms() != null && n >= MIN_SAMPLES_P50) out.add(timing("requests/" + q.name() + "/p50", q.p50Ms(), n));
            if (q.p95Ms() != null && n >= MIN_SAMPLES_P95) out.add(timing("requests/" + q.name() + "/p95", q.p95Ms(), n));
            if (q.meanMs() != null && n > 0) {
                double[] acc = personas.computeIfAbsent(q.persona() == null ? "unknown" : q.persona(), k -> new double[2]);
                acc[0] += q.meanMs() * n;
                acc[1] += n;
                allSum += q.meanMs() * n;
                allCount += n;
            }
        }
        for (Map.Entry<String, double[]> e : personas.entrySet()) {
            long n = (long) e.getValue()[1];
            if (n >= MIN_SAMPLES_P50) out.add(timing("personas/" + e.getKey() + "/mean", e.getValue()[0] / n, n));
        }
        if (allCount >= MIN_SAMPLES_P50) out.add(timing("all/mean", allSum / allCount, allCount));
        return out;
    }

    private static Figure timing(String id, double ms, long samples) {
        return new Figure(id, Kind.RATIO, ms, "ms", Direction.HIGHER_IS_WORSE, 0, 0, samples, null);
    }

    public List<JmhBenchmark> jmh(Results r) {
        return r.jmh() == null ? List.of() : jmhParser.parse(r.jmh());
    }

    static int verdictLevel(String verdict) {
        if (verdict == null) return 0;
        return switch (verdict) {
            case "pass" -> 2;
            case "not-emulated" -> 1;
            default -> 0;
        };
    }

    private static Optional<Double> numericMeasure(Limit l) {
        if (l.measured() == null || !(l.measured().value() instanceof Number n)) return Optional.empty();
        String unit = l.measured().unit();
        String first = unit == null ? "" : unit.trim().split("[\\s(]+")[0];
        if (TIME_UNITS.contains(first) || first.endsWith("/s")) return Optional.empty();
        return Optional.of(n.doubleValue());
    }
}

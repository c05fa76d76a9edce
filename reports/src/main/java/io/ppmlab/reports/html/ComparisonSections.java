package io.ppmlab.reports.html;

import io.ppmlab.reports.jmh.JmhBenchmark;
import io.ppmlab.reports.results.Limit;
import io.ppmlab.reports.results.RequestStats;
import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.stats.Bootstrap;
import io.ppmlab.reports.stats.Interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Several runs side by side. Deltas are against the first run given, with their uncertainty: for a request name, a
 * bootstrap interval of the difference of the medians of its per-second p50s; for JMH, the two 99.9 % half-widths
 * combined (root of the sum of squares).
 */
final class ComparisonSections {
    private static final Bootstrap BOOTSTRAP = new Bootstrap(2000, 12345);

    private ComparisonSections() {}

    static void runs(Html h, List<Results> runs) {
        h.section("runs", "Runs compared");
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (Results r : runs) {
            var m = r.run().machine();
            rows.add(List.of(Html.n(String.valueOf(i++)), Html.esc(r.run().id()), "<code>" + Html.esc(shortCommit(r.run().commit())) + "</code>",
                    Html.esc(r.suite()), Html.esc(m == null ? "–" : m.loadAverageStart() + " / " + m.loadAverageEnd()),
                    Html.n(r.calibration() == null || r.calibration().requestsPerSecond() == null ? "–" : Html.num(r.calibration().requestsPerSecond()))));
        }
        h.table(List.of("#", "run", "commit", "suite", "load average start / end", "calibration req/s"), rows);
        h.note("Deltas are against run 1. The machine is shared: compare the calibration column before reading absolute timings.");
        h.endSection();
    }

    static void limits(Html h, List<Results> runs) {
        Set<String> ids = new LinkedHashSet<>();
        runs.forEach(r -> r.limits().forEach(l -> ids.add(l.id())));
        if (ids.isEmpty()) return;
        h.section("limits", "Documented limits, side by side");
        List<String> headers = new ArrayList<>(List.of("limit"));
        for (int i = 1; i <= runs.size(); i++) headers.add("run " + i);
        List<List<String>> rows = new ArrayList<>();
        for (String id : ids) {
            List<String> row = new ArrayList<>(List.of("<code>" + Html.esc(id) + "</code>"));
            for (Results r : runs) {
                Limit l = r.limits().stream().filter(x -> id.equals(x.id())).findFirst().orElse(null);
                row.add(l == null ? "–" : Html.badge(l.verdict()) + (l.measured() == null || l.measured().value() == null ? ""
                        : " " + Html.esc(String.valueOf(l.measured().value())) + " " + Html.esc(l.measured().unit())));
            }
            rows.add(row);
        }
        h.table(headers, rows);
        h.endSection();
    }

    static void requests(Html h, LineCharts charts, List<Results> runs) {
        Set<String> names = new TreeSet<>();
        runs.forEach(r -> r.requests().forEach(q -> names.add(q.name())));
        if (names.isEmpty()) return;
        h.section("requests", "Requests: p50 per run and change against run 1");
        List<String> headers = new ArrayList<>(List.of("request", "run 1 p50 ms"));
        for (int i = 2; i <= runs.size(); i++) {
            headers.add("run " + i + " p50 ms");
            headers.add("change (95 % interval)");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String name : names) {
            List<String> row = new ArrayList<>(List.of("<code>" + Html.esc(name) + "</code>"));
            RequestStats first = find(runs.get(0), name);
            row.add(Html.n(first == null ? "–" : Html.ms(first.p50Ms())));
            for (Results r : runs.subList(1, runs.size())) {
                RequestStats q = find(r, name);
                row.add(Html.n(q == null ? "–" : Html.ms(q.p50Ms())));
                row.add(Html.n(Html.esc(delta(first, q))));
            }
            rows.add(row);
        }
        h.table(headers, rows);
        h.note("The interval is a seeded bootstrap (2,000 resamples) of the difference of medians of the request name's per-second p50s; "
                + "\"–\" where either run has fewer than two seconds of it.");
        overTime(h, charts, runs);
        h.endSection();
    }

    private static void overTime(Html h, LineCharts charts, List<Results> runs) {
        Map<Integer, double[]> bySecond = new java.util.TreeMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (RequestStats q : runs.get(i).requests()) {
                for (RequestStats.Second s : q.series()) bySecond.computeIfAbsent(s.second(), k -> new double[runs.size()])[i] += s.count();
            }
        }
        if (bySecond.isEmpty()) return;
        List<Double> x = bySecond.keySet().stream().map(Integer::doubleValue).toList();
        List<LineCharts.Line> lines = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            final int run = i;
            lines.add(new LineCharts.Line("run " + (i + 1), bySecond.values().stream().map(a -> a[run]).toList()));
        }
        h.raw(charts.chart("Throughput over time per run", "second of the run", "requests per second", x, lines, false, false));
    }

    private static String delta(RequestStats a, RequestStats b) {
        if (a == null || b == null || a.p50Ms() == null || b.p50Ms() == null || a.p50Ms() == 0) return "–";
        String point = Html.pct(b.p50Ms() / a.p50Ms() - 1);
        double[] sa = a.series().stream().filter(s -> s.p50Ms() != null).mapToDouble(RequestStats.Second::p50Ms).toArray();
        double[] sb = b.series().stream().filter(s -> s.p50Ms() != null).mapToDouble(RequestStats.Second::p50Ms).toArray();
        if (sa.length < 2 || sb.length < 2) return point;
        Interval d = BOOTSTRAP.medianDifference(sa, sb, 0.95);
        return point + " [" + Html.ms(d.low()) + ", " + Html.ms(d.high()) + "] ms";
    }

    private static RequestStats find(Results r, String name) {
        return r.requests().stream().filter(q -> name.equals(q.name())).findFirst().orElse(null);
    }

    static void jmh(Html h, List<List<JmhBenchmark>> perRun) {
        Map<String, JmhBenchmark[]> byKey = new LinkedHashMap<>();
        for (int i = 0; i < perRun.size(); i++) {
            for (JmhBenchmark b : perRun.get(i)) byKey.computeIfAbsent(b.key(), k -> new JmhBenchmark[perRun.size()])[i] = b;
        }
        if (byKey.isEmpty()) return;
        h.section("jmh", "JMH, side by side");
        List<String> headers = new ArrayList<>(List.of("benchmark", "unit", "run 1"));
        for (int i = 2; i <= perRun.size(); i++) {
            headers.add("run " + i);
            headers.add("change ± combined 99.9 % error");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, JmhBenchmark[]> e : byKey.entrySet()) {
            JmhBenchmark first = e.getValue()[0];
            List<String> row = new ArrayList<>(List.of("<code>" + Html.esc(e.getKey()) + "</code>",
                    Html.esc(first == null ? "" : first.primary().unit()), Html.n(score(first))));
            for (int i = 1; i < perRun.size(); i++) {
                JmhBenchmark b = e.getValue()[i];
                row.add(Html.n(score(b)));
                if (first == null || b == null || first.primary().score() == 0) {
                    row.add("–");
                } else {
                    double diff = b.primary().score() - first.primary().score();
                    double err = Math.sqrt(sq(first.primary().scoreError()) + sq(b.primary().scoreError()));
                    row.add(Html.n(Html.esc(Html.pct(diff / first.primary().score()) + (Double.isFinite(err) ? " (± " + Html.num(err) + ")" : ""))));
                }
            }
            rows.add(row);
        }
        h.table(headers, rows);
        h.endSection();
    }

    private static String score(JmhBenchmark b) {
        if (b == null) return "–";
        return Html.num(b.primary().score()) + (b.primary().hasInterval() ? " ± " + Html.num(b.primary().scoreError()) : "");
    }

    private static double sq(double v) {
        return v * v;
    }

    private static String shortCommit(String c) {
        return c == null ? "–" : c.length() > 10 ? c.substring(0, 10) : c;
    }
}

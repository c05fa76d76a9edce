package io.ppmlab.reports.html;

import io.ppmlab.reports.results.Assertion;
import io.ppmlab.reports.results.RequestStats;
import io.ppmlab.reports.results.Results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Per persona and request name: the table of counts and percentiles, the charts over time, the big save's distribution. */
final class RequestSections {
    /** The 45 resource-year save (the documented limit), whose distribution gets a chart of its own. */
    static final String SAVE_45 = "rm.plan.save45";

    private RequestSections() {}

    static void table(Html h, Results r) {
        h.section("requests", "Requests per persona and request name");
        if (r.requests().isEmpty()) {
            h.note("This run has no request figures.").endSection();
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        List<RequestStats> sorted = r.requests().stream()
                .sorted(Comparator.comparing((RequestStats q) -> String.valueOf(q.persona())).thenComparing(RequestStats::name)).toList();
        for (RequestStats q : sorted) {
            rows.add(List.of(Html.esc(q.persona()), "<code>" + Html.esc(q.name()) + "</code>", Html.n(Html.count(q.count())), errors(q),
                    Html.n(Html.ms(q.p50Ms())), Html.n(Html.ms(q.p90Ms())), Html.n(Html.ms(q.p95Ms())), Html.n(Html.ms(q.p99Ms())),
                    Html.n(Html.ms(q.maxMs())), Html.n(q.throughputPerSecond() == null ? "–" : Html.num(q.throughputPerSecond())),
                    Html.n(Html.bytes(q.responseBytes())), assertion(r, q.name())));
        }
        h.table(List.of("persona", "request", "count", "errors by status", "p50 ms", "p90 ms", "p95 ms", "p99 ms", "max ms", "req/s",
                "response bytes", "assertion"), rows);
        h.note("Client-side times measured by the harness (Gatling's checks into a histogram per request name). "
                + "Expected refusals (e.g. a 403 a persona must get) are counted as errors by status and marked expected.");
        h.endSection();
    }

    private static String errors(RequestStats q) {
        if (q.errors().isEmpty()) return "<span class=\"dim\">none</span>";
        String list = new TreeMap<>(q.errors()).entrySet().stream().map(e -> Html.esc(e.getKey()) + "×" + e.getValue())
                .collect(Collectors.joining(", "));
        if (q.expectedRefusals() != null && q.expectedRefusals() > 0) list += " <span class=\"dim\">(" + q.expectedRefusals() + " expected)</span>";
        return list;
    }

    private static String assertion(Results r, String request) {
        return r.assertions().stream().filter(a -> request.equals(a.request()))
                .map(a -> Html.esc(a.metric()) + " ≤ " + Html.num(a.limit() == null ? Double.NaN : a.limit()) + " " + Html.badge(a.verdict()))
                .collect(Collectors.joining("<br>"));
    }

    static void charts(Html h, LineCharts charts, Results r) {
        h.section("over-time", "Latency, throughput and errors over time");
        Map<Integer, double[]> all = new TreeMap<>();
        Map<String, Map<Integer, double[]>> personas = new TreeMap<>();
        for (RequestStats q : r.requests()) {
            for (RequestStats.Second s : q.series()) {
                // all: [count, errors, throttled, p50·count, p95·count, weight]
                double[] a = all.computeIfAbsent(s.second(), k -> new double[6]);
                a[0] += s.count();
                a[1] += s.errors() - s.throttled();
                a[2] += s.throttled();
                if (s.p50Ms() != null && s.p95Ms() != null && s.count() > 0) {
                    a[3] += s.p50Ms() * s.count();
                    a[4] += s.p95Ms() * s.count();
                    a[5] += s.count();
                    double[] p = personas.computeIfAbsent(String.valueOf(q.persona()), k -> new TreeMap<>())
                            .computeIfAbsent(s.second(), k -> new double[2]);
                    p[0] += s.p95Ms() * s.count();
                    p[1] += s.count();
                }
            }
        }
        if (all.isEmpty()) {
            h.note("This run has no per-second series.").endSection();
            return;
        }
        List<Double> x = all.keySet().stream().map(Integer::doubleValue).toList();
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        List<Double> errs = new ArrayList<>();
        List<Double> throttled = new ArrayList<>();
        for (double[] a : all.values()) {
            p50.add(a[5] > 0 ? a[3] / a[5] : null);
            p95.add(a[5] > 0 ? a[4] / a[5] : null);
            rate.add(a[0]);
            errs.add(a[1]);
            throttled.add(a[2]);
        }
        h.raw(charts.chart("Latency over time, all requests (count-weighted mean of each request name's p50 and p95 in that second)",
                "second of the run", "ms", x, List.of(new LineCharts.Line("p50", p50), new LineCharts.Line("p95", p95)), false, false));
        List<LineCharts.Line> perPersona = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, double[]>> e : personas.entrySet()) {
            List<Double> ys = new ArrayList<>();
            for (Integer second : all.keySet()) {
                double[] p = e.getValue().get(second);
                ys.add(p == null || p[1] == 0 ? null : p[0] / p[1]);
            }
            perPersona.add(new LineCharts.Line(e.getKey(), ys));
        }
        h.raw(charts.chart("p95 per persona over time (count-weighted over its request names)", "second of the run", "ms", x, perPersona, false, false));
        h.raw(charts.chart("Throughput and errors over time (429s apart)", "second of the run", "per second", x,
                List.of(new LineCharts.Line("requests", rate), new LineCharts.Line("errors (not 429)", errs),
                        new LineCharts.Line("429 throttled", throttled)), false, false));
        h.endSection();
    }

    static void saveDistribution(Html h, Results r) {
        h.section("save45", "The 45 resource-year save");
        RequestStats save = r.requests().stream().filter(q -> SAVE_45.equals(q.name())).findFirst().orElse(null);
        if (save == null) {
            h.note("No " + SAVE_45 + " request in this run.").endSection();
            return;
        }
        SvgBars bars = new SvgBars(SAVE_45 + ": distribution of " + Html.count(save.count()) + " saves", "ms");
        List<Double> values = new ArrayList<>();
        for (String p : List.of("p50", "p90", "p95", "p99", "max")) bars.category(p);
        values.add(save.p50Ms());
        values.add(save.p90Ms());
        values.add(save.p95Ms());
        values.add(save.p99Ms());
        values.add(save.maxMs());
        bars.series("client-side time", LineCharts.COLORS[0], values);
        h.raw(bars.render());
        h.note("90 resources × 6 months of daily demand (16,290 rows) saved in one sensei_SaveResourcePlan call, atomically.");
        h.endSection();
    }

    static List<Assertion> failedAssertions(Results r) {
        return r.assertions().stream().filter(a -> !"pass".equals(a.verdict())).toList();
    }
}

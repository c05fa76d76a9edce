package io.ppmlab.reports.html;

import io.ppmlab.reports.results.Results;
import io.ppmlab.reports.results.Scale;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The scale suite: p50 against organisation size on log-log axes, and each query's fitted growth exponent. */
final class ScaleSection {
    private ScaleSection() {}

    static void render(Html h, LineCharts charts, Results r) {
        Scale s = r.scale();
        if (s == null || s.points().isEmpty()) return;
        h.section("scale", "How cost grows with the organisation");
        TreeSet<String> queries = new TreeSet<>();
        s.points().forEach(p -> queries.addAll(p.queries().keySet()));
        List<Double> x = s.points().stream().map(p -> (double) p.projects()).toList();
        List<LineCharts.Line> lines = new ArrayList<>();
        for (String q : queries) {
            List<Double> ys = new ArrayList<>();
            for (Scale.Point p : s.points()) {
                Scale.Latency l = p.queries().get(q);
                ys.add(l == null ? null : l.p50Ms());
            }
            lines.add(new LineCharts.Line(q + exponent(s, q), ys));
        }
        h.raw(charts.chart("p50 against projects (log-log: a straight line of slope k means cost grows as N^k)", "projects", "p50 ms",
                x, lines, true, true));
        List<List<String>> rows = new ArrayList<>();
        for (Scale.Fit f : s.fits()) {
            rows.add(List.of("<code>" + Html.esc(f.query()) + "</code>", Html.n(f.exponent() == null ? "–" : Html.num(f.exponent())),
                    Html.n(f.r2() == null ? "–" : Html.num(f.r2())), Html.n(f.limit() == null ? "–" : "N^" + Html.num(f.limit())), Html.badge(f.verdict())));
        }
        if (!rows.isEmpty()) h.table(List.of("query", "fitted exponent", "r²", "limit", "verdict"), rows);
        h.endSection();
    }

    private static String exponent(Scale s, String query) {
        return s.fits().stream().filter(f -> query.equals(f.query()) && f.exponent() != null).findFirst()
                .map(f -> " (N^" + Html.num(f.exponent()) + ")").orElse("");
    }
}

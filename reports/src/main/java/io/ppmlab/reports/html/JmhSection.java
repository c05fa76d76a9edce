package io.ppmlab.reports.html;

import io.ppmlab.reports.jmh.JmhBenchmark;
import io.ppmlab.reports.jmh.JmhMetric;

import java.util.ArrayList;
import java.util.List;

/** JMH results: score with its 99.9 % interval, allocation per operation, and a bar chart per score unit. */
final class JmhSection {
    private JmhSection() {}

    static void render(Html h, List<JmhBenchmark> benchmarks) {
        if (benchmarks.isEmpty()) return;
        h.section("jmh", "JMH benchmarks");
        List<List<String>> rows = new ArrayList<>();
        for (JmhBenchmark b : benchmarks) {
            JmhMetric m = b.primary();
            String interval = m.hasInterval() ? Html.num(m.low()) + " … " + Html.num(m.high()) : "none (too few samples)";
            String alloc = b.allocationPerOp().map(a -> Html.num(a.score()) + " B/op").orElse("– (run without -prof gc)");
            rows.add(List.of("<code>" + Html.esc(b.key()) + "</code>", Html.esc(b.mode()), Html.n(Html.num(m.score())),
                    Html.n(m.hasInterval() ? "± " + Html.num(m.scoreError()) : "–"), Html.esc(interval), Html.esc(m.unit()), Html.n(Html.esc(alloc))));
        }
        h.table(List.of("benchmark", "mode", "score", "error (99.9 %)", "interval", "unit", "allocation"), rows);
        for (String unit : benchmarks.stream().map(b -> b.primary().unit()).distinct().toList()) {
            SvgBars bars = new SvgBars("JMH score with its 99.9 % interval", unit);
            List<Double> values = new ArrayList<>();
            List<Double> lows = new ArrayList<>();
            List<Double> highs = new ArrayList<>();
            for (JmhBenchmark b : benchmarks) {
                if (!unit.equals(b.primary().unit()) || !Double.isFinite(b.primary().score())) continue;
                bars.category(b.key());
                values.add(b.primary().score());
                lows.add(b.primary().hasInterval() ? b.primary().low() : null);
                highs.add(b.primary().hasInterval() ? b.primary().high() : null);
            }
            bars.series("score", LineCharts.COLORS[0], values, lows, highs);
            if (!bars.isEmpty()) h.raw(bars.render());
        }
        h.note("JMH's error is the half-width of a 99.9 % confidence interval; it is absent when JMH had too few iterations. "
                + "Allocation per operation (gc.alloc.rate.norm, from -prof gc) barely depends on the machine, so the gate holds it tightly.");
        h.endSection();
    }
}

package io.ppmlab.reports.html;

import io.ppmlab.reports.gate.Figures;
import io.ppmlab.reports.gate.GateOutcome;
import io.ppmlab.reports.jmh.JmhBenchmark;
import io.ppmlab.reports.results.Limit;
import io.ppmlab.reports.results.Results;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders report.html: one self-contained page (uPlot, styles and data inlined; nothing fetched), either for one run
 * or comparing several runs side by side.
 */
public final class ReportPage {
    private final Figures figures = new Figures();

    /** The report of one run; {@code gate} is the gate's decision on it when the gate ran. */
    public String single(Results r, GateOutcome gate) {
        Html h = new Html();
        LineCharts charts = new LineCharts();
        List<JmhBenchmark> jmh = figures.jmh(r);
        h.raw("<header><h1>").text("Run " + r.run().id()).raw("</h1>\n<p class=\"lead\">").raw(summary(r, gate)).raw("</p></header>\n");
        RunSections.limits(h, r);
        RunSections.facts(h, r);
        if (gate != null) RunSections.gate(h, gate);
        if (!r.requests().isEmpty()) {
            RequestSections.table(h, r);
            RequestSections.charts(h, charts, r);
            RequestSections.saveDistribution(h, r);
        }
        ScaleSection.render(h, charts, r);
        if (r.hasServer()) ServerSections.server(h, r);
        if (!r.storage().isEmpty()) ServerSections.storage(h, r);
        JmhSection.render(h, jmh);
        return page("Lab report: " + r.run().id(), h, charts);
    }

    /** Several runs side by side, deltas against the first. */
    public String comparison(List<Results> runs) {
        Html h = new Html();
        LineCharts charts = new LineCharts();
        h.raw("<header><h1>").text("Comparison of " + runs.size() + " runs").raw("</h1></header>\n");
        ComparisonSections.runs(h, runs);
        ComparisonSections.limits(h, runs);
        ComparisonSections.requests(h, charts, runs);
        List<List<JmhBenchmark>> jmh = new ArrayList<>();
        for (Results r : runs) jmh.add(figures.jmh(r));
        ComparisonSections.jmh(h, jmh);
        return page("Lab comparison of " + runs.size() + " runs", h, charts);
    }

    private static String summary(Results r, GateOutcome gate) {
        long pass = r.limits().stream().filter(l -> "pass".equals(l.verdict())).count();
        long fail = r.limits().stream().filter(l -> "fail".equals(l.verdict())).count();
        long notEmulated = r.limits().stream().map(Limit::verdict).filter("not-emulated"::equals).count();
        StringBuilder sb = new StringBuilder();
        sb.append("Suite <b>").append(Html.esc(r.suite())).append("</b>");
        if (!r.limits().isEmpty()) {
            sb.append(" · limits: ").append(pass).append(" pass, ").append(fail).append(" fail, ").append(notEmulated).append(" not emulated");
        }
        if (r.run().exitCode() != null) sb.append(" · run exit ").append(r.run().exitCode());
        if (gate != null) sb.append(" · gate ").append(Html.badge(gate.verdictWord().toLowerCase()));
        return sb.toString();
    }

    private static String page(String title, Html body, LineCharts charts) {
        StringBuilder sb = new StringBuilder(200 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(Html.esc(title)).append("</title>\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>\n")
                .append(Assets.uplotStyle()).append('\n').append(Assets.read("io/ppmlab/reports/html/report.css"))
                .append("</style>\n</head><body>\n").append(body).append("<footer>Written by <code>lab report</code>; charts by uPlot (MIT), inlined.</footer>\n");
        if (!charts.isEmpty()) {
            sb.append("<script type=\"application/json\" id=\"chart-data\">").append(charts.json()).append("</script>\n<script>\n")
                    .append(Assets.uplotScript()).append("\n</script>\n<script>\n").append(Assets.read("io/ppmlab/reports/html/charts.js"))
                    .append("\n</script>\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }
}

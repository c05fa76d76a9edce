package io.ppmlab.reports.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The report's uPlot charts: each is a placeholder element plus a JSON spec (title, axes, series, columns of data)
 * that one inline script turns into a chart when the page loads.
 */
final class LineCharts {
    static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};
    private final ObjectMapper mapper = new ObjectMapper();
    private final ArrayNode specs = mapper.createArrayNode();
    private int next;

    /** One series of a chart: a label and a column of y values aligned with the x column (null = gap). */
    record Line(String label, List<Double> values) {}

    /** Adds a chart and returns its placeholder element. Axes on log scales need positive values. */
    String chart(String title, String xLabel, String yLabel, List<Double> x, List<Line> lines, boolean logX, boolean logY) {
        String id = "chart-" + (++next);
        ObjectNode spec = specs.addObject();
        spec.put("id", id).put("title", title).put("xLabel", xLabel).put("yLabel", yLabel).put("logX", logX).put("logY", logY)
                .put("points", x.size() < 30);
        ArrayNode series = spec.putArray("series");
        ArrayNode data = spec.putArray("data");
        ArrayNode xs = data.addArray();
        x.forEach(xs::add);
        int i = 0;
        for (Line line : lines) {
            series.addObject().put("label", line.label()).put("color", COLORS[i++ % COLORS.length]);
            ArrayNode ys = data.addArray();
            for (Double v : line.values()) {
                if (v == null || v.isNaN() || (logY && v <= 0)) ys.addNull();
                else ys.add(v);
            }
        }
        return "<div class=\"chart uplot-host\" id=\"" + id + "\" data-chart=\"" + Html.esc(title) + "\"></div>\n";
    }

    boolean isEmpty() {
        return specs.isEmpty();
    }

    /** The specs as JSON, safe inside a script element. */
    String json() {
        return specs.toString().replace("</", "<\\/");
    }
}

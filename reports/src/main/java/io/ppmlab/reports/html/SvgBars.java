package io.ppmlab.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A static horizontal bar chart as inline SVG: one group per category, one bar per series, optional whiskers
 * (an interval around the value). Static figures need no script, so they are drawn here rather than by uPlot.
 */
final class SvgBars {
    private static final int WIDTH = 960;
    private static final int LABEL = 300;
    private static final int BAR = 14;
    private static final int GAP = 8;

    private final String title;
    private final String unit;
    private final List<String> categories = new ArrayList<>();
    private final List<Series> series = new ArrayList<>();

    SvgBars(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    /** One named series; values, lows and highs are per category (null where absent). */
    record Series(String name, String color, List<Double> values, List<Double> lows, List<Double> highs) {}

    SvgBars category(String name) {
        categories.add(name);
        return this;
    }

    SvgBars series(String name, String color, List<Double> values) {
        series.add(new Series(name, color, values, null, null));
        return this;
    }

    SvgBars series(String name, String color, List<Double> values, List<Double> lows, List<Double> highs) {
        series.add(new Series(name, color, values, lows, highs));
        return this;
    }

    boolean isEmpty() {
        return series.stream().allMatch(s -> s.values().stream().allMatch(v -> v == null || !(v > 0)));
    }

    String render() {
        double max = 0;
        for (Series s : series) {
            for (int i = 0; i < categories.size(); i++) {
                max = Math.max(max, value(s.values(), i));
                if (s.highs() != null) max = Math.max(max, value(s.highs(), i));
            }
        }
        if (max <= 0) max = 1;
        int group = series.size() * BAR + GAP;
        int legend = 22;
        int height = 30 + legend + categories.size() * group + 24;
        double plot = WIDTH - LABEL - 90;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg class=\"chart\" data-chart=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"%s\">",
                Html.esc(title), WIDTH, height, Html.esc(title)));
        sb.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"16\" class=\"svg-title\">%s (%s)</text>", Html.esc(title), Html.esc(unit)));
        int lx = LABEL;
        for (Series s : series) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"26\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"37\">%s</text>",
                    lx, s.color(), lx + 16, Html.esc(s.name())));
            lx += 24 + 8 * s.name().length();
        }
        int y = 30 + legend;
        for (int i = 0; i < categories.size(); i++) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    LABEL - 8, y + series.size() * BAR / 2 + 4, Html.esc(clip(categories.get(i)))));
            for (Series s : series) {
                double v = value(s.values(), i);
                double w = v / max * plot;
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s %s</title></rect>",
                        LABEL, y, Math.max(w, v > 0 ? 1 : 0), BAR - 2, s.color(), Html.esc(s.name()), Html.num(v), Html.esc(unit)));
                if (s.lows() != null && s.highs() != null && Double.isFinite(value(s.lows(), i)) && value(s.highs(), i) > 0) {
                    double x1 = LABEL + Math.max(0, value(s.lows(), i)) / max * plot;
                    double x2 = LABEL + value(s.highs(), i) / max * plot;
                    int my = y + (BAR - 2) / 2;
                    sb.append(String.format(Locale.ROOT, "<path d=\"M%.1f %dH%.1fM%.1f %dV%dM%.1f %dV%d\" stroke=\"#222\" fill=\"none\"/>",
                            x1, my, x2, x1, my - 4, my + 4, x2, my - 4, my + 4));
                }
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"svg-value\">%s</text>", LABEL + w + 4, y + BAR - 4, Html.num(v)));
                y += BAR;
            }
            y += GAP;
        }
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", LABEL, 30 + legend, LABEL, y));
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static double value(List<Double> values, int i) {
        if (values == null || i >= values.size() || values.get(i) == null) return 0;
        return values.get(i);
    }

    private static String clip(String s) {
        return s.length() <= 44 ? s : s.substring(0, 43) + "…";
    }
}

package io.ppmlab.reports.html;

import java.util.List;
import java.util.Locale;

/** An HTML document being written: escaping, headings, tables, and number formats used across the report. */
final class Html {
    private final StringBuilder sb = new StringBuilder(64 * 1024);

    Html raw(String s) {
        sb.append(s);
        return this;
    }

    Html text(String s) {
        sb.append(esc(s));
        return this;
    }

    Html section(String id, String title) {
        sb.append("<section id=\"").append(esc(id)).append("\"><h2>").append(esc(title)).append("</h2>\n");
        return this;
    }

    Html endSection() {
        sb.append("</section>\n");
        return this;
    }

    Html p(String text) {
        sb.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    Html note(String text) {
        sb.append("<p class=\"note\">").append(esc(text)).append("</p>\n");
        return this;
    }

    /** A table of already-escaped cells; a cell starting with '#' is right-aligned (numbers). */
    Html table(List<String> headers, List<List<String>> rows) {
        sb.append("<table><thead><tr>");
        for (String h : headers) sb.append("<th>").append(esc(h)).append("</th>");
        sb.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            sb.append("<tr>");
            for (String cell : row) {
                if (cell.startsWith("#")) sb.append("<td class=\"n\">").append(cell.substring(1)).append("</td>");
                else sb.append("<td>").append(cell).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table>\n");
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A right-aligned number cell. */
    static String n(String formatted) {
        return "#" + formatted;
    }

    static String ms(Double v) {
        if (v == null || v.isNaN()) return "–";
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    static String count(Long v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%,d", v);
    }

    static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "+∞" : "−∞";
        if (v == Math.rint(v) && Math.abs(v) < 1e12) return String.format(Locale.ROOT, "%,d", (long) v);
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%,.0f" : a >= 10 ? "%.2f" : a >= 0.01 ? "%.3f" : "%.3g", v);
    }

    static String bytes(Long v) {
        if (v == null) return "–";
        if (v < 10_000) return String.format(Locale.ROOT, "%,d B", v);
        if (v < 10_000_000) return String.format(Locale.ROOT, "%,.1f KB", v / 1000.0);
        return String.format(Locale.ROOT, "%,.1f MB", v / 1e6);
    }

    static String pct(double v) {
        if (Double.isNaN(v)) return "–";
        if (Double.isInfinite(v)) return v > 0 ? "+∞" : "−∞";
        return String.format(Locale.ROOT, "%+.1f %%", v * 100);
    }

    /** A pass/fail/not-emulated badge. */
    static String badge(String verdict) {
        String v = verdict == null ? "unknown" : verdict;
        String cls = switch (v) {
            case "pass", "improved" -> "ok";
            case "fail", "regression" -> "bad";
            default -> "meh";
        };
        return "<span class=\"badge " + cls + "\">" + esc(v) + "</span>";
    }
}

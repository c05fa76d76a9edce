package io.ppmlab.emulator.acceptance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser of the Prometheus text exposition format (version 0.0.4): {@code # HELP}/{@code # TYPE} lines
 * and samples {@code name{label="value",...} value [timestamp]}, with the format's escapes in label values.
 */
final class PrometheusText {
    record Sample(String name, Map<String, String> labels, double value) {}

    private PrometheusText() {}

    static List<Sample> parse(String text) {
        List<Sample> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) continue;
            int i = 0;
            while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') i++;
            String name = line.substring(0, i);
            if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) throw new IllegalArgumentException("line " + lineNo + ": bad metric name '" + name + "'");
            Map<String, String> labels = new LinkedHashMap<>();
            if (i < line.length() && line.charAt(i) == '{') {
                i++;
                while (line.charAt(i) != '}') {
                    int eq = line.indexOf('=', i);
                    String label = line.substring(i, eq).trim();
                    if (line.charAt(eq + 1) != '"') throw new IllegalArgumentException("line " + lineNo + ": label value not quoted");
                    StringBuilder value = new StringBuilder();
                    int j = eq + 2;
                    for (; line.charAt(j) != '"'; j++) {
                        char c = line.charAt(j);
                        if (c == '\\') {
                            char n = line.charAt(++j);
                            value.append(n == 'n' ? '\n' : n);
                        } else value.append(c);
                    }
                    labels.put(label, value.toString());
                    i = j + 1;
                    if (line.charAt(i) == ',') i++;
                }
                i++;
            }
            String[] rest = line.substring(i).trim().split(" ");
            double v = switch (rest[0]) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> Double.parseDouble(rest[0]);
            };
            out.add(new Sample(name, labels, v));
        }
        return out;
    }

    /** The sum of the samples named {@code name} whose labels include all of {@code match}. */
    static double sum(List<Sample> samples, String name, Map<String, String> match) {
        double total = 0;
        for (Sample s : samples) {
            if (s.name().equals(name) && s.labels().entrySet().containsAll(match.entrySet())) total += s.value();
        }
        return total;
    }
}

package io.ppmlab.reports.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.reports.results.UnusableInput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's JSON output ({@code -rf json}). JMH writes NaN and infinities as the strings "NaN", "+INF" and "-INF",
 * leaves {@code scoreError} NaN when it had too few samples, and adds secondary metrics only for the profilers that
 * ran: all three are read here rather than trusted to a generic number binding.
 */
public final class JmhParser {
    private final ObjectMapper mapper = new ObjectMapper();

    public List<JmhBenchmark> parse(Path file) {
        try {
            return parse(mapper.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UnusableInput("malformed JMH file " + file + ": " + e.getMessage(), e);
        }
    }

    public List<JmhBenchmark> parse(JsonNode root) {
        if (root == null || root.isNull() || root.isMissingNode()) return List.of();
        if (!root.isArray()) throw new UnusableInput("JMH results are not a JSON array");
        List<JmhBenchmark> out = new ArrayList<>();
        for (JsonNode entry : root) {
            String name = entry.path("benchmark").asText(null);
            if (name == null || !entry.has("primaryMetric")) throw new UnusableInput("JMH entry without benchmark or primaryMetric: " + entry);
            Map<String, String> params = new LinkedHashMap<>();
            entry.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            Map<String, JmhMetric> secondary = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = entry.path("secondaryMetrics").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                secondary.put(stripDot(e.getKey()), metric(e.getValue()));
            }
            out.add(new JmhBenchmark(name, entry.path("mode").asText(""), entry.path("threads").asInt(1), params,
                    metric(entry.get("primaryMetric")), secondary));
        }
        return out;
    }

    private static String stripDot(String key) {
        return key.startsWith("\u00b7") ? key.substring(1) : key;
    }

    private static JmhMetric metric(JsonNode node) {
        List<Double> raw = new ArrayList<>();
        for (JsonNode fork : node.path("rawData")) {
            for (JsonNode value : fork) raw.add(number(value));
        }
        return new JmhMetric(number(node.get("score")), number(node.get("scoreError")), node.path("scoreUnit").asText(null), raw);
    }

    /** A JMH number: a JSON number, or one of the strings JMH writes for values JSON cannot hold. */
    static double number(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return Double.NaN;
        if (node.isNumber()) return node.doubleValue();
        String text = node.asText().trim();
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+INF", "INF", "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
            case "-INF", "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new UnusableInput("not a JMH number: \"" + text + "\"");
                }
            }
        };
    }
}

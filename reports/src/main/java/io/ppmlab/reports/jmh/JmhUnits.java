package io.ppmlab.reports.jmh;

/** JMH score units ("ms/op", "ops/s", ...) as seconds per operation, so that two benchmarks can be divided. */
final class JmhUnits {
    private JmhUnits() {}

    static double secondsPerOp(double score, String unit) {
        if (unit == null) return Double.NaN;
        String[] parts = unit.split("/");
        if (parts.length != 2) return Double.NaN;
        if (parts[1].equals("op")) return score * seconds(parts[0]);
        if (parts[0].equals("ops")) return 1.0 / (score / seconds(parts[1]));
        return Double.NaN;
    }

    private static double seconds(String unit) {
        return switch (unit) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1.0;
            case "min" -> 60.0;
            case "hr" -> 3600.0;
            case "day" -> 86400.0;
            default -> Double.NaN;
        };
    }
}

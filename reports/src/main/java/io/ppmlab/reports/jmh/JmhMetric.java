package io.ppmlab.reports.jmh;

import java.util.List;

/**
 * One JMH metric. {@code scoreError} is JMH's half-width of a 99.9 % confidence interval around the score; it is NaN
 * when JMH had too few samples to compute one (a single iteration), and then the score has no interval.
 */
public record JmhMetric(double score, double scoreError, String unit, List<Double> raw) {

    public JmhMetric {
        raw = raw == null ? List.of() : List.copyOf(raw);
    }

    public boolean hasInterval() {
        return Double.isFinite(scoreError);
    }

    public double low() {
        return score - scoreError;
    }

    public double high() {
        return score + scoreError;
    }
}

package io.ppmlab.reports.stats;

/** An estimate with a two-sided confidence interval at {@code level} (e.g. 0.95). */
public record Interval(double low, double estimate, double high, double level, int samples) {

    public boolean above(double value) {
        return low > value;
    }

    public boolean below(double value) {
        return high < value;
    }

    public double halfWidth() {
        return (high - low) / 2;
    }
}

package io.ppmlab.harness.scale;

import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.util.List;

/**
 * How a query's latency grows with the organisation: the slope of log(latency) over log(projects) by least squares
 * (Commons Math), i.e. the exponent k of latency ~ projects^k, with its R². Constant cost fits k = 0, linear k = 1.
 */
public final class GrowthFit {
    /** A fitted exponent; {@code limit} is the exponent the suite accepts. */
    public record Fit(String query, double exponent, double r2, double limit, boolean holds, int points) {}

    /** One measured point: the organisation's projects and the query's latency there. */
    public record Point(long projects, double latencyMs) {}

    private GrowthFit() {}

    public static Fit fit(String query, List<Point> points, double limit) {
        if (points.size() < 2) throw new IllegalArgumentException("a growth fit needs at least two points, " + query + " has " + points.size());
        SimpleRegression r = new SimpleRegression();
        for (Point p : points) {
            if (p.projects() <= 0 || p.latencyMs() <= 0) throw new IllegalArgumentException("points must be positive: " + p);
            r.addData(Math.log(p.projects()), Math.log(p.latencyMs()));
        }
        double k = r.getSlope();
        double r2 = points.size() > 2 ? r.getRSquare() : 1.0;
        return new Fit(query, Math.round(k * 1000) / 1000.0, Math.round(r2 * 1000) / 1000.0, limit, k <= limit, points.size());
    }
}

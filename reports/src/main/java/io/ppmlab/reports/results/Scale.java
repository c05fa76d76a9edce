package io.ppmlab.reports.results;

import java.util.List;
import java.util.Map;

/** The scale suite: per query latency at each organisation size, and the fitted growth exponent. */
public record Scale(List<Point> points, List<Fit> fits) {

    public Scale {
        points = points == null ? List.of() : List.copyOf(points);
        fits = fits == null ? List.of() : List.copyOf(fits);
    }

    public record Point(long projects, Map<String, Latency> queries) {
        public Point {
            queries = queries == null ? Map.of() : queries;
        }
    }

    public record Latency(Double p50Ms, Double p95Ms) {}

    public record Fit(String query, Double exponent, Double r2, Double limit, String verdict) {}
}

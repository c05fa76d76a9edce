package io.ppmlab.reports.gate;

/**
 * The gate's reading of one figure: the baseline and current values, the relative change, what change was allowed
 * ({@code bound}, relative), and for A/B figures the confidence interval of the change.
 */
public record Judgement(String id, Kind kind, Double baseline, Double current, Double change, Double bound,
                        Double changeLow, Double changeHigh, String unit, Verdict verdict, String note) {

    static Judgement of(String id, Kind kind, Double baseline, Double current, Double bound, String unit, Verdict verdict, String note) {
        Double change = baseline == null || current == null ? null : relativeChange(baseline, current);
        return new Judgement(id, kind, baseline, current, change, bound, null, null, unit, verdict, note);
    }

    static double relativeChange(double baseline, double current) {
        if (baseline == current) return 0;
        if (baseline == 0) return current > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        return (current - baseline) / Math.abs(baseline);
    }
}

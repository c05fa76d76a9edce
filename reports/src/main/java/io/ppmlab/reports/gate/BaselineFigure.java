package io.ppmlab.reports.gate;

import java.util.List;

/**
 * A figure as the baseline holds it. For ratio figures {@code bound} is the relative rise above {@code value} that
 * still passes, and {@code repeats} the values of the repeat runs it was derived from.
 */
public record BaselineFigure(String id, Kind kind, double value, String unit, Direction direction,
                             double relativeTolerance, double absoluteTolerance, Double bound, long samples,
                             Double absentMeans, List<Double> repeats, String note) {
    public BaselineFigure {
        repeats = repeats == null ? List.of() : List.copyOf(repeats);
    }
}

package io.ppmlab.reports.gate;

/**
 * One gated figure of one run. {@code id} is stable across runs (e.g. {@code requests/pm.projects.list/count}).
 * Deterministic figures carry their tolerance (relative, plus an absolute slack); ratio figures the number of
 * samples behind them. {@code absentMeans} is the value a run that lacks the figure has (0 for errors of a status
 * that did not occur), or null when a missing figure means the journey changed.
 */
public record Figure(String id, Kind kind, double value, String unit, Direction direction,
                     double relativeTolerance, double absoluteTolerance, long samples, Double absentMeans) {

    static Figure exact(String id, double value, String unit, Direction direction) {
        return new Figure(id, Kind.DETERMINISTIC, value, unit, direction, 0, 0, 1, null);
    }

    static Figure tolerant(String id, double value, String unit, Direction direction, double relative, double absolute) {
        return new Figure(id, Kind.DETERMINISTIC, value, unit, direction, relative, absolute, 1, null);
    }

    static Figure ratio(String id, double value, String unit, long samples) {
        return new Figure(id, Kind.RATIO, value, unit, Direction.HIGHER_IS_WORSE, 0, 0, samples, null);
    }

    Figure absentMeaning(double value) {
        return new Figure(id, kind, this.value, unit, direction, relativeTolerance, absoluteTolerance, samples, value);
    }

    Figure withValue(double newValue) {
        return new Figure(id, kind, newValue, unit, direction, relativeTolerance, absoluteTolerance, samples, absentMeans);
    }

    Figure asKind(Kind newKind) {
        return new Figure(id, newKind, value, unit, direction, relativeTolerance, absoluteTolerance, samples, absentMeans);
    }
}

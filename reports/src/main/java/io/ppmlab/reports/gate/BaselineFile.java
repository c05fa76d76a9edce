package io.ppmlab.reports.gate;

import java.util.List;

/**
 * A committed baseline ("ppm-lab/baseline/1"): the figures of one suite on one dataset, how and where they were
 * made, and the noise the ratio bounds come from.
 */
public record BaselineFile(String schema, String suite, DatasetKey dataset, Provenance madeFrom, Noise noise,
                           List<BaselineFigure> figures) {
    public static final String SCHEMA = "ppm-lab/baseline/1";

    public BaselineFile {
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /** What must match for two runs to be comparable. */
    public record DatasetKey(String profile, Long seed, String rowsHash) {}

    /** The runs a baseline was made from. */
    public record Provenance(List<String> runs, List<String> commits, String machine, List<Double> loadAverages, String how) {}

    /**
     * Noise of the ratio figures across the repeat runs: pooled standard deviation of ln(ratio), its degrees of
     * freedom, and the rule that turned it into bounds.
     */
    public record Noise(Double pooledSdOfLog, int degreesOfFreedom, int runs, String rule) {}
}

package io.ppmlab.reports.stats;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

import java.util.Collection;

/**
 * Run-to-run noise of ratio figures, measured on repeat runs of the same build: the standard deviation of the
 * natural log of each figure across runs, pooled over figures (each figure weighted by its degrees of freedom).
 * Logs, because ratios swing multiplicatively: a figure twice as large is as far off as one half as large.
 */
public final class LogNoise {
    private LogNoise() {}

    /** Standard deviation of ln(values); NaN with fewer than two values. */
    public static double sdOfLog(double[] values) {
        if (values.length < 2) return Double.NaN;
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) s.addValue(Math.log(v));
        return s.getStandardDeviation();
    }

    /** Pooled standard deviation of ln over several figures, each given as its repeat values. */
    public static Pooled pooled(Collection<double[]> figures) {
        double sumSquares = 0;
        int df = 0;
        for (double[] values : figures) {
            if (values.length < 2) continue;
            SummaryStatistics s = new SummaryStatistics();
            for (double v : values) s.addValue(Math.log(v));
            sumSquares += s.getVariance() * (values.length - 1);
            df += values.length - 1;
        }
        return new Pooled(df == 0 ? Double.NaN : Math.sqrt(sumSquares / df), df);
    }

    /** A pooled standard deviation of ln and its degrees of freedom. */
    public record Pooled(double sd, int degreesOfFreedom) {}
}

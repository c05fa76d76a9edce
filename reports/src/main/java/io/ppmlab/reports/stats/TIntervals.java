package io.ppmlab.reports.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Student t confidence intervals of a mean and of a difference of means. The paired form is the one the A/B gate
 * uses: runs of the two builds are interleaved (ABAB...), so each pair shares the machine's state of that moment and
 * the pairwise difference removes the slow drift a shared machine has.
 */
public final class TIntervals {
    private TIntervals() {}

    /** Interval of the mean of {@code values}; needs at least two values. */
    public static Interval mean(double[] values, double level) {
        if (values.length < 2) throw new IllegalArgumentException("a t-interval needs at least 2 samples, got " + values.length);
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) s.addValue(v);
        double t = new TDistribution(values.length - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double half = t * s.getStandardDeviation() / Math.sqrt(values.length);
        return new Interval(s.getMean() - half, s.getMean(), s.getMean() + half, level, values.length);
    }

    /** Interval of the mean of {@code b[i] - a[i]}: paired samples of equal length. */
    public static Interval pairedDifference(double[] a, double[] b, double level) {
        if (a.length != b.length) throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = b[i] - a[i];
        return mean(d, level);
    }

    /** Welch's interval of mean(b) - mean(a) for independent samples with unequal variances. */
    public static Interval welchDifference(double[] a, double[] b, double level) {
        if (a.length < 2 || b.length < 2) throw new IllegalArgumentException("Welch's interval needs at least 2 samples on each side");
        SummaryStatistics sa = new SummaryStatistics();
        SummaryStatistics sb = new SummaryStatistics();
        for (double v : a) sa.addValue(v);
        for (double v : b) sb.addValue(v);
        double va = sa.getVariance() / a.length;
        double vb = sb.getVariance() / b.length;
        double diff = sb.getMean() - sa.getMean();
        double se = Math.sqrt(va + vb);
        if (se == 0) return new Interval(diff, diff, diff, level, a.length + b.length);
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - level) / 2);
        return new Interval(diff - t * se, diff, diff + t * se, level, a.length + b.length);
    }
}

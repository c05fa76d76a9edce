package io.ppmlab.reports.stats;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.util.Arrays;

/**
 * Percentile bootstrap of the difference of medians of two independent samples. Used where latencies are skewed
 * and a mean would be pulled by a few slow seconds (the comparison report's per-second medians). Seeded, so the
 * same samples give the same interval.
 */
public final class Bootstrap {
    private final int resamples;
    private final long seed;

    public Bootstrap(int resamples, long seed) {
        if (resamples < 100) throw new IllegalArgumentException("too few resamples: " + resamples);
        this.resamples = resamples;
        this.seed = seed;
    }

    /** Interval of median(b) - median(a); each side needs at least two values. */
    public Interval medianDifference(double[] a, double[] b, double level) {
        if (a.length < 2 || b.length < 2) throw new IllegalArgumentException("a bootstrap needs at least 2 samples on each side");
        RandomGenerator rng = new Well19937c(seed);
        Median median = new Median();
        double[] diffs = new double[resamples];
        double[] ra = new double[a.length];
        double[] rb = new double[b.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < a.length; i++) ra[i] = a[rng.nextInt(a.length)];
            for (int i = 0; i < b.length; i++) rb[i] = b[rng.nextInt(b.length)];
            diffs[r] = median.evaluate(rb) - median.evaluate(ra);
        }
        Arrays.sort(diffs);
        double alpha = (1 - level) / 2;
        double low = diffs[(int) Math.floor(alpha * (resamples - 1))];
        double high = diffs[(int) Math.ceil((1 - alpha) * (resamples - 1))];
        return new Interval(low, median.evaluate(b) - median.evaluate(a), high, level, a.length + b.length);
    }
}

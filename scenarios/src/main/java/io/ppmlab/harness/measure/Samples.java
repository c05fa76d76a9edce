package io.ppmlab.harness.measure;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Repeated timings of one operation in milliseconds, in the order they were taken. */
public record Samples(List<Double> millis) {
    public Samples {
        if (millis.isEmpty()) throw new IllegalArgumentException("no samples");
        millis = List.copyOf(millis);
    }

    public static Samples ofNanos(long[] nanos) {
        return new Samples(Arrays.stream(nanos).mapToObj(n -> n / 1e6).toList());
    }

    @JsonProperty
    public int n() { return millis.size(); }

    @JsonProperty
    public double minMs() { return sorted()[0]; }

    /** The upper median (element n/2 of the sorted samples). */
    @JsonProperty
    public double medianMs() { return sorted()[millis.size() / 2]; }

    /** Nearest rank: the smallest sample at or above 95 % of them. */
    @JsonProperty
    public double p95Ms() {
        double[] s = sorted();
        return s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.95) - 1)];
    }

    public double ratioOfMedians(Samples base) { return medianMs() / base.medianMs(); }

    /** The median of sample i / base sample i: pairs taken side by side share the machine's noise of that moment. */
    public double medianPairwiseRatio(Samples base) {
        if (base.n() != n()) throw new IllegalArgumentException("pairs need as many samples on both sides");
        double[] r = new double[n()];
        for (int i = 0; i < r.length; i++) r[i] = millis.get(i) / base.millis.get(i);
        Arrays.sort(r);
        return r[r.length / 2];
    }

    /** {@code n=10  min 1.0 ms  median 2.0 ms  p95 3.0 ms  (all: [..])}. */
    public String toText() {
        return String.format(Locale.ROOT, "n=%d  min %7.1f ms  median %7.1f ms  p95 %7.1f ms  (all: %s)", n(), minMs(), medianMs(), p95Ms(),
                millis.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList());
    }

    private double[] sorted() {
        double[] s = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s;
    }
}

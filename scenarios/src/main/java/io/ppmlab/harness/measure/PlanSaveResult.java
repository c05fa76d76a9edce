package io.ppmlab.harness.measure;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Locale;

/**
 * What {@link PlanSaveBench} measured: per phase, the HTTP saves and their raw twins, and the ratios the issue
 * asks for (target: HTTP at most 3× raw).
 *
 * @param bodyBytes        the size of one save's request body
 * @param loadAverageAtEnd the 1-minute load average when it finished (the start's is in {@code machine})
 */
public record PlanSaveResult(MachineFacts machine, PlanSaveBench.Size size, long bodyBytes, List<Phase> phases, double loadAverageAtEnd) {
    /** The target for the HTTP save against raw puts of the same rows. */
    public static final double TARGET_RATIO = 3.0;

    public PlanSaveResult {
        phases = List.copyOf(phases);
    }

    /**
     * @param demandIndexed whether the query engine's index of the demand table existed (it does after any plan load)
     */
    public record Phase(String title, boolean demandIndexed, Samples httpCreates, Samples rawCreates, Samples httpUpdates, Samples rawUpdates) {
        @JsonProperty
        public double createRatioOfMedians() { return httpCreates.ratioOfMedians(rawCreates); }

        @JsonProperty
        public double updateRatioOfMedians() { return httpUpdates.ratioOfMedians(rawUpdates); }

        /** The headline ratio: pairs share the machine's load of their moment. */
        @JsonProperty
        public double createMedianPairwiseRatio() { return httpCreates.medianPairwiseRatio(rawCreates); }

        @JsonProperty
        public double updateMedianPairwiseRatio() { return httpUpdates.medianPairwiseRatio(rawUpdates); }
    }

    public String toJson() { return MeasureJson.write(this); }

    public String toText() {
        StringBuilder s = new StringBuilder();
        s.append(machine.toText()).append('\n');
        s.append(String.format(Locale.ROOT, "save body: %,d rows, %,d bytes, %s resource-years (%d resources × %s..%s), %d saves per series after %d warm-ups%n",
                size.rows(), bodyBytes, trim(size.resourceYears()), size.resources(), size.firstDay(), size.lastDay(), size.saves(), size.warmups()));
        String rows = String.format(Locale.ROOT, "%,d", size.rows());
        for (Phase p : phases) {
            s.append("-- ").append(p.title()).append('\n');
            s.append(line("HTTP save, creates (" + rows + " new rows)", p.httpCreates()));
            s.append(line("ChronicleStore.apply of the same rows, new", p.rawCreates()));
            s.append(line("HTTP save, updates (" + rows + " changed rows)", p.httpUpdates()));
            s.append(line("ChronicleStore.apply of the same rows, replacing", p.rawUpdates()));
            s.append(String.format(Locale.ROOT, "ratio HTTP/raw, median of pairwise ratios: creates %.2f×, updates %.2f× (target at most %.0f×); "
                            + "of the medians: creates %.2f×, updates %.2f×%n", p.createMedianPairwiseRatio(), p.updateMedianPairwiseRatio(), TARGET_RATIO,
                    p.createRatioOfMedians(), p.updateRatioOfMedians()));
        }
        s.append(String.format(Locale.ROOT, "load average at the end: %.2f (1 min)%n", loadAverageAtEnd));
        return s.toString();
    }

    private static String line(String what, Samples samples) { return String.format(Locale.ROOT, "%-50s %s%n", what, samples.toText()); }

    private static String trim(double v) { return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3f", v); }
}

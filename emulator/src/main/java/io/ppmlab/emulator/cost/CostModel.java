package io.ppmlab.emulator.cost;

/**
 * A deterministic model of the server time Dataverse would spend on a request: a fixed cost for the
 * operation kind plus, for each counted {@link Quantity}, its count times its coefficient. It depends only
 * on what the request did, never on the emulator's own timing, so the same request on the same data costs
 * the same modelled milliseconds on any machine: a figure a CI gate can compare exactly.
 */
public final class CostModel {
    private static final Quantity[] ALL = Quantity.values();

    private final CostProfile profile;

    public CostModel(CostProfile profile) { this.profile = profile; }

    public CostProfile profile() { return profile; }

    /** Modelled milliseconds, rounded to 0.01 ms (the resolution of the response header). */
    public double modelledMs(Work work) {
        double ms = profile.base(work.operation());
        // each $batch part pays its own operation's fixed cost: Dataverse applies the parts one by one, "no
        // improved efficiency per operation" (Optimize performance for bulk operations, Batch APIs)
        for (String part : work.parts()) ms += profile.base(part);
        for (Quantity q : ALL) {
            long n = work.get(q);
            if (n != 0) ms += n * profile.unit(q);
        }
        return Math.round(ms * 100) / 100.0;
    }
}

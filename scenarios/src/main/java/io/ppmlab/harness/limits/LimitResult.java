package io.ppmlab.harness.limits;

/**
 * One row of the verdict table: a documented limit, the assertion the lab checks, what it measured, and the verdict.
 *
 * @param measured null when nothing could be measured (not emulated, or the evidence is missing)
 */
public record LimitResult(String id, String documented, String assertion, Measured measured, Verdict verdict, String detail) {
    /** A measured figure with its unit. */
    public record Measured(double value, String unit) {}

    static LimitResult of(DocumentedLimit limit, String assertion, Double value, String unit, Verdict verdict, String detail) {
        return new LimitResult(limit.id(), limit.documented(), assertion, value == null ? null : new Measured(value, unit), verdict, detail);
    }
}

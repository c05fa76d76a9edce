package io.ppmlab.reports.results;

/** The verdict on one documented limit. {@code verdict} is pass, fail or not-emulated. */
public record Limit(String id, String documented, String assertion, Measured measured, String verdict, String detail) {

    /** A measured value with its unit; the value may be a number or a text. */
    public record Measured(Object value, String unit) {}
}

package io.ppmlab.reports.results;

/** One latency assertion of the suite: the committed limit, what was measured, and where the limit comes from. */
public record Assertion(String request, String metric, Double limit, Double measured, String source, String verdict) {}

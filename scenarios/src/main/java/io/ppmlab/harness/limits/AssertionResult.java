package io.ppmlab.harness.limits;

/** One latency assertion of a suite's committed file, with what was measured and whether it holds. */
public record AssertionResult(String request, String metric, double limit, Double measured, String source, boolean holds) {}

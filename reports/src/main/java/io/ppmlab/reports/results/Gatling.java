package io.ppmlab.reports.results;

/** Where Gatling's own HTML report was written, relative to the results folder. */
public record Gatling(String reportDir) {}

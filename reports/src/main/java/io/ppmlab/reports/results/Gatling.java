package io.ppmlab.reports.results;


import com.fasterxml.jackson.annotation.JsonAlias;

/** Where Gatling's own HTML report was written, relative to the results folder ("reportDir", or "report" as the harness writes it). */
public record Gatling(@JsonAlias("report") String reportDir) {}

package io.ppmlab.reports.results;

/** The storage meter of one table: real bytes on disk and the modelled Dataverse quota. */
public record Storage(String table, Long rows, Long realBytes, Long quotaBytes) {}

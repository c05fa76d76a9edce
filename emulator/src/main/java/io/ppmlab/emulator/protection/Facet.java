package io.ppmlab.emulator.protection;

/** The three facets of Dataverse's service protection, with the names the lab's metrics use. */
public enum Facet {
    REQUESTS("requests"),
    EXECUTION_TIME("executionTime"),
    CONCURRENCY("concurrency");

    private final String metricName;

    Facet(String metricName) { this.metricName = metricName; }

    public String metricName() { return metricName; }
}

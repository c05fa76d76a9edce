package io.ppmlab.reports.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.util.List;

/**
 * One run's results.json ("ppm-lab/results/1", written by the harness or by {@code lab bench}). Optional sections
 * are null when the run did not produce them; lists are never null (an absent list reads as empty).
 */
public record Results(
        String schema,
        Run run,
        Dataset dataset,
        Calibration calibration,
        List<RequestStats> requests,
        Server server,
        List<Limit> limits,
        @JsonDeserialize(using = StorageSection.class) List<Storage> storage,
        Scale scale,
        List<Assertion> assertions,
        JsonNode jmh,
        Gatling gatling) {

    public static final String SCHEMA = "ppm-lab/results/1";

    public Results {
        requests = requests == null ? List.of() : List.copyOf(requests);
        limits = limits == null ? List.of() : List.copyOf(limits);
        storage = storage == null ? List.of() : List.copyOf(storage);
        assertions = assertions == null ? List.of() : List.copyOf(assertions);
        if (jmh != null && jmh.isNull()) jmh = null;
    }

    public String suite() {
        return run == null ? null : run.suite();
    }

    public boolean hasServer() {
        return server != null && !Boolean.FALSE.equals(server.available());
    }
}

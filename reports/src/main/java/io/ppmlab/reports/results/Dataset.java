package io.ppmlab.reports.results;

import java.util.Map;

/** The organisation a run measured: profile, knobs, seed, rows per table and a hash of all rows. */
public record Dataset(String profile, Map<String, Object> knobs, Long seed, Map<String, Long> manifest, String rowsHash) {
    public Dataset {
        knobs = knobs == null ? Map.of() : knobs;
        manifest = manifest == null ? Map.of() : manifest;
    }
}

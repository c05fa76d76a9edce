package io.ppmlab.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.harness.limits.Evidence;

import java.util.List;
import java.util.Map;

/**
 * What one organisation's run measured so far, filled phase by phase, so that a run that fails half-way still writes
 * everything it had (a field is null until its phase completed).
 */
public final class PointFigures {
    String datasetKey;
    JsonNode manifest;
    String emulatorUrl;
    boolean startedByHarness;
    Calibration.Result calibration;
    Preparation.Prepared prepared;
    Evidence.HorizonProbe horizon;
    JsonNode storage;
    JsonNode server;
    /** requests.json as the recorder wrote it. */
    JsonNode recorded;
    GatlingRun.Outcome gatling;
    Map<String, Evidence.ProbeResult> probes = Map.of();
    List<String> warmUp = List.of();
    /** The emulator process's CPU seconds while Gatling ran, and how long Gatling ran (null when not measured). */
    Double emulatorCpuSeconds;
    Double gatlingSeconds;

    public String datasetKey() { return datasetKey; }

    public JsonNode manifest() { return manifest; }

    public String emulatorUrl() { return emulatorUrl; }

    public boolean startedByHarness() { return startedByHarness; }

    public Calibration.Result calibration() { return calibration; }

    public Preparation.Prepared prepared() { return prepared; }

    public Evidence.HorizonProbe horizon() { return horizon; }

    public JsonNode storage() { return storage; }

    public JsonNode server() { return server; }

    public JsonNode recorded() { return recorded; }

    /** Gatling's exit code and report folder, null before it ran. */
    public java.util.Map<String, Object> gatling() {
        return gatling == null ? null : java.util.Map.of("exitCode", gatling.exitCode(), "errors", gatling.errors(), "report", "gatling/");
    }

    public Map<String, Evidence.ProbeResult> probes() { return probes; }

    public List<String> warmUp() { return warmUp; }

    public Double emulatorCpuSeconds() { return emulatorCpuSeconds; }

    public Double gatlingSeconds() { return gatlingSeconds; }
}

package io.ppmlab.harness.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@code ./lab run} was asked to do, after defaults: the knobs recorded in {@code results.json}.
 *
 * @param emulatorUrl  an emulator already running (then {@code dataDir} must be its data directory, for personas.json)
 * @param dataDir      a generated organisation to run on instead of the suite's own (restored to a copy, never written)
 * @param points       projects per organisation of the scale suite
 * @param warmUp       load and soak: how long the mix runs before the measured duration (kept out of the percentiles)
 */
public record RunSettings(Suite suite, int users, double rate, Duration duration, Duration warmUp, String profile, List<String> datasetKnobs, long seed,
                          int personasPerRole, Path dataDir, String emulatorUrl, Path out, List<Long> points, String emulatorHeap,
                          boolean regenerate, boolean keepData, Path home, Path emulatorJar, List<String> serveArgs) {

    /** Requests per second each paced user aims at: {@code rate / users}. */
    public double perUserRate() {
        return rate / Math.max(1, users);
    }

    public Map<String, Object> knobs() {
        Map<String, Object> k = new java.util.LinkedHashMap<>();
        k.put("users", users);
        k.put("rate", suite.paced() ? rate : null);
        k.put("durationSeconds", suite.paced() ? duration.toSeconds() : null);
        k.put("warmUpSeconds", suite.paced() ? warmUp.toSeconds() : null);
        k.put("profile", profile);
        k.put("datasetKnobs", datasetKnobs);
        k.put("seed", seed);
        k.put("personasPerRole", personasPerRole);
        k.put("points", suite == Suite.SCALE ? points : null);
        k.put("emulatorUrl", emulatorUrl);
        k.put("dataDir", dataDir == null ? null : dataDir.toString());
        k.put("emulatorHeap", emulatorHeap);
        k.put("serveArgs", serveArgs);
        return k;
    }
}

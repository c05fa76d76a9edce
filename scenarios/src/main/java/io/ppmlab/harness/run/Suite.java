package io.ppmlab.harness.run;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The suites of {@code ./lab run}: what organisation each runs on and its default knobs. {@code limits} is the lab's
 * main job; {@code smoke} is every persona once over a small organisation (CI); {@code load} and {@code soak} hold the
 * persona mix at a rate; {@code scale} runs a fixed mix over organisations of growing size.
 *
 * @param datasetKnobs generator options of the suite's organisation (the profile's defaults where empty)
 * @param users        virtual users (paced suites) or a multiplier of the fixed mix (others)
 * @param think        a person's pause between screens in the journeys
 */
public enum Suite {
    LIMITS("limits", List.of(), 1, Duration.ZERO, Duration.ofMillis(300), 1000),
    SMOKE("smoke", List.of("--projects", "120", "--resources", "100", "--users", "300", "--years", "4"), 1, Duration.ZERO, Duration.ZERO, 100),
    LOAD("load", List.of(), 100, Duration.ofSeconds(60), Duration.ZERO, 100),
    SOAK("soak", List.of(), 100, Duration.ofMinutes(30), Duration.ZERO, 100),
    SCALE("scale", List.of(), 1, Duration.ZERO, Duration.ZERO, 100);

    public final String label;
    public final List<String> datasetKnobs;
    public final int users;
    public final Duration duration;
    public final Duration think;
    /** Operations in the integration user's change set (100 to 1,000). */
    public final int batchOperations;

    Suite(String label, List<String> datasetKnobs, int users, Duration duration, Duration think, int batchOperations) {
        this.label = label;
        this.datasetKnobs = datasetKnobs;
        this.users = users;
        this.duration = duration;
        this.think = think;
        this.batchOperations = batchOperations;
    }

    public boolean paced() {
        return this == LOAD || this == SOAK;
    }

    public static Suite parse(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown suite '" + label + "': choose one of " + Arrays.stream(values()).map(s -> s.label).toList()));
    }
}

package io.ppmlab.harness.sim;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every {@code -D} property the simulations read, in one place. The harness sets them when it starts Gatling; a person
 * running a simulation by hand sets them the same way (README, "Results" and "Suites").
 *
 * @param baseUrl      the emulator, e.g. http://127.0.0.1:5555
 * @param suite        smoke, limits, load, soak or scale: chooses the injection profile
 * @param fixtures     fixtures.json written by the harness's preparation
 * @param record       where the recorder writes requests.json
 * @param users        concurrent virtual users for load and soak
 * @param perUserRate  requests per second each load user aims at (Dataverse's per-user ceiling is 20)
 * @param duration     how long load and soak hold their users after the warm-up
 * @param warmUp       load and soak: how long the users run before the measured {@code duration} (their response times stay
 *                     out of the percentiles)
 * @param iterations   journeys per virtual user in smoke, limits and scale
 * @param thinkTime    the pause a person takes between screens (0 in smoke, load and soak; see README)
 */
public record LabConfig(String baseUrl, String suite, Path fixtures, Path record, int users, double perUserRate, Duration duration,
                        Duration warmUp, int iterations, Duration thinkTime) {

    public static LabConfig fromSystemProperties() {
        return new LabConfig(
                required("lab.baseUrl"),
                System.getProperty("lab.suite", "smoke"),
                Path.of(required("lab.fixtures")),
                Path.of(required("lab.record")),
                Integer.getInteger("lab.users", 1),
                Double.parseDouble(System.getProperty("lab.perUserRate", "20")),
                Duration.ofSeconds(Long.getLong("lab.durationSeconds", 60)),
                Duration.ofSeconds(Long.getLong("lab.warmUpSeconds", 0)),
                Integer.getInteger("lab.iterations", 1),
                Duration.ofMillis(Long.getLong("lab.thinkMillis", 0)));
    }

    /** Whether users loop for a duration at a paced rate (load, soak) rather than run a fixed number of journeys. */
    public boolean paced() {
        return suite.equals("load") || suite.equals("soak");
    }

    private static String required(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) throw new IllegalStateException("system property " + name + " is required (the harness sets it)");
        return v;
    }
}

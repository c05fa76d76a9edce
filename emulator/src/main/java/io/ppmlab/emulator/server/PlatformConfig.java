package io.ppmlab.emulator.server;

import io.ppmlab.emulator.clock.ClockSettings;
import io.ppmlab.emulator.protection.ProtectionSettings;
import io.ppmlab.emulator.store.LabRegression;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How close to the Dataverse platform the emulator behaves: service protection and web servers, the
 * cost profile, latency injection and the clock. Strict fidelity by default.
 *
 * @param costProfile a cost profile file replacing the committed one, if any
 * @param regression  a deliberate regression for testing the capacity gate; {@link LabRegression#OFF} except there
 * @param metrics     whether each request is recorded in the metrics (on by default; off only to measure what recording costs)
 */
public record PlatformConfig(ProtectionSettings protection, LatencySettings latency, ClockSettings clock, Optional<Path> costProfile,
                             LabRegression regression, boolean metrics) {
    public static final PlatformConfig DEFAULT =
            new PlatformConfig(ProtectionSettings.DATAVERSE, LatencySettings.OFF, ClockSettings.REAL, Optional.empty(), LabRegression.OFF, true);

    public PlatformConfig withProtection(ProtectionSettings p) { return new PlatformConfig(p, latency, clock, costProfile, regression, metrics); }

    public PlatformConfig withLatency(LatencySettings l) { return new PlatformConfig(protection, l, clock, costProfile, regression, metrics); }

    public PlatformConfig withClock(ClockSettings c) { return new PlatformConfig(protection, latency, c, costProfile, regression, metrics); }

    public PlatformConfig withRegression(LabRegression r) { return new PlatformConfig(protection, latency, clock, costProfile, r, metrics); }

    public PlatformConfig withMetrics(boolean on) { return new PlatformConfig(protection, latency, clock, costProfile, regression, on); }
}

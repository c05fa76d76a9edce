package io.ppmlab.emulator.server;

import io.ppmlab.emulator.clock.ClockSettings;
import io.ppmlab.emulator.protection.ProtectionSettings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How close to the Dataverse platform the emulator behaves: service protection and web servers, the
 * cost profile, latency injection and the clock. Strict fidelity by default.
 *
 * @param costProfile a cost profile file replacing the committed one, if any
 */
public record PlatformConfig(ProtectionSettings protection, LatencySettings latency, ClockSettings clock, Optional<Path> costProfile) {
    public static final PlatformConfig DEFAULT =
            new PlatformConfig(ProtectionSettings.DATAVERSE, LatencySettings.OFF, ClockSettings.REAL, Optional.empty());

    public PlatformConfig withProtection(ProtectionSettings p) { return new PlatformConfig(p, latency, clock, costProfile); }

    public PlatformConfig withLatency(LatencySettings l) { return new PlatformConfig(protection, l, clock, costProfile); }

    public PlatformConfig withClock(ClockSettings c) { return new PlatformConfig(protection, latency, c, costProfile); }
}

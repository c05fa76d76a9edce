package io.ppmlab.emulator.clock;

import java.time.Instant;
import java.util.Optional;

/**
 * How the lab clock starts: real time, or simulated from a given instant (then it runs at real speed
 * from there and an admin can advance it).
 */
public record ClockSettings(boolean simulated, Optional<Instant> start) {
    public static final ClockSettings REAL = new ClockSettings(false, Optional.empty());

    public LabClock create() {
        LabClock clock = LabClock.system();
        if (simulated && start.isPresent()) clock.startAt(start.get());
        return clock;
    }
}

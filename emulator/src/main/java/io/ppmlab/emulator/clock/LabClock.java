package io.ppmlab.emulator.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's clock: real time plus an offset that tests and trainers can move forward
 * (token expiry, capacity horizon, log retention all read this clock, never the system clock).
 */
public final class LabClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public LabClock(Clock base) { this.base = base; }

    public static LabClock system() { return new LabClock(Clock.systemUTC()); }

    public void advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("the lab clock only moves forward");
        offset.accumulateAndGet(by, Duration::plus);
    }

    public Duration offset() { return offset.get(); }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { return this; }

    @Override public Instant instant() { return base.instant().plus(offset.get()); }
}

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
 * It only moves forward once started: issued tokens, row versions and the journal assume time does not
 * run backwards. Service protection windows do not read it (they run on real time).
 */
public final class LabClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private volatile boolean simulated;

    public LabClock(Clock base) { this.base = base; }

    public static LabClock system() { return new LabClock(Clock.systemUTC()); }

    public void advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("the lab clock only moves forward");
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Moves the clock forward to {@code instant}; refuses an instant in its past. */
    public void set(Instant instant) {
        Duration by = Duration.between(instant(), instant);
        if (by.isNegative()) throw new IllegalArgumentException("the lab clock only moves forward: " + instant + " is before " + instant());
        advance(by);
    }

    /** Before serving: makes the clock read {@code start} now (backwards too), and marks it simulated. */
    void startAt(Instant start) {
        offset.set(Duration.between(base.instant(), start));
        simulated = true;
    }

    public boolean simulated() { return simulated; }

    public Duration offset() { return offset.get(); }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { return this; }

    @Override public Instant instant() { return base.instant().plus(offset.get()); }
}

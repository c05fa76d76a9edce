package io.ppmlab.emulator.product.process;

import io.ppmlab.emulator.clock.LabClock;

import java.time.Duration;
import java.time.Instant;

/**
 * One run's time, measured on the lab clock from the moment the workflow extension starts. Real time moves
 * the lab clock, and so does simulated work ({@link #work}): an extension that "works" N seconds on a row
 * moves the whole emulator's clock forward N seconds, as if that much time had passed, so the 120-second limit
 * is reached by the clock and not by waiting two real minutes. The runner compares the same clock with the
 * limit, whichever way it moved.
 */
public final class RunClock {
    private final LabClock clock;
    private final Instant started;
    private final Duration limit;

    RunClock(LabClock clock, Duration limit) {
        this.clock = clock;
        this.started = clock.instant();
        this.limit = limit;
    }

    public Instant started() { return started; }

    public Instant now() { return clock.instant(); }

    public Duration elapsed() { return Duration.between(started, clock.instant()); }

    public Duration limit() { return limit; }

    public boolean exceeded() { return elapsed().compareTo(limit) > 0; }

    /** Simulated work: the lab clock moves forward by {@code amount} at once. */
    public void work(Duration amount) { clock.advance(amount); }

    /** Called by extensions between rows: stops the extension once the limit has passed. */
    public void checkpoint() {
        if (exceeded() || Thread.currentThread().isInterrupted()) throw new TimedOut(elapsed());
    }

    /** The extension ran past the limit; the runner logs the platform's timeout. */
    public static final class TimedOut extends RuntimeException {
        TimedOut(Duration elapsed) { super("stopped after " + elapsed, null, false, false); }
    }
}

package io.ppmlab.emulator.product;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The periodic group sync, on the lab's clock: every {@code interval} of lab time (so a test or trainer
 * moving the lab clock forward makes it due), checked every {@code poll} of real time by one daemon thread.
 */
public final class GroupSyncSchedule implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GroupSyncSchedule.class.getName());

    private final GroupSync sync;
    private final Clock clock;
    private final Duration interval;
    private volatile Instant nextDue;
    private ScheduledExecutorService executor;

    public GroupSyncSchedule(GroupSync sync, Clock clock, Duration interval) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("the group sync interval must be positive: " + interval);
        this.sync = sync;
        this.clock = clock;
        this.interval = interval;
        this.nextDue = clock.instant().plus(interval);
    }

    /** Starts checking every {@code poll} of real time. */
    public synchronized GroupSyncSchedule start(Duration poll) {
        if (executor != null) return this;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lab-group-sync");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tickQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Runs the sync if it is due on the lab clock; true when it ran. */
    public boolean tick() {
        Instant now = clock.instant();
        if (now.isBefore(nextDue)) return false;
        nextDue = now.plus(interval);
        sync.syncAll(Optional.empty());
        return true;
    }

    public Instant nextDue() { return nextDue; }

    public Duration interval() { return interval; }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            // A failed run must not stop the schedule (a scheduled task that throws is never run again).
            LOG.log(Level.WARNING, "periodic group sync failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) executor.shutdownNow();
    }
}

package io.ppmlab.emulator.product.process;

import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs each enabled process every {@code sensei_intervalminutes} of lab-clock time and purges old logs, checked
 * every poll of real time by one daemon thread. A process is first due one interval after the schedule first
 * sees it enabled (not at start-up, so a fresh emulator does not fire every process at once), then one interval
 * after each scheduled run.
 */
public final class ProcessSchedule implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ProcessSchedule.class.getName());

    private final Store store;
    private final Clock clock;
    private final ProcessRunner runner;
    private final ProcessLogs logs;
    private final Map<UUID, Instant> nextDue = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;

    public ProcessSchedule(Store store, Clock clock, ProcessRunner runner, ProcessLogs logs) {
        this.store = store;
        this.clock = clock;
        this.runner = runner;
        this.logs = logs;
    }

    public synchronized ProcessSchedule start(Duration poll) {
        if (executor != null) return this;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lab-scheduled-processes");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tickQuietly, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Purges old logs and runs the processes that are due; returns the runs made. */
    public synchronized List<ProcessRun> tick() {
        logs.purge();
        Instant now = clock.instant();
        List<Row> due = new ArrayList<>();
        store.scan(ProcessRunner.PROCESS, p -> {
            Object minutes = p.get("sensei_intervalminutes");
            if (!Boolean.TRUE.equals(p.get("sensei_enabled")) || !(minutes instanceof Number n) || n.intValue() <= 0) {
                nextDue.remove(p.id());
                return;
            }
            Instant next = nextDue.computeIfAbsent(p.id(), id -> now.plus(Duration.ofMinutes(n.longValue())));
            if (!now.isBefore(next)) due.add(p);
        });
        List<ProcessRun> runs = new ArrayList<>();
        for (Row p : due) {
            runs.add(runner.run(p.id()));
            nextDue.put(p.id(), clock.instant().plus(Duration.ofMinutes(((Number) p.get("sensei_intervalminutes")).longValue())));
        }
        return runs;
    }

    /** When the schedule next runs the process (empty when it is disabled or not yet seen). */
    public java.util.Optional<Instant> nextDue(UUID processId) { return java.util.Optional.ofNullable(nextDue.get(processId)); }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            // a failed tick must not end the schedule (a periodic task that throws is never run again)
            LOG.log(Level.WARNING, "scheduled processes tick failed", e);
        }
    }

    @Override
    public void close() {
        if (executor != null) executor.shutdownNow();
    }
}

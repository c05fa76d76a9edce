package io.ppmlab.emulator.product.process;

import io.ppmlab.emulator.clock.LabClock;
import io.ppmlab.emulator.odata.ProductOperations;
import io.ppmlab.emulator.operations.AccessGuard;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.operations.actions.ActionRouter;
import io.ppmlab.emulator.product.ReadAs;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Schema;

/**
 * Scheduled processes, wired once: the runner with its three documented limits, the logs and their purge, the
 * schedule on the lab clock, and the two admin actions (registered on each action router; they always run
 * against the emulator's store, since a process run is not part of anyone's change set).
 */
public final class ScheduledProcesses implements AutoCloseable {
    /** What the processes read and write through; {@code guard} checks the admin actions' callers. */
    public record Wiring(Schema schema, Store store, SystemColumns system, LabClock clock, ReadAs reads, AccessGuard guard, ProcessLimits limits) {}

    private final ProcessRunner runner;
    private final ProcessLogs logs;
    private final ProcessSchedule schedule;
    private final ProcessActions actions;

    private ScheduledProcesses(ProcessRunner runner, ProcessLogs logs, ProcessSchedule schedule, ProcessActions actions) {
        this.runner = runner;
        this.logs = logs;
        this.schedule = schedule;
        this.actions = actions;
    }

    /** Builds everything; the schedule starts with {@link #start()} once reads are bound. */
    public static ScheduledProcesses open(Wiring w) {
        ProcessRunner runner = new ProcessRunner(new ProcessRunner.Wiring(w.schema(), w.store(), w.system(), w.clock(), w.reads(), w.limits()));
        ProcessLogs logs = new ProcessLogs(w.store(), w.clock(), w.limits().logRetention());
        ProcessSchedule schedule = new ProcessSchedule(w.store(), w.clock(), runner, logs);
        ProcessActions actions = new ProcessActions(w.store(), w.schema().table(ProcessRunner.PROCESS).orElseThrow(), w.guard(), runner, logs);
        return new ScheduledProcesses(runner, logs, schedule, actions);
    }

    public ScheduledProcesses start() {
        schedule.start(runner.limits().poll());
        return this;
    }

    public ActionRouter register(ActionRouter router) {
        return router.with(ProductOperations.RUN_SCHEDULED_PROCESS, actions::run)
                .with(ProductOperations.LIST_PROCESS_LOGS, actions::list);
    }

    public ProcessRunner runner() { return runner; }

    public ProcessLogs logs() { return logs; }

    public ProcessSchedule schedule() { return schedule; }

    @Override
    public void close() {
        schedule.close();
        runner.close();
    }
}

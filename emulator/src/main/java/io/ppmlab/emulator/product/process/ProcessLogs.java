package io.ppmlab.emulator.product.process;

import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The process logs: listed per process, newest first, and purged once older than the retention (30 days by
 * {@code createdon} on the lab clock, as the product keeps them). Logs are few (one per run), so both scan.
 */
public final class ProcessLogs {
    private final Store store;
    private final Clock clock;
    private final Duration retention;

    public ProcessLogs(Store store, Clock clock, Duration retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    /** Deletes every log created before now minus the retention; returns how many. */
    public synchronized int purge() {
        Instant cutoff = clock.instant().minus(retention);
        List<Mutation> deletes = new ArrayList<>();
        store.scan(ProcessRunner.LOG, row -> {
            Instant created = (Instant) row.get("createdon");
            if (created != null && created.isBefore(cutoff)) deletes.add(new Mutation.Delete(ProcessRunner.LOG, row.id()));
        });
        if (!deletes.isEmpty()) store.apply(deletes);
        return deletes.size();
    }

    /** The logs of one process, newest first. */
    public List<ProcessRun> of(UUID processId) {
        List<Row> rows = new ArrayList<>();
        EntityRef process = new EntityRef(ProcessRunner.PROCESS, processId);
        store.scan(ProcessRunner.LOG, row -> { if (process.equals(row.ref("sensei_scheduledprocess"))) rows.add(row); });
        rows.sort(Comparator.comparing((Row r) -> (Instant) r.get("createdon"), Comparator.nullsLast(Comparator.naturalOrder())).reversed());
        return rows.stream().map(ProcessRun::of).toList();
    }
}

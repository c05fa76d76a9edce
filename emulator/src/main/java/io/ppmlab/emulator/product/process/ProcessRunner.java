package io.ppmlab.emulator.product.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.clock.LabClock;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.product.ReadAs;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one scheduled process: its FetchXML through the query engine as the process's user (the table is
 * organisation-owned, so the user who created the process stands in for Dataverse's workflow owner), at most
 * {@link ProcessLimits#maxRows()} rows handed to its workflow extension, the extension stopped once it has run
 * longer than {@link ProcessLimits#maxRuntime()} on the lab clock, and one {@code sensei_processlog} written.
 */
public final class ProcessRunner implements AutoCloseable {
    static final String PROCESS = "sensei_scheduledprocess";
    static final String LOG = "sensei_processlog";
    /**
     * The platform's reason when a plug-in or custom workflow activity passes the 2-minute limit: Dataverse throws a
     * TimeoutException (learn.microsoft.com/power-apps/developer/data-platform/analyze-performance); this is the text
     * that exception carries in the sandbox.
     */
    static final String TIMEOUT_REASON = "System.TimeoutException: The plug-in execution failed because the operation has timed-out at the Sandbox Host.";
    /** How often, in real time, the runner compares a running extension's lab-clock time with the limit. */
    private static final long WATCH_MILLIS = 20;

    /** What the runner reads and writes through. */
    public record Wiring(Schema schema, Store store, SystemColumns system, LabClock clock, ReadAs reads, ProcessLimits limits) {}

    private final Wiring w;
    private final Extensions extensions;
    private final Table logs;
    private final Map<UUID, Object> locks = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lab-workflow-extension");
        t.setDaemon(true);
        return t;
    });

    public ProcessRunner(Wiring w) {
        this.w = w;
        this.logs = w.schema().table(LOG).orElseThrow();
        this.extensions = new Extensions(new SendReminder(w.store(), w.system(), w.schema().table(SendReminder.TABLE).orElseThrow()));
    }

    public ProcessLimits limits() { return w.limits(); }

    /** Runs the process now (a second run of the same process waits for the first) and returns its log. */
    public ProcessRun run(UUID processId) {
        Row process = w.store().get(PROCESS, processId).orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error(PROCESS, processId));
        synchronized (locks.computeIfAbsent(processId, k -> new Object())) {
            return log(process, execute(process));
        }
    }

    private ProcessRun execute(Row process) {
        Instant started = w.clock().instant();
        int matched = 0;
        int returned = 0;
        try {
            Caller runAs = runAs(process);
            ProcessFetch fetch = ProcessFetch.prepare((String) process.get("sensei_fetchxml"), started, w.limits().maxRows());
            Table table = w.schema().table(fetch.entity())
                    .orElseThrow(() -> new ProcessFetch.Invalid("The FetchXML query reads '" + fetch.entity() + "', which is not a table."));
            JsonNode result = w.reads().get(runAs, table.entitySetName() + "?fetchXml=" + URLEncoder.encode(fetch.xml(), StandardCharsets.UTF_8));
            List<JsonNode> rows = new ArrayList<>();
            result.path("value").forEach(rows::add);
            returned = rows.size();
            matched = Math.max(returned, result.path("@Microsoft.Dynamics.CRM.totalrecordcount").asInt(returned));
            if (fetch.top() != null) matched = Math.min(matched, fetch.top());
            boolean beyondCount = result.path("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded").asBoolean(false);
            String rowNote = rowNote(matched, returned, beyondCount);
            String spec = (String) process.get("sensei_workflowextension");
            WorkflowExtension extension = extensions.find(spec).orElseThrow(() -> new ProcessFetch.Invalid(
                    "The lab has no workflow extension '" + spec + "' (it provides " + Extensions.SEND_REMINDER + ", "
                            + Extensions.WORK_PER_ROW + ":<seconds>, " + Extensions.SLEEP_PER_ROW + ":<seconds>)."));
            AtomicInteger processed = new AtomicInteger();
            RunClock clock = new RunClock(w.clock(), w.limits().maxRuntime());
            try {
                String message = supervise(extension, new WorkflowExtension.Run(process, runAs, table.logicalName(), List.copyOf(rows), clock, processed));
                return done(ProcessRun.SUCCEEDED, matched, returned, processed.get(), started, message + rowNote);
            } catch (RunClock.TimedOut e) {
                return done(ProcessRun.FAILED, matched, returned, processed.get(), started, TIMEOUT_REASON + " The workflow extension "
                        + spec + " was stopped after " + WorkPerRow.seconds(clock.elapsed()) + " s of lab-clock time (limit "
                        + WorkPerRow.seconds(clock.limit()) + " s); " + processed.get() + " of " + returned + " rows were processed." + rowNote);
            } catch (ExtensionFailed e) {
                return done(ProcessRun.FAILED, matched, returned, processed.get(), started, "The workflow extension " + spec + " failed: " + e.getMessage() + rowNote);
            }
        } catch (ProcessFetch.Invalid e) {
            return done(ProcessRun.FAILED, matched, returned, 0, started, e.getMessage());
        } catch (ReadAs.Refused e) {
            return done(ProcessRun.FAILED, matched, returned, 0, started, "The FetchXML query was refused (" + e.status() + " " + e.code() + "): " + e.getMessage());
        }
    }

    /** Runs the extension on a worker and stops it (interrupt) once its lab-clock time passes the limit. */
    private String supervise(WorkflowExtension extension, WorkflowExtension.Run run) {
        Future<String> future = workers.submit(() -> extension.run(run));
        while (true) {
            try {
                return future.get(WATCH_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (run.clock().exceeded()) {
                    future.cancel(true);
                    throw new RunClock.TimedOut(run.clock().elapsed());
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RunClock.TimedOut t) throw t;
                if (cause instanceof InterruptedException && run.clock().exceeded()) throw new RunClock.TimedOut(run.clock().elapsed());
                throw new ExtensionFailed(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new ExtensionFailed("the runner was interrupted (the emulator is stopping)");
            }
        }
    }

    private static String rowNote(int matched, int returned, boolean beyondCount) {
        if (matched <= returned && !beyondCount) return "";
        String total = beyondCount ? "more than " + matched : Integer.toString(matched);
        return " The FetchXML query matched " + total + " rows; only the first " + returned
                + " were returned to the process (at most " + ProcessLimits.MAX_ROWS + " per run) and the rest were not processed.";
    }

    private ProcessRun done(int outcome, int matched, int returned, int processed, Instant started, String message) {
        return new ProcessRun(UUID.randomUUID(), outcome, matched, returned, processed, started, w.clock().instant(), message);
    }

    /** The user the process runs as: its creator, in that user's business unit. */
    private Caller runAs(Row process) {
        EntityRef creator = process.ref("createdby");
        if (creator == null) throw new ProcessFetch.Invalid("The process has no creator (createdby) to run as.");
        Row user = w.store().get("systemuser", creator.id())
                .orElseThrow(() -> new ProcessFetch.Invalid("The process's creator " + creator.id() + " no longer exists."));
        EntityRef bu = user.ref("businessunitid");
        if (bu == null) throw new ProcessFetch.Invalid("The process's creator " + creator.id() + " has no business unit.");
        return Caller.of(user.id(), bu.id());
    }

    private ProcessRun log(Row process, ProcessRun run) {
        Map<String, Object> v = new LinkedHashMap<>();
        String name = process.get("sensei_name") + " " + run.startedOn();
        v.put("sensei_name", name.length() > 200 ? name.substring(0, 200) : name);
        v.put("sensei_scheduledprocess", new EntityRef(PROCESS, process.id()));
        v.put("sensei_startedon", run.startedOn());
        v.put("sensei_finishedon", run.finishedOn());
        v.put("sensei_outcome", run.outcome());
        v.put("sensei_rowsprocessed", run.rowsProcessed());
        v.put("sensei_message", run.message());
        EntityRef creator = process.ref("createdby");
        Caller writer = creator == null ? Caller.of(process.id(), process.id()) : Caller.of(creator.id(), creator.id());
        w.store().apply(List.of(new Mutation.Put(w.system().forCreate(logs, run.processLogId(), v, writer))));
        return run;
    }

    /** An extension that threw something other than the timeout. */
    private static final class ExtensionFailed extends RuntimeException {
        ExtensionFailed(String message) { super(message, null, false, false); }
    }

    @Override
    public void close() { workers.shutdownNow(); }
}

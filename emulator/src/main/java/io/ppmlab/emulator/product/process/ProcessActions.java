package io.ppmlab.emulator.product.process;

import io.ppmlab.emulator.product.ActionMessages;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.ProductOperations;
import io.ppmlab.emulator.operations.AccessGuard;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The administrators' actions on scheduled processes: {@code sensei_RunScheduledProcess {"ProcessId":...}} runs
 * one now and answers with its log; {@code sensei_ListProcessLogs {"ProcessId":...}} purges logs past the
 * retention and lists the process's logs, newest first. Both need Write on the process row (the IQ Admin role),
 * checked by the same guard as a PATCH of it.
 */
public final class ProcessActions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final Table processes;
    private final AccessGuard guard;
    private final ProcessRunner runner;
    private final ProcessLogs logs;

    public ProcessActions(Store store, Table processes, AccessGuard guard, ProcessRunner runner, ProcessLogs logs) {
        this.store = store;
        this.processes = processes;
        this.guard = guard;
        this.runner = runner;
        this.logs = logs;
    }

    public ApiResponse run(Caller caller, ApiRequest request) {
        UUID id = authorised(caller, ProductOperations.RUN_SCHEDULED_PROCESS, request.body());
        ProcessRun run = runner.run(id);
        return ActionMessages.response(request, ProductOperations.RUN_RESPONSE, g -> entry(g, run));
    }

    public ApiResponse list(Caller caller, ApiRequest request) {
        UUID id = authorised(caller, ProductOperations.LIST_PROCESS_LOGS, request.body());
        int purged = logs.purge();
        List<ProcessRun> runs = logs.of(id);
        return ActionMessages.response(request, ProductOperations.LOGS_RESPONSE, g -> {
            g.writeNumberField("Purged", purged);
            g.writeArrayFieldStart("Logs");
            for (ProcessRun r : runs) {
                g.writeStartObject();
                entry(g, r);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private UUID authorised(Caller caller, String action, byte[] body) {
        UUID id = processId(action, body);
        Row process = store.get(processes.logicalName(), id).orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error(processes.logicalName(), id));
        guard.checkWrite(caller, processes, process, process);
        return id;
    }

    private static UUID processId(String action, byte[] body) {
        if (body.length == 0) throw ErrorCode.BAD_REQUEST.error("The request body of " + action + " is empty; send {\"ProcessId\":\"<sensei_scheduledprocessid>\"}.");
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw ErrorCode.BAD_REQUEST.error("The body of " + action + " is not valid JSON.");
        }
        if (node == null || !node.isObject()) throw ErrorCode.BAD_REQUEST.error("The body of " + action + " must be a JSON object.");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("ProcessId") && !f.startsWith("@")) throw ErrorCode.BAD_REQUEST.error("'" + f + "' is not a parameter of " + action + " (parameters: ProcessId).");
        }
        JsonNode v = node.get("ProcessId");
        if (v == null || !v.isTextual()) throw ErrorCode.BAD_REQUEST.error("The parameter 'ProcessId' of " + action + " is required (the sensei_scheduledprocessid, a GUID).");
        try {
            return UUID.fromString(v.asText());
        } catch (IllegalArgumentException e) {
            throw ErrorCode.BAD_REQUEST.error("The parameter 'ProcessId' of " + action + " is not a GUID: " + v.asText());
        }
    }

    private static void entry(JsonGenerator g, ProcessRun r) throws IOException {
        g.writeStringField("ProcessLogId", r.processLogId().toString());
        g.writeNumberField("Outcome", r.outcome());
        g.writeStringField("OutcomeName", r.outcomeName());
        count(g, "RowsMatched", r.rowsMatched());
        count(g, "RowsReturned", r.rowsReturned());
        g.writeNumberField("RowsProcessed", r.rowsProcessed());
        g.writeStringField("StartedOn", r.startedOn() == null ? null : r.startedOn().toString());
        g.writeStringField("FinishedOn", r.finishedOn() == null ? null : r.finishedOn().toString());
        if (r.elapsedSeconds() == null) g.writeNullField("ElapsedSeconds");
        else g.writeNumberField("ElapsedSeconds", r.elapsedSeconds());
        g.writeStringField("Message", r.message());
    }

    private static void count(JsonGenerator g, String name, int value) throws IOException {
        if (value < 0) g.writeNullField(name);
        else g.writeNumberField(name, value);
    }

}

package io.ppmlab.emulator.product.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.schema.Row;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A workflow extension a scheduled process hands its rows to (the product's are code in the customer's
 * environment; the lab provides its own, see {@link Extensions}). It counts each row it has finished in
 * {@link Run#processed()} and calls {@link RunClock#checkpoint()} between rows, so the runner can stop it at
 * the runtime limit and say how far it got.
 */
public interface WorkflowExtension {
    /** Processes the rows; returns the log message of a successful run. */
    String run(Run run) throws InterruptedException;

    /**
     * One run: the process row, the user it runs as, the table its FetchXML reads and the rows returned to it
     * (as the Web API wrote them), its clock and its progress.
     */
    record Run(Row process, Caller runAs, String table, List<JsonNode> rows, RunClock clock, AtomicInteger processed) {}
}

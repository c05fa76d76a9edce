package io.ppmlab.reports.results;

import java.util.List;

/** The emulator's own counters for the run: per request name and per store operation. */
public record Server(Boolean available, List<Request> requests, List<Operation> operations, Throttled throttled) {

    public Server {
        requests = requests == null ? List.of() : List.copyOf(requests);
        operations = operations == null ? List.of() : List.copyOf(operations);
    }

    /** Rows, bytes and time the emulator spent on one request name. */
    public record Request(String name, Long count, Long rowsRead, Long rowsWritten, Double modelledMs,
                          Double serverP50Ms, Double serverP95Ms, Long responseBytes) {}

    /** Server-side time of one operation on one table. */
    public record Operation(String operation, String table, Long count, Double p50Ms, Double p95Ms, Double modelledMs) {}

    /** Requests refused by service protection, by the limit that refused them. */
    public record Throttled(Long requests, Long executionTime, Long concurrency) {}
}

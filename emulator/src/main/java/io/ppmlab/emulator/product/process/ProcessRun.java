package io.ppmlab.emulator.product.process;

import io.ppmlab.schema.Row;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One run of a scheduled process as its {@code sensei_processlog} row records it, plus the row counts the log
 * message spells out ({@code rowsMatched} is the platform's total record count, at most 5,000).
 */
public record ProcessRun(UUID processLogId, int outcome, int rowsMatched, int rowsReturned, int rowsProcessed,
                         Instant startedOn, Instant finishedOn, String message) {
    public static final int RUNNING = 955000000;
    public static final int SUCCEEDED = 955000001;
    public static final int FAILED = 955000002;

    public String outcomeName() {
        return switch (outcome) {
            case RUNNING -> "Running";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            default -> "Timed out";
        };
    }

    /** Lab-clock seconds from start to finish, to the millisecond. */
    public BigDecimal elapsedSeconds() {
        if (startedOn == null || finishedOn == null) return null;
        return BigDecimal.valueOf(Duration.between(startedOn, finishedOn).toMillis(), 3);
    }

    /** A stored log row read back (runs logged before the lab's runner carry no matched/returned counts). */
    static ProcessRun of(Row log) {
        Object rows = log.get("sensei_rowsprocessed");
        int processed = rows instanceof Number n ? n.intValue() : 0;
        Object outcome = log.get("sensei_outcome");
        Instant started = (Instant) log.get("sensei_startedon");
        Instant finished = (Instant) log.get("sensei_finishedon");
        return new ProcessRun(log.id(), outcome instanceof Number n ? n.intValue() : RUNNING, -1, -1, processed,
                started == null ? (Instant) log.get("createdon") : started, finished == null ? started : finished,
                String.valueOf(log.values().getOrDefault("sensei_message", "")));
    }
}

package io.ppmlab.emulator.store;

import java.util.Locale;

/**
 * What opening a {@link ChronicleStore} had to repair, for the server to print at start.
 *
 * @param previousCloseClean  false when the previous process died (its maps were opened with Chronicle's recovery)
 * @param batchesReplayed     complete journal records applied again (all but the last were already in the maps)
 * @param mutationsReplayed   rows put or deleted by those batches
 * @param batchesRolledBack   records whose replay failed and was undone (0 unless a map is full or a file cannot be created)
 * @param tornRecordsDiscarded 1 when the journal ended with an incomplete record, else 0
 * @param bytesDiscarded      size of that torn tail
 * @param tornReason          why the tail was judged torn ("bad checksum", "short record ..."), or null
 * @param journalBytes        size of the journal found
 * @param millis              time spent replaying (maps already open)
 */
public record RecoveryReport(boolean previousCloseClean, int batchesReplayed, long mutationsReplayed, int batchesRolledBack,
                             int tornRecordsDiscarded, long bytesDiscarded, String tornReason, long journalBytes,
                             long millis) {

    static RecoveryReport of(boolean previousCloseClean, Journal.Scan scan, long millis) {
        return new RecoveryReport(previousCloseClean, scan.batches(), scan.mutations(), scan.rolledBack(), scan.tornRecords(),
                scan.discardedBytes(), scan.tornReason(), scan.journalBytes(), millis);
    }

    /** True when the journal held nothing: the previous process closed cleanly or died between batches. */
    public boolean nothingToRecover() { return journalBytes == 0; }

    /** One line, e.g. {@code journal: replayed 1 batch (16,425 mutations), discarded 1 torn record (3,140 bytes: bad checksum) in 41 ms}. */
    public String summary() {
        String close = previousCloseClean ? "" : " (previous process did not close cleanly)";
        if (nothingToRecover()) return "journal: empty, nothing to replay" + close;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "journal: replayed %,d batch%s (%,d mutations)", batchesReplayed,
                batchesReplayed == 1 ? "" : "es", mutationsReplayed));
        if (batchesRolledBack > 0) s.append(String.format(Locale.ROOT, ", rolled back %,d that failed", batchesRolledBack));
        if (tornRecordsDiscarded > 0) {
            s.append(String.format(Locale.ROOT, ", discarded %d torn record (%,d bytes: %s)", tornRecordsDiscarded, bytesDiscarded, tornReason));
        }
        return s.append(String.format(Locale.ROOT, " in %d ms", millis)).append(close).toString();
    }
}

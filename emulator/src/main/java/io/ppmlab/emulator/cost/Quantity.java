package io.ppmlab.emulator.cost;

/**
 * What the engine counts while it serves a request: the inputs of the {@link CostModel}. Each has a
 * coefficient in the cost profile ({@code cost-profile.json}) under its {@link #key()}.
 */
public enum Quantity {
    /** Rows visited by a scan (no index could narrow the query). */
    ROWS_SCANNED("rowsScanned"),
    /** Rows fetched by id (retrieve, index hits, lookups followed, rows a write reads first). */
    ROWS_FETCHED("rowsFetched"),
    /** Rows written into the answer (entities, collection items, expanded rows). */
    ROWS_RETURNED("rowsReturned"),
    /** Rows created, updated or deleted (cascades and capacity rows included). */
    ROWS_WRITTEN("rowsWritten"),
    /** Consultations of a secondary index (owner, owning business unit, lookup). */
    INDEX_LOOKUPS("indexLookups"),
    /** Privilege and access checks on a row, and read scopes computed for a query. */
    SECURITY_CHECKS("securityChecks"),
    /** $expand items and FetchXML link-entities joined. */
    JOINS("joins"),
    /** Rows fed into an aggregate ($apply, FetchXML aggregate, $count). */
    AGGREGATE_ROWS("aggregateRows"),
    /** Request body bytes. */
    BYTES_IN("bytesIn"),
    /** Response body bytes. */
    BYTES_OUT("bytesOut"),
    /** Write batches appended to the change journal (a transaction commit each). */
    JOURNAL_APPENDS("journalAppends"),
    /** Bytes appended to the change journal (what a database would write to its log). */
    JOURNAL_BYTES("journalBytes"),
    /** Requests inside a $batch (each is an operation of its own on the server). */
    BATCH_PARTS("batchParts");

    private final String key;

    Quantity(String key) { this.key = key; }

    public String key() { return key; }
}

package io.ppmlab.emulator.cost;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one request did, counted as it is served: the quantities of {@link Quantity}, the operation kind
 * and the table. Confined to the thread serving the request (see {@link WorkScope}).
 */
public final class Work {
    private static final Quantity[] ALL = Quantity.values();

    private final long[] counts = new long[ALL.length];
    private final java.util.List<String> parts = new java.util.ArrayList<>(0);
    private String operation = "other";
    private String table = "";

    public void add(Quantity q, long n) { counts[q.ordinal()] += n; }

    public long get(Quantity q) { return counts[q.ordinal()]; }

    /** Adds the quantities {@code other} counted (not its operation, table or parts): work done for this request on other threads. */
    public void addAll(Work other) {
        for (int i = 0; i < counts.length; i++) counts[i] += other.counts[i];
    }

    /** Rows read from the store, scanned or fetched. */
    public long rowsRead() { return get(Quantity.ROWS_SCANNED) + get(Quantity.ROWS_FETCHED); }

    public void classify(String operation, String table) {
        this.operation = operation;
        this.table = table == null ? "" : table;
    }

    public String operation() { return operation; }

    /** A request inside this $batch, by its operation kind: Dataverse runs each part as its own operation. */
    public void part(String operation) {
        parts.add(operation);
        add(Quantity.BATCH_PARTS, 1);
    }

    /** The operation kinds of the batch parts run, in order. */
    public java.util.List<String> parts() { return java.util.Collections.unmodifiableList(parts); }

    public String table() { return table; }

    public Map<Quantity, Long> counts() {
        Map<Quantity, Long> out = new EnumMap<>(Quantity.class);
        for (Quantity q : ALL) out.put(q, counts[q.ordinal()]);
        return out;
    }
}

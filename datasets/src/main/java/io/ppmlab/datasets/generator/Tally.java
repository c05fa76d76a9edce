package io.ppmlab.datasets.generator;

import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts rows per table (reported in schema order) and remembers the highest version number seen. */
public final class Tally implements RowSink {
    private final Schema schema;
    private final Map<String, long[]> counts = new java.util.HashMap<>();
    private long total;
    private long maxVersion;

    public Tally(Schema schema) { this.schema = schema; }

    @Override
    public void accept(Row row) {
        counts.computeIfAbsent(row.table(), t -> new long[1])[0]++;
        total++;
        if (row.get("versionnumber") instanceof Long v && v > maxVersion) maxVersion = v;
    }

    /** Rows per table, in schema order, tables without rows left out. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Table t : schema.tables()) {
            long[] n = counts.get(t.logicalName());
            if (n != null) out.put(t.logicalName(), n[0]);
        }
        return out;
    }

    public long total() { return total; }

    public long maxVersion() { return maxVersion; }
}

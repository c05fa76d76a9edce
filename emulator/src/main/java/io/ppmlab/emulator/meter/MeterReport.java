package io.ppmlab.emulator.meter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What {@link StorageMeter} measured: per table, rows, bytes really held by the store, and the Dataverse quota
 * the {@link RowSizeModel} gives the same rows; totals; and the capacity quota per resource-year.
 *
 * @param capacity null when the schema has no capacity table or it holds no rows
 */
public record MeterReport(List<TableLine> tables, long rows, long storeBytes, long quotaBytes, CapacityFigure capacity) {
    public MeterReport {
        tables = List.copyOf(tables);
    }

    /**
     * @param storeBytes  what the store holds for these rows ({@code Store.bytesUsed}: keys, values, entry headers)
     * @param quotaBytes  modelled Dataverse quota: data pages + off-row pages + index pages
     */
    public record TableLine(String table, long rows, long storeBytes, long quotaBytes, long dataBytes, long offRowBytes,
                            long indexBytes, List<IndexLine> indexes) {
        public TableLine {
            indexes = List.copyOf(indexes);
        }

        public double quotaPerRow() { return rows == 0 ? 0 : (double) quotaBytes / rows; }
    }

    public record IndexLine(String name, List<String> columns, long entries, long bytes) {
        public IndexLine {
            columns = List.copyOf(columns);
        }
    }

    /**
     * The documented "170 KB of quota per resource per capacity year", measured: the capacity table's modelled
     * quota divided by the resource-years it holds (distinct resource × day pairs / 365).
     *
     * @param quotaPerResourceYearKb        in KB of 1,000 bytes (170 KB / 365 days = the 466 B per daily row of the design notes)
     * @param documentedKb                  170
     * @param deviation                     quotaPerResourceYearKb / documentedKb - 1
     * @param withVersionTagsKb             the same if every record carried SQL Server's 14-byte row-versioning tag
     * @param typicalRow                    the model's arithmetic for the first row scanned
     */
    public record CapacityFigure(String table, long rows, long resources, String firstDate, String lastDate, long resourceDays,
                                 double resourceYears, long quotaBytes, double quotaPerRow, double quotaPerResourceYearKb,
                                 double documentedKb, double deviation, double withVersionTagsKb, List<String> typicalRow) {
        public CapacityFigure {
            typicalRow = List.copyOf(typicalRow);
        }
    }

    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write meter report", e);
        }
    }

    /** A table of the non-empty tables, largest quota first, then the capacity figure and its arithmetic. */
    public String toText() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-32s %12s %15s %15s %11s %11s%n", "table", "rows", "store bytes", "quota bytes",
                "quota/row", "index share"));
        List<TableLine> sorted = new ArrayList<>(tables);
        sorted.sort(Comparator.comparingLong(TableLine::quotaBytes).reversed());
        for (TableLine t : sorted) {
            if (t.rows() == 0) continue;
            s.append(String.format(Locale.ROOT, "%-32s %,12d %,15d %,15d %,11.1f %10.0f%%%n", t.table(), t.rows(), t.storeBytes(),
                    t.quotaBytes(), t.quotaPerRow(), t.quotaBytes() == 0 ? 0 : 100.0 * t.indexBytes() / t.quotaBytes()));
        }
        s.append(String.format(Locale.ROOT, "%-32s %,12d %,15d %,15d%n", "total", rows, storeBytes, quotaBytes));
        if (capacity == null) return s.append("capacity: no capacity rows\n").toString();
        CapacityFigure c = capacity;
        s.append(String.format(Locale.ROOT, "%ncapacity (%s): %,d rows, %,d resources, %s to %s, %,d resource-days = %,.2f resource-years%n",
                c.table(), c.rows(), c.resources(), c.firstDate(), c.lastDate(), c.resourceDays(), c.resourceYears()));
        s.append(String.format(Locale.ROOT, "quota %,d B = %.1f B per row = %.1f KB per resource-year (documented ~%.0f KB: %+.1f%%);"
                        + " with 14-byte row-versioning tags it would be %.1f KB%n",
                c.quotaBytes(), c.quotaPerRow(), c.quotaPerResourceYearKb(), c.documentedKb(), 100 * c.deviation(), c.withVersionTagsKb()));
        s.append("a capacity row in the model:\n");
        for (String line : c.typicalRow()) s.append("  ").append(line).append('\n');
        return s.toString();
    }
}

package io.ppmlab.emulator.meter;

import io.ppmlab.schema.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The Dataverse database quota one row takes: its SQL Server data record plus one record in each index, each
 * charged its share of an 8 KB page. The columns and indexes are those of {@link TableLayout}.
 *
 * <p><b>Data record</b> (SQL Server FixedVar format, no compression): 4 bytes of header (two status bytes, the
 * offset of the column count) + the fixed-length columns at their full width whether null or not
 * (uniqueidentifier 16, datetime 8, int 4, bigint 8, rowversion 8, money 8, decimal(23,10) 13, bits packed 8 to a
 * byte) + 2 bytes of column count + a null bitmap of one bit per column + (when a variable-length column has a
 * value) 2 bytes of count, 2 bytes of end offset per variable-length column up to the last non-null one, and the
 * values: nvarchar at 2 bytes per UTF-16 char of the actual value. A record is at most 8,060 bytes: past that
 * the longest values move off-row (24-byte pointer in the record, the value in 8 KB overflow/LOB pages), as do
 * nvarchar(max) values over 8,000 bytes.
 *
 * <p><b>Index record</b> (leaf of a nonclustered index on a table clustered on its uniqueidentifier id): 1 status
 * byte + the key and included columns at their fixed width + the 16-byte clustering key (the row locator; once if
 * the id is already a column of the index) + a null bitmap (2 bytes of count + 1 bit per column) when any of its
 * columns is nullable + the variable-length section as above. An alternate key's index has no entry for a row
 * with a null key column.
 *
 * <p><b>Pages</b>: every record also takes a 2-byte slot; a page of 8,192 bytes holds 8,096 bytes of records and
 * slots, and a record never spans pages, so a record of r bytes (slot included) costs 8,192 / floor(8,096 / r).
 * Pages are taken as full (Dataverse creates its indexes with FILLFACTOR = 100, and the rows of a table filled
 * by a generator arrive in key order for the indexes above); upper B-tree levels (under 1%) and extent
 * allocation are left out.
 *
 * <p><b>Not modelled</b>: ROW compression (the 9.1 DDL creates newer tables WITH DATA_COMPRESSION = ROW, which
 * would shrink null and small fixed-width values), the 14-byte row-versioning tag SQL Server appends to every
 * data and index record when snapshot isolation or read-committed snapshot is on (whether Dataverse's databases
 * use it is not published; {@link RowQuota#records()} gives the count to add it), half-full pages after random
 * inserts, quick-find indexes, and the {@code <table>ExtensionBase} split of CRM 2011 and earlier.
 */
public final class RowSizeModel {
    public static final int PAGE_BYTES = 8192;
    /** Bytes of a page left for records and their slots once the 96-byte page header is taken. */
    public static final int PAGE_SPACE = 8096;
    public static final int SLOT_BYTES = 2;
    public static final int MAX_RECORD_BYTES = 8060;
    public static final int OFF_ROW_POINTER_BYTES = 24;
    /** nvarchar(max) values longer than this are always stored off-row. */
    public static final int MAX_IN_ROW_LOB_BYTES = 8000;
    public static final int ROW_LOCATOR_BYTES = 16;
    /** What a row-versioning tag would add to each record, for the sensitivity figure. */
    public static final int VERSION_TAG_BYTES = 14;

    private final TableLayout layout;
    private final int fixedBytes;
    private final List<SqlColumn> varColumns = new ArrayList<>();
    private final List<IndexShape> indexes = new ArrayList<>();

    public RowSizeModel(TableLayout layout) {
        this.layout = layout;
        int fixed = 0;
        int bits = 0;
        for (SqlColumn c : layout.columns()) {
            if (c.variable()) varColumns.add(c);
            else if (c.bit()) bits++;
            else fixed += c.width();
        }
        fixedBytes = fixed + (bits + 7) / 8;
        String id = layout.table().primaryIdColumn();
        for (SqlIndex ix : layout.indexes()) indexes.add(new IndexShape(ix, layout, id));
    }

    public TableLayout layout() { return layout; }

    /**
     * The modelled cost of one row.
     *
     * @param recordBytes  the data record with its slot
     * @param dataBytes    its share of a data page
     * @param offRowBytes  overflow and LOB pages for values moved out of the record
     * @param indexBytes   its share of a page of each index, in {@link TableLayout#indexes()} order (0 when it has no entry)
     * @param records      records it has (data + index entries), for adding per-record overheads
     */
    public record RowQuota(int recordBytes, double dataBytes, long offRowBytes, double[] indexBytes, int records) {
        public double total() {
            double t = dataBytes + offRowBytes;
            for (double b : indexBytes) t += b;
            return t;
        }

        public double indexTotal() {
            double t = 0;
            for (double b : indexBytes) t += b;
            return t;
        }
    }

    public RowQuota quota(Row row) {
        Record r = dataRecord(row);
        double[] ix = new double[indexes.size()];
        int records = 1;
        for (int i = 0; i < ix.length; i++) {
            int bytes = indexes.get(i).recordBytes(row);
            if (bytes > 0) {
                ix[i] = pageShare(bytes);
                records++;
            }
        }
        return new RowQuota(r.bytes, pageShare(r.bytes), r.offRow, ix, records);
    }

    /** The arithmetic of {@link #quota} for one row, a line per term, for the report and the README. */
    public List<String> explain(Row row) {
        List<String> out = new ArrayList<>();
        Record r = dataRecord(row);
        StringBuilder fixed = new StringBuilder();
        int bits = 0;
        for (SqlColumn c : layout.columns()) {
            if (c.bit()) bits++;
            else if (!c.variable()) fixed.append(fixed.length() == 0 ? "" : " + ").append(c.name()).append(' ').append(c.width());
        }
        out.add(String.format(Locale.ROOT, "fixed-length columns: %s%s = %d B", fixed, bits > 0 ? " + " + bits + " bit(s)" : "", fixedBytes));
        int bitmap = (layout.columns().size() + 7) / 8;
        out.add(String.format(Locale.ROOT, "record overhead: header 4 + column count 2 + null bitmap %d (%d columns) = %d B",
                bitmap, layout.columns().size(), 6 + bitmap));
        out.add(String.format(Locale.ROOT, "variable-length section: %s", r.varDescription));
        out.add(String.format(Locale.ROOT, "data record %d B + slot 2 = %d B; %d per page -> 8192 / %d = %.2f B",
                r.bytes - SLOT_BYTES, r.bytes, PAGE_SPACE / r.bytes, PAGE_SPACE / r.bytes, pageShare(r.bytes)));
        if (r.offRow > 0) out.add(String.format(Locale.ROOT, "off-row pages: %d B", r.offRow));
        double total = pageShare(r.bytes) + r.offRow;
        for (IndexShape ix : indexes) {
            int bytes = ix.recordBytes(row);
            if (bytes == 0) {
                out.add(ix.index.name() + ": no entry (a key column is null)");
                continue;
            }
            out.add(String.format(Locale.ROOT, "%s (%s): %s = %d B; %d per page -> %.2f B", ix.index.name(),
                    String.join(", ", ix.index.keys()) + (ix.index.includes().isEmpty() ? "" : " include " + String.join(", ", ix.index.includes())),
                    ix.describe(row), bytes, PAGE_SPACE / bytes, pageShare(bytes)));
            total += pageShare(bytes);
        }
        out.add(String.format(Locale.ROOT, "total %.2f B per row (%.2f data, %.2f in %d indexes)", total,
                pageShare(r.bytes) + r.offRow, total - pageShare(r.bytes) - r.offRow, indexes.size()));
        return out;
    }

    /** What a record of {@code bytes} (slot included) costs: its share of the page it shares with others like it. */
    static double pageShare(int bytes) {
        int perPage = PAGE_SPACE / bytes;
        return perPage == 0 ? PAGE_BYTES : (double) PAGE_BYTES / perPage;
    }

    /** Bytes of a column's value in the record: 2 per char for nvarchar, 0 when null. */
    static int valueBytes(SqlColumn c, Row row) {
        if (!c.inRow()) return 0;
        Object v = row.get(c.name());
        return v instanceof String s ? 2 * s.length() : 0;
    }

    private record Record(int bytes, long offRow, String varDescription) {}

    private Record dataRecord(Row row) {
        int n = varColumns.size();
        int[] inRow = new int[n];
        long offRow = 0;
        for (int i = 0; i < n; i++) {
            SqlColumn c = varColumns.get(i);
            inRow[i] = valueBytes(c, row);
            if (c.sqlType().equals("nvarchar(max)") && inRow[i] > MAX_IN_ROW_LOB_BYTES) {
                offRow += overflowPages(inRow[i]);
                inRow[i] = OFF_ROW_POINTER_BYTES;
            }
        }
        int base = 4 + fixedBytes + 2 + (layout.columns().size() + 7) / 8;
        while (base + varSection(inRow) > MAX_RECORD_BYTES) {
            int longest = 0;
            for (int i = 1; i < n; i++) if (inRow[i] > inRow[longest]) longest = i;
            if (inRow[longest] <= OFF_ROW_POINTER_BYTES) break;
            offRow += overflowPages(inRow[longest]);
            inRow[longest] = OFF_ROW_POINTER_BYTES;
        }
        int var = varSection(inRow);
        StringBuilder d = new StringBuilder();
        if (var == 0) {
            d.append("none (every nvarchar is null) = 0 B");
        } else {
            int last = lastNonNull(inRow);
            d.append("count 2 + offsets 2 × ").append(last + 1);
            for (int i = 0; i <= last; i++) if (inRow[i] > 0) d.append(" + ").append(varColumns.get(i).name()).append(' ').append(inRow[i]);
            d.append(" = ").append(var).append(" B");
        }
        return new Record(base + var + SLOT_BYTES, offRow, d.toString());
    }

    private static int varSection(int[] bytes) {
        int last = lastNonNull(bytes);
        if (last < 0) return 0;
        int sum = 0;
        for (int i = 0; i <= last; i++) sum += bytes[i];
        return 2 + 2 * (last + 1) + sum;
    }

    private static int lastNonNull(int[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) if (bytes[i] > 0) return i;
        return -1;
    }

    private static long overflowPages(int bytes) { return (long) Math.ceil(bytes / (double) MAX_IN_ROW_LOB_BYTES) * PAGE_BYTES; }

    /** An index's columns resolved against the layout. */
    private static final class IndexShape {
        final SqlIndex index;
        final List<SqlColumn> keys = new ArrayList<>();
        final int fixed;
        final boolean nullBitmap;
        final int columns;
        final List<SqlColumn> vars = new ArrayList<>();

        IndexShape(SqlIndex index, TableLayout layout, String idColumn) {
            this.index = index;
            List<SqlColumn> all = new ArrayList<>();
            for (String k : index.keys()) {
                SqlColumn c = layout.column(k);
                keys.add(c);
                all.add(c);
            }
            for (String inc : index.includes()) all.add(layout.column(inc));
            boolean hasLocator = all.stream().anyMatch(c -> c.name().equals(idColumn));
            int f = hasLocator ? 0 : ROW_LOCATOR_BYTES;
            boolean nullable = false;
            for (SqlColumn c : all) {
                if (c.variable()) vars.add(c);
                else f += c.bit() ? 1 : c.width();
                nullable |= c.nullable();
            }
            vars.sort(Comparator.comparing(SqlColumn::name)); // order does not change the size
            fixed = f;
            nullBitmap = nullable;
            columns = all.size() + (hasLocator ? 0 : 1);
        }

        int recordBytes(Row row) {
            if (index.skipsNulls()) {
                for (SqlColumn k : keys) if (!k.inRow() || row.get(k.name()) == null) return 0;
            }
            return 1 + fixed + bitmapBytes() + varBytes(row) + SLOT_BYTES;
        }

        int bitmapBytes() { return nullBitmap ? 2 + (columns + 7) / 8 : 0; }

        int varBytes(Row row) {
            int[] b = new int[vars.size()];
            for (int i = 0; i < b.length; i++) b[i] = valueBytes(vars.get(i), row);
            return varSection(b);
        }

        String describe(Row row) {
            int var = varBytes(row);
            return "status 1 + columns and locator " + fixed + (nullBitmap ? " + null bitmap " + bitmapBytes() : "")
                    + (var > 0 ? " + variable " + var : "") + " + slot 2";
        }
    }
}

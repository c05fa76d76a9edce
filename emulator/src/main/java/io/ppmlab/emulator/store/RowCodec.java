package io.ppmlab.emulator.store;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.util.HashMap;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stored form of a table's rows (the id is the key, so it is not repeated here).
 *
 * <p>Layout, version 1: one version byte; a varint {@code k}, the number of columns the bitmap covers
 * (one past the highest present ordinal); a presence bitmap of {@code ceil(k / 8)} bytes, bit {@code i}
 * (least significant first) set when column {@code i} of {@link Table#columns()} has a value; then each
 * present value in ordinal order, in the form {@link ColumnCodec} gives its type. Because columns are only
 * ever appended to a table, rows written under an older schema still decode: the newer columns are absent.
 */
public final class RowCodec {
    static final int VERSION = 1;

    private final Table table;
    private final ColumnCodec[] columns;
    private final Map<String, Integer> ordinals = new HashMap<>();

    public RowCodec(Table table) {
        this.table = table;
        List<Column> cols = table.columns();
        columns = new ColumnCodec[cols.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new ColumnCodec(cols.get(i));
            ordinals.put(cols.get(i).name(), i);
        }
    }

    public Table table() { return table; }

    /**
     * Encodes a row of this table.
     *
     * @throws IllegalArgumentException if the row belongs to another table, names a column the table does
     *                                  not have, or holds a value its column cannot store
     */
    public byte[] encode(Row row) {
        if (!row.table().equals(table.logicalName())) {
            throw new IllegalArgumentException("row of " + row.table() + " given to the codec of " + table.logicalName());
        }
        Object[] byOrdinal = new Object[columns.length];
        int covered = 0;
        for (Map.Entry<String, Object> e : row.values().entrySet()) {
            Integer ordinal = ordinals.get(e.getKey());
            if (ordinal == null) {
                throw new IllegalArgumentException("table " + table.logicalName() + " has no column " + e.getKey());
            }
            byOrdinal[ordinal] = e.getValue();
            covered = Math.max(covered, ordinal + 1);
        }
        PackedWriter out = new PackedWriter(16 + 24 * row.values().size());
        out.writeByte(VERSION);
        out.writeVarLong(covered);
        int bitmap = out.reserve((covered + 7) >>> 3);
        for (int i = 0; i < covered; i++) {
            if (byOrdinal[i] == null) continue;
            out.setBit(bitmap, i);
            columns[i].write(out, byOrdinal[i]);
        }
        return out.toByteArray();
    }

    /**
     * Decodes bytes {@link #encode} produced for the row with the given id.
     *
     * @throws IllegalArgumentException if the bytes are not a row of this table in a known version
     */
    public Row decode(UUID id, byte[] bytes) { return decode(id, bytes, null); }

    /** The ordinals of the named columns of this table (unknown names ignored), for {@link #decode(UUID, byte[], BitSet)}. */
    public BitSet ordinals(Collection<String> names) {
        BitSet wanted = new BitSet(columns.length);
        for (String n : names) {
            Integer ordinal = ordinals.get(n);
            if (ordinal != null) wanted.set(ordinal);
        }
        return wanted;
    }

    /**
     * The row with only the wanted columns (by ordinal; null: all), the others skipped without being built. For
     * readers that need a few columns of many rows (the query indexes' keys of the rows a batch replaced).
     */
    public Row decode(UUID id, byte[] bytes, BitSet wanted) {
        PackedReader in = new PackedReader(bytes);
        int version = in.readByte();
        if (version != VERSION) throw in.malformed("unknown row format version " + version);
        int covered = in.readVarLength();
        if (covered > columns.length) {
            throw in.malformed("row covers " + covered + " columns, table " + table.logicalName() + " has " + columns.length);
        }
        int bitmap = in.skip((covered + 7) >>> 3);
        LinkedHashMap<String, Object> values = new LinkedHashMap<>(Row.capacity(wanted == null ? covered : wanted.cardinality()));
        for (int i = 0; i < covered; i++) {
            if (!in.bit(bitmap, i)) continue;
            if (wanted == null || wanted.get(i)) values.put(columns[i].column().name(), columns[i].read(in));
            else columns[i].skip(in);
        }
        if (!in.atEnd()) throw in.malformed("trailing bytes");
        return Row.adopt(table.logicalName(), id, values); // every value read is non-null: no copy needed
    }
}

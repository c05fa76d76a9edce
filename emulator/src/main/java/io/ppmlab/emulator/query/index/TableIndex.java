package io.ppmlab.emulator.query.index;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secondary indexes of one table: every row id in id order, and for each indexed column a map from value to
 * the ids holding it. By default ({@link #DEFAULT_COLUMNS}) the indexed columns are the owner, the owning business
 * unit, every other lookup except the audit and owning-user/team copies of the owner, and GUID columns (share
 * rows' object and principal). Memory: about 40 bytes per indexed value per row, on the heap; tables are indexed
 * only once a query touches them. Only {@link IndexedStore} changes it, one writer at a time; readers never lock.
 */
public final class TableIndex {
    /** Lookups that repeat the owner or only record who wrote the row: rarely filtered, costly to keep. */
    private static final Set<String> SKIPPED = Set.of("createdby", "modifiedby", "createdonbehalfby",
            "modifiedonbehalfby", "owninguser", "owningteam");

    /** Which columns get an index. */
    public interface ColumnChoice {
        boolean indexed(Table table, Column column);
    }

    /** Lookups (but the audit and owner copies) and non-key GUID columns. */
    public static final ColumnChoice DEFAULT_COLUMNS = (table, c) ->
            (c.type() == ColumnType.LOOKUP && !SKIPPED.contains(c.name()))
                    || (c.type() == ColumnType.UNIQUEIDENTIFIER && !c.name().equals(table.primaryIdColumn()));

    private final Table table;
    private final List<Column> columns;
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<ConcurrentHashMap<Object, IdSet>> buckets = new ArrayList<>();
    private final IdSet all = new IdSet();

    TableIndex(Table table, ColumnChoice choice) {
        this.table = table;
        List<Column> cols = new ArrayList<>();
        for (Column c : table.columns()) {
            if (choice.indexed(table, c)) {
                positions.put(c.name(), cols.size());
                cols.add(c);
                buckets.add(new ConcurrentHashMap<>());
            }
        }
        this.columns = List.copyOf(cols);
    }
    /** Whether an indexed column of this name exists. */
    public boolean indexed(String column) { return positions.containsKey(column); }

    public Table table() { return table; }

    public int size() { return all.size(); }

    /** Every row id of the table. */
    public IdSet all() { return all; }

    /** Ids of rows whose {@code column} holds {@code value} (a lookup's target id, a choice's number). */
    public IdSet bucket(String column, Object value) {
        Integer pos = positions.get(column);
        if (pos == null) throw new IllegalArgumentException(table.logicalName() + "." + column + " is not indexed");
        Object key = key(columns.get(pos), value);
        if (key == null) return IdSet.EMPTY;
        IdSet set = buckets.get(pos).get(key);
        return set == null ? IdSet.EMPTY : set;
    }

    /** The buckets of several values, with their total size (what the planner compares). */
    public List<IdSet> buckets(String column, Collection<?> values) {
        List<IdSet> out = new ArrayList<>(values.size());
        for (Object v : values) {
            IdSet s = bucket(column, v);
            if (s.size() > 0) out.add(s);
        }
        return out;
    }

    /** The index key of a value: lookups and GUIDs by id, numbers as Integer; null when it cannot be one. */
    static Object key(Column column, Object value) {
        if (value == null) return null;
        if (value instanceof EntityRef ref) return ref.id();
        if (value instanceof UUID) return value;
        if (column.type() == ColumnType.CHOICE || column.type() == ColumnType.INT) {
            if (value instanceof Number n) {
                long l = n.longValue();
                if (l != (int) l || (n instanceof java.math.BigDecimal d && d.stripTrailingZeros().scale() > 0)) return null;
                return (int) l;
            }
            return null;
        }
        return value;
    }

    // --- writes: only IndexedStore calls these, holding its write lock ---

    void load(Row row) {
        Object[] keys = keysOf(row);
        for (int i = 0; i < keys.length; i++) if (keys[i] != null) bucketFor(i, keys[i]).add(row.id());
        all.add(row.id());
    }

    /** Adds the new row's entries before the store write, so that a concurrent reader sees a superset. */
    Object[] provisional(Row row) {
        Object[] keys = keysOf(row);
        for (int i = 0; i < keys.length; i++) if (keys[i] != null) bucketFor(i, keys[i]).add(row.id());
        all.add(row.id());
        return keys;
    }

    /**
     * After the write: drops every entry of the row's old state and of its provisional states that its final
     * state ({@code finalRow}, null when deleted) does not have.
     */
    void settle(UUID id, Row old, Row finalRow, List<Object[]> provisional) {
        Object[] keep = finalRow == null ? null : keysOf(finalRow);
        List<Object[]> candidates = new ArrayList<>(provisional);
        if (old != null) candidates.add(keysOf(old));
        for (Object[] keys : candidates) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null && (keep == null || !Objects.equals(keys[i], keep[i]))) removeFrom(i, keys[i], id);
            }
        }
        if (keep == null) all.remove(id);
    }

    /** The write failed: back to the row's old state ({@code old} null when it did not exist). */
    void rollback(UUID id, Row old, List<Object[]> provisional) {
        Object[] before = old == null ? null : keysOf(old);
        for (Object[] keys : provisional) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null && (before == null || !Objects.equals(keys[i], before[i]))) removeFrom(i, keys[i], id);
            }
        }
        if (old == null) all.remove(id);
    }

    private Object[] keysOf(Row row) {
        Object[] keys = new Object[columns.size()];
        for (int i = 0; i < keys.length; i++) keys[i] = key(columns.get(i), row.get(columns.get(i).name()));
        return keys;
    }

    private IdSet bucketFor(int position, Object key) {
        return buckets.get(position).computeIfAbsent(key, k -> new IdSet());
    }

    private void removeFrom(int position, Object key, UUID id) {
        IdSet set = buckets.get(position).get(key);
        if (set == null) return;
        set.remove(id);
        if (set.size() == 0) buckets.get(position).remove(key, set);
    }
}

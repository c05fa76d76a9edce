package io.ppmlab.emulator.query.index;

import io.ppmlab.emulator.cost.Quantity;
import io.ppmlab.emulator.cost.WorkScope;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.Arrays;
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
 * rows' object and principal). Memory: about 16 bytes per indexed value per row ({@link IdSet}), on the heap; tables are indexed
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

    /** The default columns and every date-only column, by day ({@code serve --index-dates}). */
    public static final ColumnChoice WITH_DAYS = (table, c) -> DEFAULT_COLUMNS.indexed(table, c) || c.type() == ColumnType.DATEONLY;

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
    /** The indexed columns' names. */
    public Set<String> columnNames() { return positions.keySet(); }

    /** Whether an indexed column of this name exists. */
    public boolean indexed(String column) { return positions.containsKey(column); }

    public Table table() { return table; }

    public int size() { return all.size(); }

    /** Every row id of the table. */
    public IdSet all() { return all; }

    /** Ids of rows whose {@code column} holds {@code value} (a lookup's target id, a choice's number). */
    public IdSet bucket(String column, Object value) {
        WorkScope.count(Quantity.INDEX_LOOKUPS, 1);
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

    /** Ids met by the scan that builds the index, per column and key, in scan order; {@link #finishLoad} files them. */
    private List<Map<Object, Pairs>> loading;
    private Pairs loadingAll;

    void load(Row row) {
        if (loading == null) {
            loading = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) loading.add(new HashMap<>());
            loadingAll = new Pairs();
        }
        Object[] keys = keysOf(row);
        for (int i = 0; i < keys.length; i++) if (keys[i] != null) loading.get(i).computeIfAbsent(keys[i], k -> new Pairs()).add(row.id());
        loadingAll.add(row.id());
    }

    void finishLoad() {
        if (loading == null) return;
        for (int i = 0; i < loading.size(); i++) {
            Map<Object, Pairs> ofColumn = loading.get(i);
            for (Map.Entry<Object, Pairs> e : ofColumn.entrySet()) bucketFor(i, e.getKey()).update(e.getValue().sortedDistinct(), NOTHING);
            ofColumn.clear(); // each bucket's scratch goes as soon as it is filed
        }
        all.update(loadingAll.sortedDistinct(), NOTHING);
        loading = null;
        loadingAll = null;
    }

    /** The touched rows in id order, as {@link #provisional}, {@link #settle} and {@link #rollback} take them. */
    static List<Touched> inIdOrder(Collection<Touched> rows) {
        List<Touched> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> IdSet.compare(a.most, a.least, b.most, b.least));
        return sorted;
    }

    /** Before the store write: adds every provisional state of the rows, so that a concurrent reader sees a superset. */
    void provisional(List<Touched> rows) {
        Changes adds = new Changes();
        for (Touched t : rows) {
            for (Object[] keys : t.provisional) adds.row(t.id, keys, null);
            if (!t.provisional.isEmpty()) adds.all(t.id);
        }
        adds.apply(true);
    }

    /**
     * After the write: drops every entry of the rows' old and provisional states that their final state (null when
     * deleted) does not have.
     */
    void settle(List<Touched> rows) {
        Changes removes = new Changes();
        for (Touched t : rows) {
            Object[] keep = t.finalRow == null ? null : t.provisional.get(t.provisional.size() - 1);
            if (t.old != null) removes.row(t.id, keysOf(t.old), keep);
            for (Object[] keys : t.provisional) if (keys != keep) removes.row(t.id, keys, keep);
            if (keep == null) removes.all(t.id);
        }
        removes.apply(false);
    }

    /** The write failed and the store is back to the rows' old states: drops what {@link #provisional} added beyond them. */
    void rollback(List<Touched> rows) {
        Changes removes = new Changes();
        for (Touched t : rows) {
            Object[] before = t.old == null ? null : keysOf(t.old);
            for (Object[] keys : t.provisional) removes.row(t.id, keys, before);
            if (t.old == null && !t.provisional.isEmpty()) removes.all(t.id);
        }
        removes.apply(false);
    }

    /**
     * One row a batch writes: its provisional index keys (one per Put, the last one its final state's), its final
     * state (null when deleted), and, once the store has told, its state before the batch (null when new).
     */
    static final class Touched {
        final UUID id;
        /** The id's halves, held here so that sorting a batch's rows does not chase each row's UUID. */
        final long most;
        final long least;
        final List<Object[]> provisional = new ArrayList<>(1);
        Row finalRow;
        Row old;
        boolean oldKnown;

        Touched(UUID id) {
            this.id = id;
            this.most = id.getMostSignificantBits();
            this.least = id.getLeastSignificantBits();
        }
    }

    /**
     * Ids to add to or remove from buckets, gathered from rows visited in id order, so that every bucket's list
     * comes out sorted and each bucket changes once per batch.
     */
    private final class Changes {
        private final List<Map<Object, Pairs>> perColumn = new ArrayList<>();
        private final Pairs all = new Pairs();

        Changes() {
            for (int i = 0; i < columns.size(); i++) perColumn.add(new HashMap<>());
        }

        /** The row's keys, but those equal to {@code except}'s at the same position (null: none excepted). */
        void row(UUID id, Object[] keys, Object[] except) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null && (except == null || !Objects.equals(keys[i], except[i]))) {
                    perColumn.get(i).computeIfAbsent(keys[i], k -> new Pairs()).add(id);
                }
            }
        }

        void all(UUID id) { all.add(id); }

        void apply(boolean add) {
            for (int i = 0; i < perColumn.size(); i++) {
                ConcurrentHashMap<Object, IdSet> ofColumn = buckets.get(i);
                for (Map.Entry<Object, Pairs> e : perColumn.get(i).entrySet()) {
                    if (add) {
                        bucketFor(i, e.getKey()).update(e.getValue().toArray(), NOTHING);
                    } else {
                        IdSet set = ofColumn.get(e.getKey());
                        if (set == null) continue;
                        set.update(NOTHING, e.getValue().toArray());
                        if (set.size() == 0) ofColumn.remove(e.getKey(), set);
                    }
                }
            }
            if (add) TableIndex.this.all.update(all.toArray(), NOTHING);
            else TableIndex.this.all.update(NOTHING, all.toArray());
        }
    }

    /** A growing run of ids as (most, least) pairs, appended in id order; an id repeated at the end is kept once. */
    private static final class Pairs {
        private long[] longs = new long[8];
        private int size;

        void add(UUID id) {
            long most = id.getMostSignificantBits();
            long least = id.getLeastSignificantBits();
            if (size > 0 && longs[size - 2] == most && longs[size - 1] == least) return;
            if (size == longs.length) longs = Arrays.copyOf(longs, size * 2);
            longs[size++] = most;
            longs[size++] = least;
        }

        long[] toArray() { return Arrays.copyOf(longs, size); }

        /** The ids added in any order, sorted and without repeats. */
        long[] sortedDistinct() {
            PairSort.sort(longs, size / 2);
            int n = 0;
            for (int i = 0; i < size; i += 2) {
                if (n > 0 && longs[n - 2] == longs[i] && longs[n - 1] == longs[i + 1]) continue;
                longs[n++] = longs[i];
                longs[n++] = longs[i + 1];
            }
            return Arrays.copyOf(longs, n);
        }
    }

    private static final long[] NOTHING = new long[0];


    Object[] keysOf(Row row) {
        Object[] keys = new Object[columns.size()];
        for (int i = 0; i < keys.length; i++) keys[i] = key(columns.get(i), row.get(columns.get(i).name()));
        return keys;
    }

    private IdSet bucketFor(int position, Object key) {
        return buckets.get(position).computeIfAbsent(key, k -> new IdSet());
    }

}

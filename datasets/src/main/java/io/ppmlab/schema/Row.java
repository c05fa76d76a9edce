package io.ppmlab.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of a table: its id and the values of its non-null columns, each of the Java type
 * {@link ColumnType#javaType()} names (lookups as {@link EntityRef}). Immutable.
 */
public record Row(String table, UUID id, Map<String, Object> values) {
    public Row {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(id, "id");
        if (!(values instanceof Adopted)) {
            Map<String, Object> copy = new LinkedHashMap<>(capacity(values.size()));
            values.forEach((k, v) -> { if (v != null) copy.put(k, v); });
            values = Collections.unmodifiableMap(copy);
        } else {
            values = Collections.unmodifiableMap(values);
        }
    }

    /**
     * A row over a map the caller built and gives up: no copy. For decoders on the hot read path; the map
     * must hold no null values and must not be touched afterwards.
     */
    public static Row adopt(String table, UUID id, LinkedHashMap<String, Object> nonNullValues) {
        return new Row(table, id, new Adopted(nonNullValues));
    }

    /** A LinkedHashMap sized to hold {@code n} entries without resizing. */
    public static int capacity(int n) { return (int) (n / 0.75f) + 1; }

    /** Marks a map handed over by {@link #adopt}. */
    private static final class Adopted extends java.util.AbstractMap<String, Object> {
        private final LinkedHashMap<String, Object> map;

        Adopted(LinkedHashMap<String, Object> map) { this.map = map; }

        @Override public java.util.Set<Entry<String, Object>> entrySet() { return map.entrySet(); }

        @Override public Object get(Object key) { return map.get(key); }

        @Override public boolean containsKey(Object key) { return map.containsKey(key); }

        @Override public int size() { return map.size(); }
    }

    public Object get(String column) { return values.get(column); }

    public EntityRef ref(String column) { return (EntityRef) values.get(column); }

    /** A copy with the given columns replaced (a null value removes the column). */
    public Row with(Map<String, Object> changes) {
        LinkedHashMap<String, Object> merged = new LinkedHashMap<>(capacity(values.size() + changes.size()));
        merged.putAll(values);
        changes.forEach((k, v) -> { if (v == null) merged.remove(k); else merged.put(k, v); });
        return adopt(table, id, merged);
    }

    public Row with(String column, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(column, value);
        return with(one);
    }
}

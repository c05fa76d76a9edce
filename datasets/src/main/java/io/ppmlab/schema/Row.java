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
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> { if (v != null) copy.put(k, v); });
        values = Collections.unmodifiableMap(copy);
    }

    public Object get(String column) { return values.get(column); }

    public EntityRef ref(String column) { return (EntityRef) values.get(column); }

    /** A copy with the given columns replaced (a null value removes the column). */
    public Row with(Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        changes.forEach((k, v) -> { if (v == null) merged.remove(k); else merged.put(k, v); });
        return new Row(table, id, merged);
    }

    public Row with(String column, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(column, value);
        return with(one);
    }
}

package io.ppmlab.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table: logical name, entity set name, key and primary name, ownership and columns in a fixed order
 * (the order is part of the storage encoding: columns are only ever appended).
 */
public record Table(String logicalName, String entitySetName, String primaryIdColumn,
                    String primaryNameColumn, Ownership ownership, List<Column> columns,
                    List<AlternateKey> alternateKeys) {

    public Table {
        columns = List.copyOf(columns);
        alternateKeys = List.copyOf(alternateKeys);
    }

    /** Columns by logical name, in declaration order. */
    public Map<String, Column> columnsByName() {
        Map<String, Column> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        return Collections.unmodifiableMap(byName);
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Position of a column in {@link #columns()}, or -1. */
    public int ordinal(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) return i;
        }
        return -1;
    }

    public boolean userOwned() { return ownership == Ownership.USER_OR_TEAM; }
}

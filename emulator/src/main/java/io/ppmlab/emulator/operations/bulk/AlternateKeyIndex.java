package io.ppmlab.emulator.operations.bulk;

import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Alternate-key values → row id for one table and one set of key columns, built with one scan so that a bulk
 * message of n targets costs one scan, not n. Values compare as the URL key resolver compares them: strings
 * ignoring case, numbers by value, lookups by id.
 */
final class AlternateKeyIndex {
    private final List<String> columns;
    private final Map<List<Object>, UUID> ids = new HashMap<>();

    private AlternateKeyIndex(List<String> columns) { this.columns = List.copyOf(columns); }

    static AlternateKeyIndex build(Store store, String table, List<String> columns) {
        AlternateKeyIndex index = new AlternateKeyIndex(columns);
        store.scan(table, row -> index.ids.putIfAbsent(index.key(row), row.id()));
        return index;
    }

    Optional<UUID> find(Map<String, Object> values) { return Optional.ofNullable(ids.get(key(values))); }

    void add(Map<String, Object> values, UUID id) { ids.put(key(values), id); }

    private List<Object> key(Row row) {
        List<Object> k = new ArrayList<>(columns.size());
        for (String c : columns) k.add(normal(row.get(c)));
        return k;
    }

    private List<Object> key(Map<String, Object> values) {
        List<Object> k = new ArrayList<>(columns.size());
        for (String c : columns) k.add(normal(values.get(c)));
        return k;
    }

    private static Object normal(Object v) {
        if (v == null) return null;
        if (v instanceof EntityRef ref) return ref.id();
        if (v instanceof UUID || v instanceof Boolean) return v;
        if (v instanceof Number n) return new BigDecimal(n.toString()).stripTrailingZeros();
        return v.toString().toLowerCase(Locale.ROOT);
    }
}

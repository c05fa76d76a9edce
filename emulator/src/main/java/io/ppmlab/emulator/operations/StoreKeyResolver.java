package io.ppmlab.emulator.operations;

import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.model.Key;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Resolves URL keys: a GUID directly, an alternate key by matching the stored rows' values. */
public final class StoreKeyResolver implements Dispatcher.KeyResolver {
    private final Store store;

    public StoreKeyResolver(Store store) { this.store = store; }

    @Override
    public UUID id(Table table, Key key) {
        if (key instanceof Key.IdKey idKey) return idKey.id();
        Map<String, Object> values = ((Key.AlternateKeyValues) key).values();
        return find(table, values).orElseThrow(() -> ErrorCode.RECORD_NOT_FOUND_BY_KEY.error(table.logicalName()));
    }

    @Override
    public UUID idOrNew(Table table, Key key) {
        if (key instanceof Key.IdKey idKey) return idKey.id();
        return find(table, ((Key.AlternateKeyValues) key).values()).orElseGet(UUID::randomUUID);
    }

    private java.util.Optional<UUID> find(Table table, Map<String, Object> values) {
        AtomicReference<UUID> found = new AtomicReference<>();
        store.scan(table.logicalName(), row -> {
            if (found.get() == null && matches(row, values)) found.set(row.id());
        });
        return java.util.Optional.ofNullable(found.get());
    }

    private static boolean matches(Row row, Map<String, Object> values) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object stored = row.get(e.getKey());
            if (stored instanceof EntityRef ref) stored = ref.id();
            Object wanted = e.getValue();
            if (stored instanceof String s && wanted instanceof String w) {
                if (!s.equalsIgnoreCase(w)) return false;
            } else if (stored instanceof Number n && wanted instanceof Number w) {
                if (new java.math.BigDecimal(n.toString()).compareTo(new java.math.BigDecimal(w.toString())) != 0) return false;
            } else if (!Objects.equals(stored, wanted)) {
                return false;
            }
        }
        return true;
    }
}

package io.ppmlab.emulator.product;

import io.ppmlab.datasets.Ids;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The product's configuration settings ({@code sensei_configurationsetting}, key in {@code sensei_name}): read
 * by key, at the id the demo and generator give it, else by a scan (an administrator may create a setting with
 * any id). A blank value counts as absent: settings "shipped blank" mean "use the defaults".
 */
public final class ConfigurationSettings {
    public static final String TABLE = "sensei_configurationsetting";

    private final Store store;

    public ConfigurationSettings(Store store) { this.store = store; }

    public Optional<String> value(String key) {
        return row(key).map(r -> (String) r.get("sensei_value")).filter(v -> !v.isBlank());
    }

    public Optional<Row> row(String key) {
        Optional<Row> direct = store.get(TABLE, Ids.of(TABLE, key)).filter(r -> key.equals(r.get("sensei_name")));
        if (direct.isPresent()) return direct;
        AtomicReference<Row> found = new AtomicReference<>();
        store.scan(TABLE, r -> { if (key.equals(r.get("sensei_name"))) found.set(r); });
        return Optional.ofNullable(found.get());
    }
}

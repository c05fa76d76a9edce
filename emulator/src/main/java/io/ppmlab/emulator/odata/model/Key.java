package io.ppmlab.emulator.odata.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** How a URL identifies one row: by its primary key or by the values of an alternate key. */
public sealed interface Key {

    /** {@code accounts(00000000-0000-0000-0000-000000000001)}. */
    record IdKey(UUID id) implements Key {}

    /**
     * {@code contacts(firstname='Joe',emailaddress1='abc@example.com')}: column logical name to value
     * (String, Long, BigDecimal, Boolean or UUID; a lookup given as {@code _x_value} is keyed by {@code x}).
     */
    record AlternateKeyValues(Map<String, Object> values) implements Key {
        public AlternateKeyValues {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }
}

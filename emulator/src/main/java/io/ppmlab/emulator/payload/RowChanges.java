package io.ppmlab.emulator.payload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a create or update body asks for, validated against the table: column values (a null value
 * clears the column; lookups as {@link io.ppmlab.schema.EntityRef}) and an optional client-chosen id.
 */
public record RowChanges(Map<String, Object> values, Optional<UUID> id) {
    public RowChanges {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}

package io.ppmlab.schema;

import java.util.Objects;
import java.util.UUID;

/** The value of a lookup column: the target table's logical name and the target row's id. */
public record EntityRef(String table, UUID id) {
    public EntityRef {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(id, "id");
    }
}

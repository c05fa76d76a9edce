package io.ppmlab.emulator.payload;

import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the value of an {@code x@odata.bind} annotation ({@code /sensei_projects(<id>)}, with or
 * without the leading slash, or an absolute URL ending in that form) to a table and id.
 */
final class BindTarget {
    private static final Pattern REF = Pattern.compile("(?:.*/)?([A-Za-z_][A-Za-z0-9_]*)\\(([0-9a-fA-F-]{36})\\)$");

    private BindTarget() {}

    static EntityRef resolve(Schema schema, Table table, String value) {
        Matcher m = REF.matcher(value.trim());
        if (!m.matches()) {
            throw ErrorCode.BAD_BIND.error(table.logicalName(),
                    "The value '" + value + "' of an odata.bind annotation is not a valid entity reference; expected /<entityset>(<guid>).");
        }
        Table target = schema.tableBySet(m.group(1)).orElseThrow(() -> ErrorCode.BAD_BIND.error(table.logicalName(),
                "Resource not found for the segment '" + m.group(1) + "'."));
        UUID id;
        try {
            id = UUID.fromString(m.group(2));
        } catch (IllegalArgumentException e) {
            throw ErrorCode.BAD_BIND.error(table.logicalName(), "'" + m.group(2) + "' is not a valid GUID.");
        }
        return new EntityRef(target.logicalName(), id);
    }
}

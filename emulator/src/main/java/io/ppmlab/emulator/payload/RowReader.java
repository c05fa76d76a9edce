package io.ppmlab.emulator.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads a create/update JSON body into {@link RowChanges}: every property must be a writable column of
 * the table, of the right type; lookups come as {@code x@odata.bind}. Nothing is written here, so a bad
 * body can never half-write a row.
 */
public final class RowReader {
    private final Schema schema;

    public RowReader(Schema schema) { this.schema = schema; }

    /** Parses a body; {@code references} resolves {@code $n} Content-ID references inside a change set. */
    public RowChanges read(Table table, byte[] body, Function<String, Optional<EntityRef>> references) {
        ObjectNode object = parseObject(table, body);
        Map<String, Column> columns = table.columnsByName();
        Map<String, Object> values = new LinkedHashMap<>();
        UUID id = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.endsWith("@odata.bind")) {
                bind(table, columns, name.substring(0, name.length() - "@odata.bind".length()), value, values, references);
            } else if (name.startsWith("@") || name.contains("@")) {
                continue; // instance annotations such as @odata.type or x@OData.Community... are ignored, as Dataverse does
            } else if (name.equals(table.primaryIdColumn())) {
                id = value.isNull() ? null : (UUID) ValueConverter.convert(table, columns.get(name), value);
            } else {
                Column column = columns.get(name);
                if (column == null) throw unknown(table, name);
                if (column.type() == ColumnType.LOOKUP) {
                    if (!value.isNull()) throw ErrorCode.BAD_BIND.error(table.logicalName(),
                            "A lookup is set with '" + name + "@odata.bind', not with a plain value.");
                    values.put(name, null);
                    continue;
                }
                if (!column.writable()) throw ErrorCode.READ_ONLY_PROPERTY.error(table.logicalName(), name, "");
                values.put(name, ValueConverter.convert(table, column, value));
            }
        }
        return new RowChanges(values, Optional.ofNullable(id));
    }

    private void bind(Table table, Map<String, Column> columns, String navigation, JsonNode value,
                      Map<String, Object> values, Function<String, Optional<EntityRef>> references) {
        Column column = columns.get(navigation);
        if (column == null || column.type() != ColumnType.LOOKUP) throw unknown(table, navigation);
        if (!column.writable()) throw ErrorCode.READ_ONLY_PROPERTY.error(table.logicalName(), navigation, "");
        if (value.isNull()) {
            values.put(navigation, null);
            return;
        }
        if (!value.isTextual()) throw ErrorCode.BAD_BIND.error(table.logicalName(), "The value of '" + navigation + "@odata.bind' must be a string.");
        String text = value.textValue().trim();
        EntityRef ref = text.startsWith("$")
                ? references.apply(text).orElseThrow(() -> ErrorCode.BAD_REQUEST.error("Content-ID Reference: '" + text + "' does not exist in the batch context."))
                : BindTarget.resolve(schema, table, text);
        if (!column.targets().contains(ref.table())) {
            throw ErrorCode.BAD_BIND.error(table.logicalName(), "The navigation property '" + navigation
                    + "' cannot point at a row of table '" + ref.table() + "'; allowed: " + column.targets() + ".");
        }
        values.put(navigation, ref);
    }

    private static ObjectNode parseObject(Table table, byte[] body) {
        if (body.length == 0) throw ErrorCode.MALFORMED_JSON.error(table.logicalName(), "The request body is empty.");
        JsonNode node = PayloadJson.read(body, problem -> ErrorCode.MALFORMED_JSON.error(table.logicalName(), problem));
        if (!(node instanceof ObjectNode object)) {
            throw ErrorCode.MALFORMED_JSON.error(table.logicalName(), "A JSON object was expected.");
        }
        return object;
    }

    private static RuntimeException unknown(Table table, String name) {
        return ErrorCode.UNKNOWN_PROPERTY.error(table.logicalName(), name, table.logicalName());
    }
}

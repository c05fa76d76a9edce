package io.ppmlab.emulator.query.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.ppmlab.emulator.api.Prefer;
import io.ppmlab.emulator.payload.RowWriter;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Writes a row's fields through the shared {@link RowWriter} (so values and annotations look the same
 * everywhere) but reshaped: without the etag (expanded lookups), without nulls (FetchXML), or under other names
 * (FetchXML link aliases, aggregate aliases). The row is written to a token buffer, then copied field by field.
 */
public final class RowJson {
    private static final UUID SYNTHETIC = new UUID(0, 0);

    private final RowWriter writer;
    private final java.util.concurrent.ConcurrentHashMap<Projection, Table> projections = new java.util.concurrent.ConcurrentHashMap<>();

    public RowJson(RowWriter writer) { this.writer = writer; }

    public RowWriter writer() { return writer; }

    /** Fields as {@link RowWriter#writeFields} writes them, straight into the output. */
    public void fields(JsonGenerator g, Table table, Row row, List<String> select, Prefer prefer) throws IOException {
        writer.writeFields(g, projected(table, select), row, select, prefer);
    }

    /**
     * The table cut down to the selected columns and its key, in the table's order: the writer walks every column
     * of the table it is given, which for 3 selected of 40 columns is most of the cost of a page. Same output.
     */
    Table projected(Table table, List<String> select) {
        if (select.isEmpty()) return table;
        return projections.computeIfAbsent(new Projection(table.logicalName(), select), k -> {
            if (projections.size() > 2048) projections.clear();
            java.util.Set<String> wanted = java.util.Set.copyOf(select);
            List<Column> columns = table.columns().stream().filter(c -> c.name().equals(table.primaryIdColumn())
                    || wanted.contains(c.name()) || wanted.contains(c.lookupProperty())).toList();
            return new Table(table.logicalName(), table.entitySetName(), table.primaryIdColumn(), table.primaryNameColumn(),
                    table.ownership(), columns, List.of());
        });
    }

    private record Projection(String table, List<String> select) {}

    /**
     * @param etag    keep {@code @odata.etag}
     * @param nulls   keep null values
     * @param rename  new name for a field ({@code name@annotation} fields are renamed with their property), or
     *                null to drop the field
     */
    public void reshaped(JsonGenerator g, Table table, Row row, List<String> select, Prefer prefer, boolean etag,
                         boolean nulls, UnaryOperator<String> rename) throws IOException {
        TokenBuffer buffer = new TokenBuffer((com.fasterxml.jackson.core.ObjectCodec) null, false);
        buffer.writeStartObject();
        writer.writeFields(buffer, projected(table, select), row, select, prefer);
        buffer.writeEndObject();
        try (JsonParser p = buffer.asParser()) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!etag && name.equals("@odata.etag")) continue;
                if (!nulls && value == JsonToken.VALUE_NULL) continue;
                String renamed = rename.apply(name);
                if (renamed == null) continue;
                g.writeFieldName(renamed);
                g.copyCurrentStructure(p);
            }
        }
    }

    /**
     * Writes one value as a column of {@code table} would be written (formatted value and lookup annotations
     * included, when the Prefer header asks) under another name: aggregate results and group keys.
     *
     * @param column the column, or null for the table's primary key ({@code value} is then the id)
     */
    public void value(JsonGenerator g, Table table, Column column, Object value, String alias, Prefer prefer) throws IOException {
        Row synthetic;
        String written;
        if (column == null) {
            synthetic = new Row(table.logicalName(), (UUID) value, Map.of());
            written = table.primaryIdColumn();
        } else {
            Object stored = column.type() == ColumnType.LOOKUP && value instanceof UUID id && !column.targets().isEmpty()
                    ? new EntityRef(column.targets().get(0), id) : value;
            Map<String, Object> values = new HashMap<>();
            values.put(column.name(), stored);
            synthetic = new Row(table.logicalName(), SYNTHETIC, values);
            written = column.type() == ColumnType.LOOKUP ? column.lookupProperty() : column.name();
        }
        reshaped(g, table, synthetic, List.of(written), prefer, false, false, byProperty(p -> p.equals(written) ? alias : null));
    }

    /** Renames {@code property} and its {@code property@annotation} companions by a function of the property. */
    public static UnaryOperator<String> byProperty(UnaryOperator<String> property) {
        return name -> {
            int at = name.indexOf('@');
            if (at == 0) return name;
            String prop = at < 0 ? name : name.substring(0, at);
            String renamed = property.apply(prop);
            return renamed == null ? null : at < 0 ? renamed : renamed + name.substring(at);
        };
    }
}

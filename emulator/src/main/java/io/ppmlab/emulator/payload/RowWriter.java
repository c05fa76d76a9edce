package io.ppmlab.emulator.payload;

import io.ppmlab.emulator.cost.Quantity;
import io.ppmlab.emulator.cost.WorkScope;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ppmlab.emulator.api.Prefer;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes rows as the Web API does: selected columns (all when none are selected, nulls included), the
 * primary key always, lookups as {@code _x_value}, {@code @odata.etag} from {@code versionnumber}, and
 * the annotations the {@code Prefer} header asks for.
 */
public final class RowWriter {
    static final String FORMATTED = "@OData.Community.Display.V1.FormattedValue";
    // the annotation names without their '@', computed once rather than per value written
    private static final String FORMATTED_NAME = FORMATTED.substring(1);
    static final String LOOKUP_NAME = "@Microsoft.Dynamics.CRM.lookuplogicalname";
    static final String ASSOCIATED_NAV = "@Microsoft.Dynamics.CRM.associatednavigationproperty";
    private static final String ASSOCIATED_NAV_NAME = ASSOCIATED_NAV.substring(1);
    private static final String LOOKUP_NAME_NAME = LOOKUP_NAME.substring(1);
    private static final JsonFactory JSON = new JsonFactory();

    /** Finds the primary name of a lookup's target, for its formatted value. */
    public interface NameResolver {
        Optional<String> primaryName(EntityRef ref);
    }

    private final NameResolver names;

    public RowWriter(NameResolver names) { this.names = names; }

    /** The ETag of a row: a weak tag over its version number. */
    public static String etag(Row row) {
        Object version = row.get("versionnumber");
        return "W/\"" + (version == null ? 0 : version) + "\"";
    }

    /** A single row with {@code @odata.context}, as returned by retrieve and create-with-representation. */
    public String entity(Table table, Row row, List<String> select, Prefer prefer, String baseUrl) {
        return new String(entityUtf8(table, row, select, prefer, baseUrl), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@link #entity} as UTF-8 bytes, written straight as bytes (no characters in between: a retrieve's hot path). */
    public byte[] entityUtf8(Table table, Row row, List<String> select, Prefer prefer, String baseUrl) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            g.writeStartObject();
            String selection = select.isEmpty() ? "" : "(" + String.join(",", select) + ")";
            g.writeStringField("@odata.context", baseUrl + "$metadata#" + table.entitySetName() + selection + "/$entity");
            writeFields(g, table, row, select, prefer);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the fields of one row (no braces) into an open object: for entities and collection items. */
    public void writeFields(JsonGenerator g, Table table, Row row, List<String> select, Prefer prefer) throws IOException {
        WorkScope.count(Quantity.ROWS_RETURNED, 1);
        g.writeStringField("@odata.etag", etag(row));
        Set<String> selected = Set.copyOf(select);
        for (Column column : table.columns()) {
            boolean key = column.name().equals(table.primaryIdColumn());
            String property = column.type() == ColumnType.LOOKUP ? column.lookupProperty() : column.name();
            if (!key && !selected.isEmpty() && !selected.contains(property) && !selected.contains(column.name())) continue;
            Object value = key ? row.id() : row.get(column.name());
            writeValue(g, table, column, property, value, prefer);
        }
    }

    private void writeValue(JsonGenerator g, Table table, Column column, String property, Object value, Prefer prefer) throws IOException {
        if (value == null) {
            g.writeNullField(property);
            return;
        }
        if (value instanceof EntityRef ref) {
            if (prefer.wantsAnnotation(FORMATTED_NAME)) {
                Optional<String> name = names.primaryName(ref);
                if (name.isPresent()) g.writeStringField(property + FORMATTED, name.get());
            }
            if (prefer.wantsAnnotation(ASSOCIATED_NAV_NAME)) g.writeStringField(property + ASSOCIATED_NAV, column.name());
            if (prefer.wantsAnnotation(LOOKUP_NAME_NAME)) g.writeStringField(property + LOOKUP_NAME, ref.table());
            g.writeStringField(property, ref.id().toString());
            return;
        }
        if (prefer.wantsAnnotation(FORMATTED_NAME)) {
            String formatted = FormattedValues.format(column, value);
            if (formatted != null) g.writeStringField(property + FORMATTED, formatted);
        }
        g.writeFieldName(property);
        if (value instanceof String s) g.writeString(s);
        else if (value instanceof Integer i) g.writeNumber(i);
        else if (value instanceof Long l) g.writeNumber(l);
        else if (value instanceof BigDecimal d) g.writeNumber(d);
        else if (value instanceof Boolean b) g.writeBoolean(b);
        else if (value instanceof Instant t) g.writeString(IsoSeconds.format(t));
        else g.writeString(value.toString()); // UUID, LocalDate: their toString is the OData literal
    }
}

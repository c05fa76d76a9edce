package io.ppmlab.emulator.operations.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.api.Prefer;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.operations.RowOperations;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code $ref} on 1:N relationships, as the PATCH of a lookup they stand for, so that every check and product
 * rule of an update applies (Write on the child, AppendTo on the new parent, Assign for {@code ownerid}):
 * {@code PUT x(<id>)/lookup/$ref} sets a lookup, {@code DELETE x(<id>)/lookup/$ref} clears it,
 * {@code POST parent(<id>)/children/$ref} points a child at the parent and
 * {@code DELETE parent(<id>)/children(<childId>)/$ref} clears the child's lookup.
 */
public final class LookupRefs {
    private final RowOperations rows;

    public LookupRefs(RowOperations rows) { this.rows = rows; }

    /** Sets {@code lookup} of {@code row} to the {@code @odata.id} in the body. */
    ApiResponse set(Caller caller, Table table, Row row, Column lookup, byte[] body, String baseUrl) {
        String target = odataId(body);
        return patch(caller, table, row, "{\"" + lookup.name() + "@odata.bind\":" + quote(target) + "}", baseUrl);
    }

    ApiResponse clear(Caller caller, Table table, Row row, Column lookup, String baseUrl) {
        return patch(caller, table, row, "{\"" + lookup.name() + "@odata.bind\":null}", baseUrl);
    }

    /** Points {@code child} at the parent through the relationship's lookup. */
    ApiResponse associate(Caller caller, Relationship rel, Table parentTable, EntityRef parent, Table childTable, Row child, String baseUrl) {
        String bind = "/" + parentTable.entitySetName() + "(" + parent.id() + ")";
        return patch(caller, childTable, child, "{\"" + rel.lookupColumn() + "@odata.bind\":" + quote(bind) + "}", baseUrl);
    }

    /** Clears the child's lookup when it points at the parent; a child of another parent is left alone (204). */
    ApiResponse disassociate(Caller caller, Relationship rel, EntityRef parent, Table childTable, Row child, String baseUrl) {
        if (!parent.equals(child.ref(rel.lookupColumn()))) return ApiResponse.noContent(Map.of());
        return patch(caller, childTable, child, "{\"" + rel.lookupColumn() + "@odata.bind\":null}", baseUrl);
    }

    /** The lookup column behind a single-valued navigation: {@code x}, or {@code x_target} of a polymorphic lookup. */
    static Optional<Column> lookupOf(Table table, String navigation) {
        for (Column c : table.columns()) {
            if (c.type() != ColumnType.LOOKUP) continue;
            if (c.name().equals(navigation)) return Optional.of(c);
            for (String target : c.targets()) if (navigation.equals(c.name() + "_" + target)) return Optional.of(c);
        }
        return Optional.empty();
    }

    /** The {@code @odata.id} of a {@code $ref} body. */
    static String odataId(byte[] body) {
        ObjectNode object;
        try {
            JsonNode node = ActionJson.MAPPER.readTree(body);
            if (!(node instanceof ObjectNode o)) throw ErrorCode.BAD_REQUEST.error("A $ref body is a JSON object with '@odata.id'.");
            object = o;
        } catch (java.io.IOException e) {
            throw ErrorCode.BAD_REQUEST.error("A $ref body is a JSON object with '@odata.id'.");
        }
        JsonNode id = object.get("@odata.id");
        if (id == null || !id.isTextual()) throw ErrorCode.BAD_REQUEST.error("A $ref body needs '@odata.id': the URI of the row to link.");
        return id.textValue();
    }

    private ApiResponse patch(Caller caller, Table table, Row row, String json, String baseUrl) {
        // If-Match: * so that a row deleted meanwhile is a 404, never an upsert
        rows.update(caller, table, row.id(), new RowOperations.WriteRequest(json.getBytes(StandardCharsets.UTF_8), Prefer.NONE,
                List.of(), Optional.of("*"), Optional.empty(), baseUrl, ref -> Optional.empty()));
        return ApiResponse.noContent(Map.of());
    }

    private static String quote(String s) {
        return ActionJson.MAPPER.getNodeFactory().textNode(s).toString();
    }
}

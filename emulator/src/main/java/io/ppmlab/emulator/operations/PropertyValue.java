package io.ppmlab.emulator.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Shapes for single-property requests: {@code {"@odata.context":...,"value":...}} in and out. */
final class PropertyValue {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PropertyValue() {}

    static String extract(String entityJson, Table table, UUID id, String property, String baseUrl) {
        try {
            JsonNode entity = MAPPER.readTree(entityJson);
            String name = entity.has(property) ? property : "_" + property + "_value";
            ObjectNode out = MAPPER.createObjectNode();
            out.put("@odata.context", baseUrl + "$metadata#" + table.entitySetName() + "(" + id + ")/" + name);
            out.set("value", entity.get(name));
            return MAPPER.writeValueAsString(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] wrap(byte[] valueBody, String column) {
        try {
            JsonNode node = MAPPER.readTree(valueBody);
            if (node == null || !node.has("value")) throw ErrorCode.MALFORMED_JSON.error(column, "Expected {\"value\": ...}.");
            ObjectNode out = MAPPER.createObjectNode();
            out.set(column, node.get("value"));
            return MAPPER.writeValueAsString(out).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ErrorCode.MALFORMED_JSON.error(column, e.getMessage());
        }
    }
}

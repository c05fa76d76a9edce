package io.ppmlab.emulator.operations.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.payload.PayloadJson;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of a bulk message, {@code {"Targets":[{"@odata.type":"Microsoft.Dynamics.CRM.<table>", ...}, ...]}}:
 * a non-empty array of objects, each typed as the entity set's table (Dataverse requires the annotation on every
 * item). The items' columns are checked later, one by one, by the row reader.
 */
final class BulkTargets {
    static final ObjectMapper MAPPER = PayloadJson.MAPPER;
    private static final Set<String> TYPE_PREFIXES = Set.of("Microsoft.Dynamics.CRM.", "#Microsoft.Dynamics.CRM.", "mscrm.", "#mscrm.");

    /** One item of {@code Targets}: its position (0-based) and its JSON. */
    record Target(int index, ObjectNode json) {
        byte[] body() {
            try {
                return MAPPER.writeValueAsBytes(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private BulkTargets() {}

    static List<Target> read(String message, Table table, byte[] body) {
        JsonNode root = parse(message, body);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("Targets") && !name.startsWith("@")) {
                throw ErrorCode.BULK_BAD_TARGETS.error("The parameter '" + name + "' in the request payload is not a valid parameter for the operation '" + message + "'.");
            }
        }
        JsonNode targets = root.get("Targets");
        if (targets == null || !targets.isArray()) {
            throw ErrorCode.BULK_BAD_TARGETS.error(message + " needs the parameter 'Targets': an array of " + table.logicalName() + " records.");
        }
        if (targets.isEmpty()) throw ErrorCode.BULK_BAD_TARGETS.error(message + ": 'Targets' is empty; send at least one record.");
        List<Target> out = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            if (!(targets.get(i) instanceof ObjectNode item)) {
                throw ErrorCode.BULK_BAD_TARGETS.error(message + ": item " + i + " of 'Targets' is not a JSON object.");
            }
            checkType(message, table, i, item.get("@odata.type"));
            out.add(new Target(i, item));
        }
        return out;
    }

    private static void checkType(String message, Table table, int index, JsonNode type) {
        String expected = "Microsoft.Dynamics.CRM." + table.logicalName();
        if (type == null || !type.isTextual()) {
            throw ErrorCode.BULK_BAD_TARGETS.error(message + ": item " + index + " of 'Targets' has no '@odata.type'; every item needs \"@odata.type\": \"" + expected + "\".");
        }
        for (String prefix : TYPE_PREFIXES) {
            if (type.textValue().startsWith(prefix) && type.textValue().substring(prefix.length()).equals(table.logicalName())) return;
        }
        throw ErrorCode.BULK_BAD_TARGETS.error(message + ": item " + index + " of 'Targets' is of type '" + type.textValue()
                + "'; every record must be of the entity set's table, '" + expected + "'.");
    }

    private static JsonNode parse(String message, byte[] body) {
        if (body.length == 0) throw ErrorCode.BULK_BAD_TARGETS.error(message + " needs a JSON body with 'Targets'.");
        JsonNode node = PayloadJson.read(body, problem -> ErrorCode.BULK_BAD_TARGETS.error("The body of " + message + " is not valid JSON: " + problem));
        if (node == null || !node.isObject()) throw ErrorCode.BULK_BAD_TARGETS.error(message + " needs a JSON object body with 'Targets'.");
        return node;
    }
}

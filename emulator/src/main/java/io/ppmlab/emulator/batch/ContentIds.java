package io.ppmlab.emulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Content-IDs of one change set: {@code $n} → the row the request with {@code Content-ID: n} created or
 * addressed. Only requests before the one being run are declared, so a forward reference does not resolve.
 * Outside a change set the map stays empty: every {@code $n} is undeclared there.
 */
final class ContentIds {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;
    private final Map<String, EntityRef> rows = new HashMap<>();

    ContentIds(Schema schema) { this.schema = schema; }

    void declare(String contentId, EntityRef row) { rows.put(contentId, row); }

    /** The row of a {@code $n} reference, e.g. for an {@code @odata.bind} value. */
    Optional<EntityRef> row(String reference) {
        if (!reference.startsWith("$")) return Optional.empty();
        return Optional.ofNullable(rows.get(reference.substring(1)));
    }

    /** The path of a {@code $n} reference below the service root, e.g. {@code sensei_projects(<id>)}; 400 when undeclared. */
    String path(String reference) {
        EntityRef row = row(reference).orElseThrow(() -> ErrorCode.CONTENT_ID_REFERENCE_MISSING.error(reference));
        Table table = schema.table(row.table()).orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(row.table()));
        return table.entitySetName() + "(" + row.id() + ")";
    }

    /** A {@code $ref} body whose {@code @odata.id} is a {@code $n} reference, with the reference replaced by the row's URL. */
    byte[] resolveOdataId(byte[] body, String baseUrl) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            return body; // the operation reports the malformed body itself
        }
        if (!(node instanceof ObjectNode object)) return body;
        JsonNode id = object.get("@odata.id");
        if (id == null || !id.isTextual() || !id.textValue().trim().startsWith("$")) return body;
        object.put("@odata.id", baseUrl + path(id.textValue().trim()));
        try {
            return JSON.writeValueAsBytes(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

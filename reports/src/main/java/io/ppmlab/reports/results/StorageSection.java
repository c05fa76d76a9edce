package io.ppmlab.reports.results;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The storage section as a list of tables, whether written as the list itself or as {@code {"tables": [...], ...}}. */
final class StorageSection extends JsonDeserializer<List<Storage>> {
    @Override
    public List<Storage> deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        JsonNode node = p.readValueAsTree();
        JsonNode tables = node.isObject() ? node.path("tables") : node;
        List<Storage> out = new ArrayList<>();
        if (!tables.isArray()) return out;
        for (JsonNode t : tables) out.add(ctx.readTreeAsValue(t, Storage.class));
        return out;
    }
}

package io.ppmlab.harness.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.harness.run.WebClient;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an administrator reads of a table over the Web API: its row count, a SHA-256 of every page of the answer
 * (every column of every row, row versions included) and the row ids. Two reads of an unchanged table are equal;
 * a refused write must leave its table's snapshot as it was.
 */
record TableSnapshot(String table, int rows, String hash, List<UUID> ids) {

    static TableSnapshot read(WebClient web, String adminToken, Table table) {
        MessageDigest sha = sha256();
        List<UUID> ids = new ArrayList<>();
        String next = table.entitySetName() + "?$orderby=" + table.primaryIdColumn();
        while (next != null) {
            WebClient.Reply reply;
            try {
                reply = web.get(adminToken, next);
            } catch (IllegalStateException e) {
                return new TableSnapshot(table.logicalName(), -1, "unreadable: " + e.getMessage(), List.of());
            }
            if (reply.status() != 200) return new TableSnapshot(table.logicalName(), -1, "unreadable: " + reply.status(), List.of());
            sha.update(reply.body().getBytes(StandardCharsets.UTF_8));
            JsonNode page = reply.json();
            page.path("value").forEach(row -> {
                String id = row.path(table.primaryIdColumn()).asText("");
                if (!id.isEmpty()) ids.add(UUID.fromString(id));
            });
            next = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
        return new TableSnapshot(table.logicalName(), ids.size(), HexFormat.of().formatHex(sha.digest()), ids);
    }

    /** Every table of the schema, by logical name. */
    static Map<String, TableSnapshot> all(WebClient web, String adminToken, Schema schema) {
        Map<String, TableSnapshot> out = new LinkedHashMap<>();
        for (Table t : schema.tables()) out.put(t.logicalName(), read(web, adminToken, t));
        return out;
    }

    boolean sameRows(TableSnapshot other) { return rows == other.rows && hash.equals(other.hash); }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

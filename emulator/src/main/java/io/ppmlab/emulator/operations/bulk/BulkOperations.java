package io.ppmlab.emulator.operations.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.api.Prefer;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.odata.model.Key;
import io.ppmlab.emulator.odata.model.ParsedRequest;
import io.ppmlab.emulator.odata.model.ResourcePath;
import io.ppmlab.emulator.operations.RowOperations;
import io.ppmlab.emulator.payload.Guids;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.ppmlab.emulator.odata.BulkMessages.CREATE_MULTIPLE;
import static io.ppmlab.emulator.odata.BulkMessages.UPDATE_MULTIPLE;
import static io.ppmlab.emulator.odata.BulkMessages.UPSERT_MULTIPLE;

/**
 * Dataverse's bulk messages on an entity set: {@code CreateMultiple} (200, {@code {"Ids":[...]}}),
 * {@code UpdateMultiple} (each target names its row; 204) and {@code UpsertMultiple} (by id or by
 * {@code @odata.id}, alternate keys included; 204). Each target is a single create or update, with the same
 * security checks and product rules, run over a {@link BufferedStore}: one failure writes nothing, success ends in
 * exactly one {@code Store.apply} of every row.
 */
public final class BulkOperations {
    private final Schema schema;
    private final Store store;
    private final OperationsFactory operations;
    private final UriParser parser;

    public BulkOperations(Schema schema, Store store, OperationsFactory operations, UriParser parser) {
        this.schema = schema;
        this.store = store;
        this.operations = operations;
        this.parser = parser;
    }

    public ApiResponse run(Caller caller, ResourcePath.CollectionActionCall call, ApiRequest request) {
        Table table = schema.table(call.table()).orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(call.table()));
        List<BulkTargets.Target> targets = switch (call.name()) {
            case CREATE_MULTIPLE, UPDATE_MULTIPLE, UPSERT_MULTIPLE -> BulkTargets.read(call.name(), table, request.body());
            default -> throw ErrorCode.RESOURCE_NOT_FOUND.error(call.name());
        };
        BufferedStore buffer = new BufferedStore(store, schema);
        try {
            Run run = new Run(caller, table, request, buffer, operations.over(buffer).rows());
            ApiResponse response = switch (call.name()) {
                case CREATE_MULTIPLE -> run.create(targets);
                case UPDATE_MULTIPLE -> run.update(targets);
                default -> run.upsert(targets);
            };
            buffer.commit(); // the one Store.apply: every target's rows, or (on any failure above) nothing
            return response;
        } finally {
            buffer.close();
        }
    }

    /** One bulk message in progress, over its write buffer. */
    private final class Run {
        private final Caller caller;
        private final Table table;
        private final ApiRequest request;
        private final BufferedStore buffer;
        private final RowOperations rows;
        private final Map<List<String>, AlternateKeyIndex> keyIndexes = new HashMap<>();

        Run(Caller caller, Table table, ApiRequest request, BufferedStore buffer, RowOperations rows) {
            this.caller = caller;
            this.table = table;
            this.request = request;
            this.buffer = buffer;
            this.rows = rows;
        }

        ApiResponse create(List<BulkTargets.Target> targets) {
            StringBuilder ids = new StringBuilder();
            for (BulkTargets.Target t : targets) {
                ApiResponse created = rows.create(caller, table, write(t.body(), Optional.empty()));
                if (ids.length() > 0) ids.append(',');
                ids.append('"').append(createdId(created)).append('"');
            }
            String body = "{\"@odata.context\":\"" + request.baseUrl() + "$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse\",\"Ids\":[" + ids + "]}";
            return ApiResponse.json(200, body, Map.of());
        }

        ApiResponse update(List<BulkTargets.Target> targets) {
            List<UUID> ids = new ArrayList<>(targets.size());
            for (BulkTargets.Target t : targets) {
                Key key = key(UPDATE_MULTIPLE, t).orElseThrow(() -> ErrorCode.BULK_BAD_TARGETS.error(UPDATE_MULTIPLE + ": item " + t.index()
                        + " of 'Targets' does not say which row to update; set '" + table.primaryIdColumn() + "' or '@odata.id'."));
                ids.add(existingId(key));
            }
            List<UUID> missing = ids.stream().filter(id -> buffer.get(table.logicalName(), id).isEmpty()).distinct().toList();
            if (!missing.isEmpty()) {
                throw ErrorCode.BULK_RECORDS_NOT_FOUND.error(table.logicalName(), missing.stream().map(UUID::toString).collect(Collectors.joining(", ")));
            }
            for (int i = 0; i < targets.size(); i++) {
                rows.update(caller, table, ids.get(i), write(targets.get(i).body(), Optional.of("*"))); // If-Match: * never creates
            }
            return ApiResponse.noContent(Map.of());
        }

        ApiResponse upsert(List<BulkTargets.Target> targets) {
            for (BulkTargets.Target t : targets) {
                Optional<Key> key = key(UPSERT_MULTIPLE, t);
                UUID id;
                ObjectNode json = t.json();
                if (key.isEmpty()) {
                    id = UUID.randomUUID();
                } else if (key.get() instanceof Key.IdKey idKey) {
                    id = idKey.id();
                } else {
                    Map<String, Object> values = ((Key.AlternateKeyValues) key.get()).values();
                    AlternateKeyIndex index = index(values);
                    Optional<UUID> found = index.find(values);
                    id = found.orElseGet(UUID::randomUUID);
                    if (found.isEmpty()) {
                        json = withKeyValues(json, values); // a row created through its alternate key carries the key's values
                        index.add(values, id);
                    }
                }
                rows.update(caller, table, id, write(new BulkTargets.Target(t.index(), json).body(), Optional.empty()));
            }
            return ApiResponse.noContent(Map.of());
        }

        /** The row a target names: {@code @odata.id} (by id or alternate key), else its primary id column. */
        private Optional<Key> key(String message, BulkTargets.Target t) {
            JsonNode odataId = t.json().get("@odata.id");
            if (odataId != null && !odataId.isNull()) return Optional.of(odataIdKey(message, t.index(), odataId.asText()));
            JsonNode id = t.json().get(table.primaryIdColumn());
            if (id == null || id.isNull()) return Optional.empty();
            UUID uuid = Guids.parse(id.asText()).orElseThrow(() -> ErrorCode.BULK_BAD_TARGETS.error(message + ": item " + t.index()
                    + " of 'Targets' has '" + table.primaryIdColumn() + "' = '" + id.asText() + "', which is not a GUID."));
            return Optional.of(new Key.IdKey(uuid));
        }

        private Key odataIdKey(String message, int index, String text) {
            String path = text.trim();
            int api = path.indexOf("/api/data/");
            if (api >= 0) {
                path = path.substring(api + "/api/data/".length());
                path = path.substring(path.indexOf('/') + 1);
            } else if (path.startsWith("/")) {
                path = path.substring(1);
            }
            ParsedRequest parsed = parser.parse(path, "");
            if (parsed.path() instanceof ResourcePath.Entity entity && entity.table().equals(table.logicalName())) return entity.key();
            throw ErrorCode.BULK_BAD_TARGETS.error(message + ": item " + index + " of 'Targets' has '@odata.id' = '" + text
                    + "', which is not a row of " + table.entitySetName() + ".");
        }

        private UUID existingId(Key key) {
            if (key instanceof Key.IdKey idKey) return idKey.id();
            Map<String, Object> values = ((Key.AlternateKeyValues) key).values();
            return index(values).find(values).orElseThrow(() -> ErrorCode.RECORD_NOT_FOUND_BY_KEY.error(table.logicalName()));
        }

        private AlternateKeyIndex index(Map<String, Object> values) {
            List<String> columns = values.keySet().stream().sorted().toList();
            return keyIndexes.computeIfAbsent(columns, c -> AlternateKeyIndex.build(buffer, table.logicalName(), c));
        }

        private ObjectNode withKeyValues(ObjectNode json, Map<String, Object> values) {
            ObjectNode out = json.deepCopy();
            values.forEach((name, value) -> {
                Column column = table.column(name).orElse(null);
                if (column == null || out.has(name) || out.has(name + "@odata.bind") || value == null) return;
                if (column.type() == ColumnType.LOOKUP) {
                    if (column.targets().size() != 1) return;
                    schema.table(column.targets().get(0)).ifPresent(target ->
                            out.put(name + "@odata.bind", "/" + target.entitySetName() + "(" + value + ")"));
                } else if (value instanceof Long l) {
                    out.put(name, l);
                } else if (value instanceof BigDecimal d) {
                    out.put(name, d);
                } else if (value instanceof Boolean b) {
                    out.put(name, b);
                } else {
                    out.put(name, value.toString());
                }
            });
            return out;
        }

        private RowOperations.WriteRequest write(byte[] body, Optional<String> ifMatch) {
            return new RowOperations.WriteRequest(body, Prefer.NONE, List.of(), ifMatch, Optional.empty(), request.baseUrl(),
                    ref -> Optional.empty());
        }
    }

    private static String createdId(ApiResponse created) {
        String entityId = created.headers().get("OData-EntityId");
        return entityId.substring(entityId.lastIndexOf('(') + 1, entityId.length() - 1);
    }
}

package io.ppmlab.emulator.operations;

import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.api.Prefer;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.payload.RowChanges;
import io.ppmlab.emulator.payload.RowReader;
import io.ppmlab.emulator.payload.RowWriter;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Create, retrieve, update (with upsert and conditional headers) and delete of single rows. Takes
 * values, returns {@link ApiResponse}s; knows nothing of HTTP.
 */
public final class RowOperations {
    private final Store store;
    private final RowReader reader;
    private final RowWriter writer;
    private final SystemColumns system;
    private final AccessGuard guard;
    private final WriteRules rules;

    public RowOperations(Store store, RowReader reader, RowWriter writer, SystemColumns system, AccessGuard guard, WriteRules rules) {
        this.rules = rules;
        this.store = store;
        this.reader = reader;
        this.writer = writer;
        this.system = system;
        this.guard = guard;
    }

    /** What the caller sent along with the row: body, Prefer, $select and the conditional headers. */
    public record WriteRequest(byte[] body, Prefer prefer, List<String> select, Optional<String> ifMatch,
                               Optional<String> ifNoneMatch, String baseUrl,
                               Function<String, Optional<EntityRef>> references) {}

    public ApiResponse retrieve(Caller caller, Table table, UUID id, List<String> select, Prefer prefer,
                                Optional<String> ifNoneMatch, String baseUrl) {
        Row row = existing(table, id);
        guard.checkRead(caller, table, row);
        String etag = RowWriter.etag(row);
        if (ifNoneMatch.isPresent() && ifNoneMatch.get().equals(etag) && prefer.annotationPatterns().isEmpty()) {
            return new ApiResponse(304, Map.of("ETag", etag), null, null);
        }
        return new ApiResponse(200, Map.of("ETag", etag), ApiResponse.JSON, writer.entityUtf8(table, row, select, prefer, baseUrl));
    }

    public ApiResponse create(Caller caller, Table table, WriteRequest request) {
        RowChanges changes = reader.read(table, request.body(), request.references());
        UUID id = changes.id().orElseGet(UUID::randomUUID);
        if (store.get(table.logicalName(), id).isPresent()) throw ErrorCode.DUPLICATE_RECORD.error();
        return insert(caller, table, id, changes, request);
    }

    /**
     * Per-row locks (striped by id) around read, precondition check and write: without them two clients with the
     * same If-Match could both pass the check and one update would be lost.
     */
    private final Object[] rowLocks = newLocks();

    private static Object[] newLocks() {
        Object[] locks = new Object[256];
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
        return locks;
    }

    private Object lockOf(UUID id) { return rowLocks[Math.floorMod(id.hashCode(), rowLocks.length)]; }

    public ApiResponse update(Caller caller, Table table, UUID id, WriteRequest request) {
        RowChanges changes = reader.read(table, request.body(), request.references());
        if (changes.id().isPresent() && !changes.id().get().equals(id)) {
            throw ErrorCode.BAD_REQUEST.error("The key in the body does not match the key in the URL.");
        }
        synchronized (lockOf(id)) {
            return updateLocked(caller, table, id, changes, request);
        }
    }

    private ApiResponse updateLocked(Caller caller, Table table, UUID id, RowChanges changes, WriteRequest request) {
        Optional<Row> current = store.get(table.logicalName(), id);
        if (current.isEmpty()) {
            if (request.ifMatch().isPresent()) throw notFound(table, id); // If-Match: * forbids the upsert's create
            return insert(caller, table, id, changes, request);
        }
        Row before = current.get();
        Row after = system.forUpdate(table, before, changes.values(), caller);
        // security decides first: a caller refused here learns nothing of the row's version from a 412
        guard.checkWrite(caller, table, before, after);
        if (request.ifNoneMatch().filter("*"::equals).isPresent()) throw ErrorCode.DUPLICATE_RECORD.error();
        checkIfMatch(before, request.ifMatch());
        requireColumns(table, after);
        store.apply(with(new Mutation.Put(after), rules.alongside(caller, table, Optional.of(before), after)));
        return written(table, after, request, 200);
    }

    private ApiResponse insert(Caller caller, Table table, UUID id, RowChanges changes, WriteRequest request) {
        Row row = rules.beforeCreate(caller, table, system.forCreate(table, id, changes.values(), caller));
        requireColumns(table, row);
        guard.checkCreate(caller, table, row);
        store.apply(with(new Mutation.Put(row), rules.alongside(caller, table, Optional.empty(), row)));
        return written(table, row, request, 201);
    }

    private static List<Mutation> with(Mutation first, List<Mutation> more) {
        List<Mutation> all = new java.util.ArrayList<>(1 + more.size());
        all.add(first);
        all.addAll(more);
        return all;
    }

    public ApiResponse delete(Caller caller, Table table, UUID id, Optional<String> ifMatch) {
        synchronized (lockOf(id)) {
            return deleteLocked(caller, table, id, ifMatch);
        }
    }

    private ApiResponse deleteLocked(Caller caller, Table table, UUID id, Optional<String> ifMatch) {
        Row row = existing(table, id);
        guard.checkDelete(caller, table, row); // before the precondition, as for updates
        checkIfMatch(row, ifMatch);
        store.apply(with(new Mutation.Delete(table.logicalName(), id), rules.onDelete(caller, table, row)));
        return ApiResponse.noContent(Map.of());
    }

    /** GET of one property: {@code {"value": ...}}. */
    public ApiResponse property(Caller caller, Table table, UUID id, String property, String baseUrl) {
        Row row = existing(table, id);
        guard.checkRead(caller, table, row);
        String body = writer.entity(table, row, List.of(property), Prefer.NONE, baseUrl);
        return ApiResponse.json(200, PropertyValue.extract(body, table, id, property, baseUrl), Map.of());
    }

    /** PUT of one property ({@code {"value": ...}}) or DELETE of it (clears the value). */
    public ApiResponse setProperty(Caller caller, Table table, UUID id, String property, byte[] valueBody, String baseUrl) {
        Column column = table.column(property).orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(property));
        byte[] body = valueBody == null ? ("{\"" + column.name() + "\":null}").getBytes() : PropertyValue.wrap(valueBody, column.name());
        WriteRequest request = new WriteRequest(body, Prefer.NONE, List.of(), Optional.of("*"), Optional.empty(), baseUrl, ref -> Optional.empty());
        update(caller, table, id, request);
        return ApiResponse.noContent(Map.of());
    }

    private ApiResponse written(Table table, Row row, WriteRequest request, int representationStatus) {
        String entityId = request.baseUrl() + table.entitySetName() + "(" + row.id() + ")";
        if (request.prefer().returnRepresentation()) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Preference-Applied", "return=representation");
            headers.put("ETag", RowWriter.etag(row));
            return ApiResponse.json(representationStatus, writer.entity(table, row, request.select(), request.prefer(), request.baseUrl()), headers);
        }
        return ApiResponse.noContent(Map.of("OData-EntityId", entityId));
    }

    private Row existing(Table table, UUID id) {
        return store.get(table.logicalName(), id).orElseThrow(() -> notFound(table, id));
    }

    private static RuntimeException notFound(Table table, UUID id) {
        return ErrorCode.OBJECT_DOES_NOT_EXIST.error(table.logicalName(), id);
    }

    private static void checkIfMatch(Row row, Optional<String> ifMatch) {
        if (ifMatch.isEmpty() || ifMatch.get().equals("*")) return;
        if (!ifMatch.get().equals(RowWriter.etag(row))) throw ErrorCode.CONCURRENCY_VERSION_MISMATCH.error();
    }

    private static void requireColumns(Table table, Row row) {
        for (Column c : table.columns()) {
            if (c.required() && !c.system() && row.get(c.name()) == null && !c.name().equals(table.primaryIdColumn())) {
                throw ErrorCode.REQUIRED_MISSING.error(c.name(), table.logicalName());
            }
        }
    }
}

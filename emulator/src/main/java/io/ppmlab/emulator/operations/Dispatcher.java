package io.ppmlab.emulator.operations;

import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.MetadataDocument;
import io.ppmlab.emulator.odata.model.Key;
import io.ppmlab.emulator.odata.model.ParsedRequest;
import io.ppmlab.emulator.odata.model.QueryOptions;
import io.ppmlab.emulator.odata.model.ResourcePath;
import io.ppmlab.emulator.operations.actions.ActionRouter;
import io.ppmlab.emulator.operations.bulk.BulkOperations;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Execute stage: picks the operation for a parsed request and its method. Every branch ends in an
 * operation that takes values and returns an {@link ApiResponse}.
 */
public final class Dispatcher {
    private final Schema schema;
    private final MetadataDocument documents;
    private final RowOperations rows;
    private final KeyResolver keys;
    private final QueryOperations queries;
    private final FunctionOperations functions;
    private final ActionRouter actions;
    private final BulkOperations bulk;
    private final Batches batches;

    public Dispatcher(Schema schema, MetadataDocument documents, RowOperations rows, KeyResolver keys,
                      QueryOperations queries, FunctionOperations functions, ActionRouter actions) {
        this(schema, documents, rows, keys, queries, functions, actions, null, Batches.NESTED);
    }

    private Dispatcher(Schema schema, MetadataDocument documents, RowOperations rows, KeyResolver keys,
                       QueryOperations queries, FunctionOperations functions, ActionRouter actions,
                       BulkOperations bulk, Batches batches) {
        this.schema = schema;
        this.documents = documents;
        this.rows = rows;
        this.keys = keys;
        this.queries = queries;
        this.functions = functions;
        this.actions = actions;
        this.bulk = bulk;
        this.batches = batches;
    }

    /** This dispatcher, serving the bulk messages (CreateMultiple, UpdateMultiple, UpsertMultiple) through {@code bulk}. */
    public Dispatcher withBulk(BulkOperations bulk) {
        return new Dispatcher(schema, documents, rows, keys, queries, functions, actions, bulk, batches);
    }

    /** This dispatcher, serving {@code $batch} through {@code batches}; without it a {@code $batch} is refused as nested. */
    public Dispatcher withBatches(Batches batches) {
        return new Dispatcher(schema, documents, rows, keys, queries, functions, actions, bulk, batches);
    }

    public ApiResponse execute(Caller caller, ApiRequest request, ParsedRequest parsed) {
        return execute(caller, request, parsed, NO_REFERENCES);
    }

    /**
     * Executes one request; {@code references} resolves the {@code $n} Content-ID references of a change set
     * in {@code @odata.bind} values (outside a change set there are none).
     */
    public ApiResponse execute(Caller caller, ApiRequest request, ParsedRequest parsed, Function<String, Optional<EntityRef>> references) {
        String method = request.method();
        QueryOptions options = parsed.options();
        ResourcePath path = parsed.path();
        if (path instanceof ResourcePath.ServiceDocument) {
            requireMethod(method, request, "GET");
            return ApiResponse.json(200, documents.serviceDocumentJson(request.baseUrl()), java.util.Map.of());
        }
        if (path instanceof ResourcePath.Metadata) {
            requireMethod(method, request, "GET");
            return ApiResponse.text(200, "application/xml", documents.csdlXml());
        }
        if (path instanceof ResourcePath.EntitySet set) {
            Table table = table(set.table());
            return switch (method) {
                case "GET" -> queries.list(caller, table, options, request);
                case "POST" -> rows.create(caller, table, write(request, options, references));
                default -> throw notAllowed(method, request);
            };
        }
        if (path instanceof ResourcePath.EntitySetCount count) {
            requireMethod(method, request, "GET");
            return queries.count(caller, table(count.table()), options, request);
        }
        if (path instanceof ResourcePath.Entity entity) {
            Table table = table(entity.table());
            return switch (method) {
                case "GET" -> rows.retrieve(caller, table, keys.id(table, entity.key()), options.select(), request.prefer(),
                        request.header("If-None-Match"), request.baseUrl());
                case "PATCH" -> rows.update(caller, table, keys.idOrNew(table, entity.key()), write(request, options, references));
                case "DELETE" -> rows.delete(caller, table, keys.id(table, entity.key()), request.header("If-Match"));
                default -> throw notAllowed(method, request);
            };
        }
        if (path instanceof ResourcePath.EntityProperty property) {
            Table table = table(property.table());
            UUID id = keys.id(table, property.key());
            return switch (method) {
                case "GET" -> rows.property(caller, table, id, property.property(), request.baseUrl());
                case "PUT" -> rows.setProperty(caller, table, id, property.property(), request.body(), request.baseUrl());
                case "DELETE" -> rows.setProperty(caller, table, id, property.property(), null, request.baseUrl());
                default -> throw notAllowed(method, request);
            };
        }
        if (path instanceof ResourcePath.FunctionCall call) {
            requireMethod(method, request, "GET");
            return actions.handles(call) ? actions.function(caller, call, request) : functions.call(caller, call, request);
        }
        if (path instanceof ResourcePath.BoundFunctionCall call) {
            requireMethod(method, request, "GET");
            return actions.boundFunction(caller, call, request);
        }
        if (path instanceof ResourcePath.ActionCall call) {
            requireMethod(method, request, "POST");
            return actions.action(caller, call, request);
        }
        if (path instanceof ResourcePath.CollectionActionCall call) {
            requireMethod(method, request, "POST");
            if (bulk == null) throw ErrorCode.RESOURCE_NOT_FOUND.error(call.name());
            return bulk.run(caller, call, request);
        }
        if (path instanceof ResourcePath.Batch) {
            requireMethod(method, request, "POST");
            return batches.batch(caller, request);
        }
        if (path instanceof ResourcePath.Ref ref) {
            return actions.ref(caller, ref, request);
        }
        if (path instanceof ResourcePath.Navigation nav) {
            requireMethod(method, request, "GET");
            return queries.navigation(caller, nav, options, request);
        }
        if (path instanceof ResourcePath.NavigationCount count) {
            requireMethod(method, request, "GET");
            return queries.navigationCount(caller, count.via(), options, request);
        }
        throw ErrorCode.BAD_REQUEST.error("The request '" + request.method() + " " + request.path() + "' is not supported by the emulator.");
    }

    private static final Function<String, Optional<EntityRef>> NO_REFERENCES = ref -> Optional.empty();

    private RowOperations.WriteRequest write(ApiRequest request, QueryOptions options, Function<String, Optional<EntityRef>> references) {
        return new RowOperations.WriteRequest(request.body(), request.prefer(), options.select(), request.header("If-Match"),
                request.header("If-None-Match"), request.baseUrl(), references);
    }

    private Table table(String logicalName) {
        return schema.table(logicalName).orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(logicalName));
    }

    private static void requireMethod(String method, ApiRequest request, String allowed) {
        if (!method.equals(allowed)) throw notAllowed(method, request);
    }

    private static RuntimeException notAllowed(String method, ApiRequest request) {
        return ErrorCode.METHOD_NOT_ALLOWED.error(method, request.path());
    }

    /** {@code POST $batch}: implemented by the batch package, which runs each part through a dispatcher of its own. */
    public interface Batches {
        ApiResponse batch(Caller caller, ApiRequest request);

        /** The dispatchers that run a batch's parts have this one: a batch cannot contain another batch. */
        Batches NESTED = (caller, request) -> {
            throw ErrorCode.BATCH_NESTED.error("a $batch request was sent inside a batch.");
        };
    }

    /** Turns a URL key (id or alternate key) into a row id. */
    public interface KeyResolver {
        /** The id of an existing row; 404 when an alternate key matches nothing. */
        UUID id(Table table, Key key);

        /** For upsert: the id named by the key, or a new id when an alternate key matches nothing. */
        UUID idOrNew(Table table, Key key);
    }
}

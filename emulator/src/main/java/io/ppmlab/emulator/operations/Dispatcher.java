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
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.Optional;
import java.util.UUID;

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

    public Dispatcher(Schema schema, MetadataDocument documents, RowOperations rows, KeyResolver keys,
                      QueryOperations queries, FunctionOperations functions, ActionRouter actions) {
        this.schema = schema;
        this.documents = documents;
        this.rows = rows;
        this.keys = keys;
        this.queries = queries;
        this.functions = functions;
        this.actions = actions;
    }

    public ApiResponse execute(Caller caller, ApiRequest request, ParsedRequest parsed) {
        String method = request.method();
        QueryOptions options = parsed.options();
        ResourcePath path = parsed.path();
        if (path instanceof ResourcePath.ServiceDocument) {
            requireMethod(method, path, "GET");
            return ApiResponse.json(200, documents.serviceDocumentJson(request.baseUrl()), java.util.Map.of());
        }
        if (path instanceof ResourcePath.Metadata) {
            requireMethod(method, path, "GET");
            return ApiResponse.text(200, "application/xml", documents.csdlXml());
        }
        if (path instanceof ResourcePath.EntitySet set) {
            Table table = table(set.table());
            return switch (method) {
                case "GET" -> queries.list(caller, table, options, request);
                case "POST" -> rows.create(caller, table, write(request, options));
                default -> throw notAllowed(method, request);
            };
        }
        if (path instanceof ResourcePath.EntitySetCount count) {
            requireMethod(method, path, "GET");
            return queries.count(caller, table(count.table()), options, request);
        }
        if (path instanceof ResourcePath.Entity entity) {
            Table table = table(entity.table());
            return switch (method) {
                case "GET" -> rows.retrieve(caller, table, keys.id(table, entity.key()), options.select(), request.prefer(),
                        request.header("If-None-Match"), request.baseUrl());
                case "PATCH" -> rows.update(caller, table, keys.idOrNew(table, entity.key()), write(request, options));
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
            requireMethod(method, path, "GET");
            return actions.handles(call) ? actions.function(caller, call, request) : functions.call(caller, call, request);
        }
        if (path instanceof ResourcePath.BoundFunctionCall call) {
            requireMethod(method, path, "GET");
            return actions.boundFunction(caller, call, request);
        }
        if (path instanceof ResourcePath.ActionCall call) {
            requireMethod(method, path, "POST");
            return actions.action(caller, call, request);
        }
        if (path instanceof ResourcePath.Ref ref) {
            return actions.ref(caller, ref, request);
        }
        if (path instanceof ResourcePath.Navigation nav) {
            requireMethod(method, path, "GET");
            return queries.navigation(caller, nav, options, request);
        }
        if (path instanceof ResourcePath.NavigationCount count) {
            requireMethod(method, path, "GET");
            return queries.navigationCount(caller, count.via(), options, request);
        }
        throw ErrorCode.BAD_REQUEST.error("The request '" + request.method() + " " + request.path() + "' is not supported by the emulator.");
    }

    private RowOperations.WriteRequest write(ApiRequest request, QueryOptions options) {
        return new RowOperations.WriteRequest(request.body(), request.prefer(), options.select(), request.header("If-Match"),
                request.header("If-None-Match"), request.baseUrl(), ref -> Optional.<EntityRef>empty());
    }

    private Table table(String logicalName) {
        return schema.table(logicalName).orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(logicalName));
    }

    private static void requireMethod(String method, ResourcePath path, String allowed) {
        if (!method.equals(allowed)) throw ErrorCode.METHOD_NOT_ALLOWED.error(method, path.getClass().getSimpleName());
    }

    private static RuntimeException notAllowed(String method, ApiRequest request) {
        return ErrorCode.METHOD_NOT_ALLOWED.error(method, request.path());
    }

    /** Turns a URL key (id or alternate key) into a row id. */
    public interface KeyResolver {
        /** The id of an existing row; 404 when an alternate key matches nothing. */
        UUID id(Table table, Key key);

        /** For upsert: the id named by the key, or a new id when an alternate key matches nothing. */
        UUID idOrNew(Table table, Key key);
    }
}

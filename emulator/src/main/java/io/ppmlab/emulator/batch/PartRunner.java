package io.ppmlab.emulator.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ppmlab.emulator.access.Impersonator;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Envelope;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.DataverseException;
import io.ppmlab.emulator.cost.OperationKinds;
import io.ppmlab.emulator.cost.WorkScope;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.ODataQueryException;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.odata.model.Key;
import io.ppmlab.emulator.odata.model.ParsedRequest;
import io.ppmlab.emulator.odata.model.ResourcePath;
import io.ppmlab.emulator.operations.Dispatcher;
import io.ppmlab.emulator.payload.Guids;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline of one batch request, the same as a single request's after authentication, which the batch
 * itself passed: impersonate (the part's CallerObjectId / MSCRMCallerID, else the batch's caller) → envelope
 * (version, media type) → parse → execute with the given dispatcher. Every failure becomes the part's own
 * Dataverse-shaped error response, mapped as the Web API maps a single request's.
 */
final class PartRunner {
    private static final Logger LOG = Logger.getLogger(PartRunner.class.getName());
    private static final Set<String> VERSIONS = Set.of("v9.0", "v9.1", "v9.2");
    private static final Pattern ENTITY_ID = Pattern.compile(".*/([A-Za-z_][A-Za-z0-9_]*)\\(([0-9a-fA-F-]{36})\\)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;
    private final UriParser parser;
    private final Impersonator impersonator;

    PartRunner(Schema schema, UriParser parser, Impersonator impersonator) {
        this.schema = schema;
        this.parser = parser;
        this.impersonator = impersonator;
    }

    /** What one request answered, and the row it created or addressed (what its Content-ID stands for). */
    record Outcome(ApiResponse response, Optional<EntityRef> row) {
        boolean failed() { return response.status() >= 400; }
    }

    Outcome run(Caller batchCaller, ApiRequest batch, PartRequest part, Dispatcher dispatcher, ContentIds ids) {
        try {
            PartTarget target = PartTarget.resolve(part.target(), batch.version(), ids);
            if (!VERSIONS.contains(target.version())) throw ErrorCode.RESOURCE_NOT_FOUND.error(target.version());
            ApiRequest request = new ApiRequest(part.method(), target.version(), target.path(), target.rawQuery(), part.headers(),
                    part.body(), baseUrl(batch.baseUrl(), target.version()));
            Caller caller = impersonate(batchCaller, request);
            checkMediaType(request);
            Envelope.check(request);
            ParsedRequest parsed = parser.parse(request.path(), request.rawQuery());
            WorkScope.part(OperationKinds.of(request.method(), parsed)); // the part's own fixed cost, in the batch's modelled time
            if (parsed.path() instanceof ResourcePath.Batch) throw ErrorCode.BATCH_NESTED.error("request " + part.number() + " is a $batch.");
            if (parsed.path() instanceof ResourcePath.Ref) {
                request = new ApiRequest(request.method(), request.version(), request.path(), request.rawQuery(), request.headers(),
                        ids.resolveOdataId(request.body(), request.baseUrl()), request.baseUrl());
            }
            ApiResponse response = dispatcher.execute(caller, request, parsed, ids::row);
            return new Outcome(response, response.status() < 400 ? addressed(parsed, response) : Optional.empty());
        } catch (RuntimeException e) {
            return new Outcome(error(e, () -> part.method() + " " + part.target()), Optional.empty());
        } catch (StackOverflowError e) {
            // one part nested too deeply answers 400; the other parts keep their answers
            RuntimeException tooDeep = io.ppmlab.emulator.odata.ODataErrors.nestedTooDeeply("request", io.ppmlab.emulator.odata.QueryNesting.MAX_DEPTH);
            return new Outcome(error(tooDeep, () -> part.method() + " " + part.target()), Optional.empty());
        }
    }

    /** Runs {@code action} (a change set's commit); its failure becomes an error response, as a request's would. */
    Optional<ApiResponse> attempt(Runnable action, String what) {
        try {
            action.run();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(error(e, () -> what));
        }
    }

    /**
     * A part with its own impersonation header acts for that user, which the authenticated user (the batch's
     * real caller) must be allowed to do; without one it acts as the batch does.
     */
    private Caller impersonate(Caller batchCaller, ApiRequest part) {
        if (part.header("CallerObjectId").isEmpty() && part.header("MSCRMCallerID").isEmpty()) return batchCaller;
        // The impersonator reads only the authenticated user's id; the business unit it returns is the target's.
        Caller authenticated = batchCaller.realCaller().map(real -> Caller.of(real, null)).orElse(batchCaller);
        return impersonator.apply(authenticated, part);
    }

    private static void checkMediaType(ApiRequest request) {
        if (request.body().length == 0) return;
        String type = request.header("Content-Type").orElse("application/json").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.error(type);
    }

    /** The row a successful request created or addressed: its OData-EntityId, its returned row, or its URL key. */
    private Optional<EntityRef> addressed(ParsedRequest parsed, ApiResponse response) {
        String entityId = response.headers().get("OData-EntityId");
        if (entityId != null) {
            Matcher m = ENTITY_ID.matcher(entityId);
            if (m.matches()) {
                Optional<Table> table = schema.tableBySet(m.group(1));
                Optional<java.util.UUID> id = Guids.parse(m.group(2));
                if (table.isPresent() && id.isPresent()) return Optional.of(new EntityRef(table.get().logicalName(), id.get()));
            }
        }
        if (parsed.path() instanceof ResourcePath.EntitySet set && response.status() == 201) {
            return schema.table(set.table()).flatMap(t -> idInBody(t, response.body()).map(id -> new EntityRef(t.logicalName(), id)));
        }
        if (parsed.path() instanceof ResourcePath.Entity entity && entity.key() instanceof Key.IdKey key) {
            return Optional.of(new EntityRef(entity.table(), key.id()));
        }
        return Optional.empty();
    }

    private static Optional<java.util.UUID> idInBody(Table table, byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node instanceof ObjectNode o && o.hasNonNull(table.primaryIdColumn())
                    ? Guids.parse(o.get(table.primaryIdColumn()).asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String baseUrl(String batchBase, String version) {
        int api = batchBase.lastIndexOf("/api/data/");
        return api < 0 ? batchBase : batchBase.substring(0, api) + "/api/data/" + version + "/";
    }

    private static ApiResponse error(RuntimeException e, Supplier<String> what) {
        if (e instanceof DataverseException d) return errorResponse(d.status(), d.code(), d.getMessage());
        if (e instanceof ODataQueryException q) return errorResponse(q.httpStatus(), q.code(), q.getMessage());
        LOG.log(Level.SEVERE, "unexpected failure in a batch on " + what.get(), e);
        DataverseException internal = ErrorCode.INTERNAL.error("the request could not be completed");
        return errorResponse(internal.status(), internal.code(), internal.getMessage());
    }

    private static ApiResponse errorResponse(int status, String code, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("code", code).put("message", message);
        return ApiResponse.json(status, error.toString(), Map.of());
    }
}

package io.ppmlab.emulator.operations.actions;

import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.ManyToMany;
import io.ppmlab.emulator.odata.model.ResourcePath;
import io.ppmlab.emulator.operations.Dispatcher;
import io.ppmlab.emulator.operations.RowOperations;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.query.index.IndexSource;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.ppmlab.emulator.odata.SecurityOperations.ADD_MEMBERS_TEAM;
import static io.ppmlab.emulator.odata.SecurityOperations.EXPLAIN;
import static io.ppmlab.emulator.odata.SecurityOperations.GRANT_ACCESS;
import static io.ppmlab.emulator.odata.SecurityOperations.MODIFY_ACCESS;
import static io.ppmlab.emulator.odata.SecurityOperations.REMOVE_MEMBERS_TEAM;
import static io.ppmlab.emulator.odata.SecurityOperations.RETRIEVE_PRINCIPAL_ACCESS;
import static io.ppmlab.emulator.odata.SecurityOperations.RETRIEVE_SHARED;
import static io.ppmlab.emulator.odata.SecurityOperations.RETRIEVE_USER_PRIVILEGES;
import static io.ppmlab.emulator.odata.SecurityOperations.REVOKE_ACCESS;

/**
 * Routes the Web API's actions, the security functions and {@code $ref} requests to their operations. The
 * route table is the three switches below: one line per operation.
 */
public final class ActionRouter {
    private static final Set<String> FUNCTIONS = Set.of(RETRIEVE_SHARED, EXPLAIN);

    private final Schema schema;
    private final Store store;
    private final Dispatcher.KeyResolver keys;
    private final SharingActions sharing;
    private final TeamMembers teamMembers;
    private final PrincipalFunctions principals;
    private final ExplainFunction explain;
    private final LookupRefs lookups;
    private final ActionJson json;
    private final java.util.Map<String, UnboundAction> registered = new java.util.HashMap<>();

    /** What the router needs from the rest of the emulator. */
    public record Wiring(Schema schema, Store store, SystemColumns system, RowOperations rows, Dispatcher.KeyResolver keys,
                         ActionSecurity security, IndexSource indexes) {}

    public ActionRouter(Wiring w) {
        this.schema = w.schema();
        this.store = w.store();
        this.keys = w.keys();
        this.sharing = new SharingActions(w.schema(), w.store(), w.system(), w.security(), w.indexes());
        this.teamMembers = new TeamMembers(w.schema(), w.store(), w.system(), w.security());
        this.principals = new PrincipalFunctions(w.schema(), w.store(), w.security());
        this.explain = new ExplainFunction(w.schema(), w.store(), w.security());
        this.lookups = new LookupRefs(w.rows());
        this.json = new ActionJson(w.schema());
    }

    /** POST of an action. */
    public ApiResponse action(Caller caller, ResourcePath.ActionCall call, ApiRequest request) {
        byte[] body = request.body();
        return switch (call.name()) {
            case GRANT_ACCESS -> sharing.grant(caller, body);
            case MODIFY_ACCESS -> sharing.modify(caller, body);
            case REVOKE_ACCESS -> sharing.revoke(caller, body);
            case ADD_MEMBERS_TEAM -> teamMembers.add(caller, bound(call.boundTo(), "team").id(), call.name(), body);
            case REMOVE_MEMBERS_TEAM -> teamMembers.remove(caller, bound(call.boundTo(), "team").id(), call.name(), body);
            default -> registered(caller, call, request);
        };
    }

    /** An unbound action served outside this package (the product's resourcing actions), registered by {@link #with}. */
    public interface UnboundAction {
        ApiResponse call(Caller caller, ApiRequest request);
    }

    /** Routes the unbound action {@code name} to {@code action}; called while wiring, before the first request. */
    public ActionRouter with(String name, UnboundAction action) {
        registered.put(name, action);
        return this;
    }

    private ApiResponse registered(Caller caller, ResourcePath.ActionCall call, ApiRequest request) {
        UnboundAction action = registered.get(call.name());
        if (action == null || call.boundTo().isPresent()) throw ErrorCode.RESOURCE_NOT_FOUND.error(call.name());
        return action.call(caller, request);
    }

    /** Whether an unbound function is one of this router's (WhoAmI is not). */
    public boolean handles(ResourcePath.FunctionCall call) { return FUNCTIONS.contains(call.name()); }

    /** GET of an unbound function. */
    public ApiResponse function(Caller caller, ResourcePath.FunctionCall call, ApiRequest request) {
        return switch (call.name()) {
            case RETRIEVE_SHARED -> sharing.retrieveShared(caller, call.params(), request.baseUrl());
            case EXPLAIN -> explain.explain(caller, call.params(), request.baseUrl());
            default -> throw ErrorCode.RESOURCE_NOT_FOUND.error(call.name());
        };
    }

    /** GET of a function bound to a row. */
    public ApiResponse boundFunction(Caller caller, ResourcePath.BoundFunctionCall call, ApiRequest request) {
        EntityRef row = bound(Optional.of(call.boundTo()), call.boundTo().table());
        return switch (call.name()) {
            case RETRIEVE_PRINCIPAL_ACCESS -> principals.principalAccess(caller, row, call.params(), request.baseUrl());
            case RETRIEVE_USER_PRIVILEGES -> principals.userPrivileges(caller, row, request.baseUrl());
            default -> throw ErrorCode.RESOURCE_NOT_FOUND.error(call.name());
        };
    }

    /** {@code $ref}: N:N team membership, 1:N collections and single-valued lookups. */
    public ApiResponse ref(Caller caller, ResourcePath.Ref ref, ApiRequest request) {
        ResourcePath.Navigation via = ref.via();
        Table table = table(via.table());
        EntityRef from = new EntityRef(table.logicalName(), keys.id(table, via.key()));
        String method = request.method();
        Optional<ManyToMany> manyToMany = ManyToMany.find(via.table(), via.navigation());
        if (manyToMany.isPresent()) {
            String otherTable = manyToMany.get().otherTable(via.table());
            if (method.equals("POST") && ref.targetKey().isEmpty()) {
                return teamMembers.associate(caller, from, linked(request.body(), otherTable));
            }
            if (method.equals("DELETE") && ref.targetKey().isPresent()) {
                return teamMembers.disassociate(caller, from, new EntityRef(otherTable, keys.id(table(otherTable), ref.targetKey().get())));
            }
            throw notAllowed(method, request);
        }
        if (via.collection()) {
            Relationship rel = schema.collectionNavigation(via.table(), via.navigation())
                    .orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(via.navigation()));
            Table childTable = table(rel.referencingTable());
            if (method.equals("POST") && ref.targetKey().isEmpty()) {
                EntityRef child = linked(request.body(), childTable.logicalName());
                return lookups.associate(caller, rel, table, from, childTable, existing(child), request.baseUrl());
            }
            if (method.equals("DELETE") && ref.targetKey().isPresent()) {
                EntityRef child = new EntityRef(childTable.logicalName(), keys.id(childTable, ref.targetKey().get()));
                return lookups.disassociate(caller, rel, from, childTable, existing(child), request.baseUrl());
            }
            throw notAllowed(method, request);
        }
        Column lookup = LookupRefs.lookupOf(table, via.navigation()).orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(via.navigation()));
        return switch (method) {
            case "PUT" -> lookups.set(caller, table, existing(from), lookup, request.body(), request.baseUrl());
            case "DELETE" -> lookups.clear(caller, table, existing(from), lookup, request.baseUrl());
            default -> throw notAllowed(method, request);
        };
    }

    /** The row named by a {@code $ref} body, which must be of {@code table}. */
    private EntityRef linked(byte[] body, String table) {
        EntityRef ref = json.aliasRow(LookupRefs.odataId(body), "@odata.id");
        if (!ref.table().equals(table)) throw ErrorCode.BAD_REQUEST.error("This navigation links rows of " + table + ", not of " + ref.table() + ".");
        return ref;
    }

    private EntityRef bound(Optional<ResourcePath.BoundTo> boundTo, String table) {
        ResourcePath.BoundTo b = boundTo.orElseThrow(() -> ErrorCode.BAD_REQUEST.error("This operation is bound to " + table + "; call it on a row."));
        if (!b.table().equals(table)) throw ErrorCode.RESOURCE_NOT_FOUND.error(b.table());
        UUID id = keys.id(table(b.table()), b.key());
        return new EntityRef(b.table(), id);
    }

    private Row existing(EntityRef ref) {
        return store.get(ref.table(), ref.id()).orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error(ref.table(), ref.id()));
    }

    private Table table(String logicalName) {
        return schema.table(logicalName).orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(logicalName));
    }

    private static RuntimeException notAllowed(String method, ApiRequest request) {
        return ErrorCode.METHOD_NOT_ALLOWED.error(method, request.path());
    }
}

package io.ppmlab.emulator.query;

import io.ppmlab.emulator.access.ReadAccess;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.odata.ODataErrors;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.odata.model.ParsedRequest;
import io.ppmlab.emulator.odata.model.QueryOptions;
import io.ppmlab.emulator.odata.model.ResourcePath;
import io.ppmlab.emulator.operations.Dispatcher;
import io.ppmlab.emulator.operations.QueryOperations;
import io.ppmlab.emulator.operations.StoreKeyResolver;
import io.ppmlab.emulator.payload.RowWriter;
import io.ppmlab.emulator.query.apply.ApplyQueries;
import io.ppmlab.emulator.query.exec.Compilation;
import io.ppmlab.emulator.query.exec.QueryContext;
import io.ppmlab.emulator.query.exec.Selection;
import io.ppmlab.emulator.query.fetchxml.FetchQueries;
import io.ppmlab.emulator.query.index.IndexSource;
import io.ppmlab.emulator.query.json.RowJson;
import io.ppmlab.emulator.query.list.ListQueries;
import io.ppmlab.emulator.query.list.SkipTokens;
import io.ppmlab.emulator.security.RowSecurity;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The query engine: every read of many rows (entity sets, navigation paths, {@code $count}, {@code $apply},
 * FetchXML) planned over the secondary indexes and filtered by the caller's read scope, asked once per request
 * per table. Knows nothing of HTTP: requests and responses are plain records, so benchmarks call it directly
 * ({@link #get}, {@link #rows}, {@link #explain}).
 */
public final class QueryEngine implements QueryOperations {
    /**
     * What the engine is built from. {@code indexes} is the {@code IndexedStore} every writer goes through
     * (possibly under other decorators of {@code store}); {@link IndexSource#NONE} makes every query scan.
     */
    public record Wiring(Schema schema, Store store, IndexSource indexes, ReadAccess access, RowWriter writer,
                         UriParser parser, Clock clock) {}

    private final Wiring wiring;
    private final QueryContext.Engine engine;
    private final Compilation compilation;
    private final ListQueries lists;
    private final ApplyQueries applies;
    private final FetchQueries fetches;
    private final Dispatcher.KeyResolver keys;

    public QueryEngine(Wiring wiring) { this(wiring, SkipTokens.random()); }

    public QueryEngine(Wiring wiring, SkipTokens tokens) {
        this.wiring = wiring;
        this.engine = new QueryContext.Engine(wiring.schema(), wiring.store(), wiring.indexes(), wiring.access());
        this.compilation = new Compilation(wiring.schema());
        RowJson json = new RowJson(wiring.writer());
        this.lists = new ListQueries(compilation, json, tokens);
        this.applies = new ApplyQueries(compilation, lists, wiring.parser(), json);
        this.fetches = new FetchQueries(compilation, json);
        this.keys = new StoreKeyResolver(wiring.store());
    }

    // --- QueryOperations: what the dispatcher calls ---

    @Override
    public ApiResponse list(Caller caller, Table table, QueryOptions options, ApiRequest request) {
        QueryContext ctx = context(caller);
        requirePrivilege(ctx, table);
        String fetchXml = options.custom().get("fetchXml");
        if (fetchXml != null) return fetches.run(ctx, table, fetchXml, request);
        if (options.apply().isPresent()) return applies.run(ctx, table, options, request, null);
        return lists.list(ctx, table, options, request, null);
    }

    @Override
    public ApiResponse count(Caller caller, Table table, QueryOptions options, ApiRequest request) {
        QueryContext ctx = context(caller);
        requirePrivilege(ctx, table);
        return ApiResponse.text(200, "text/plain", Integer.toString(lists.count(ctx, table, options, null)));
    }

    @Override
    public ApiResponse navigation(Caller caller, ResourcePath.Navigation nav, QueryOptions options, ApiRequest request) {
        QueryContext ctx = context(caller);
        Table parentTable = table(nav.table());
        Row parent = readableParent(ctx, parentTable, nav);
        if (nav.collection()) {
            Relationship rel = relationship(parentTable, nav.navigation());
            Table child = table(rel.referencingTable());
            requirePrivilege(ctx, child);
            ListQueries.Parent under = new ListQueries.Parent(rel, parent.id());
            if (options.apply().isPresent()) return applies.run(ctx, child, options, request, under);
            return lists.list(ctx, child, options, request, under);
        }
        Column lookup = ListQueries.lookupColumn(parentTable, nav.navigation())
                .orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(nav.navigation()));
        EntityRef ref = parent.ref(lookup.name());
        if (ref == null) return ApiResponse.noContent(Map.of());
        Table target = table(ref.table());
        Row row = ctx.fetch(ref);
        if (row == null) return ApiResponse.noContent(Map.of());
        requireReadable(ctx, target, row);
        return lists.entity(ctx, target, row, options, request);
    }

    @Override
    public ApiResponse navigationCount(Caller caller, ResourcePath.Navigation nav, QueryOptions options, ApiRequest request) {
        QueryContext ctx = context(caller);
        Table parentTable = table(nav.table());
        Row parent = readableParent(ctx, parentTable, nav);
        if (!nav.collection()) throw ODataErrors.notSupported("$count on a single-valued navigation");
        Relationship rel = relationship(parentTable, nav.navigation());
        Table child = table(rel.referencingTable());
        requirePrivilege(ctx, child);
        int n = lists.count(ctx, child, options, new ListQueries.Parent(rel, parent.id()));
        return ApiResponse.text(200, "text/plain", Integer.toString(n));
    }

    // --- plain Java entry points (benchmarks, tests) ---

    /**
     * Parses and runs a GET as the Web API would: {@code pathAndQuery} is what follows {@code /api/data/v9.2/},
     * e.g. {@code sensei_projects?$select=sensei_name&$top=50}. Errors are thrown, as the dispatcher sees them.
     */
    public ApiResponse get(Caller caller, String pathAndQuery, Map<String, String> headers) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        ParsedRequest parsed = wiring.parser().parse(path, query);
        ApiRequest request = new ApiRequest("GET", "v9.2", path, query, headers, new byte[0], "http://localhost/api/data/v9.2/");
        ResourcePath p = parsed.path();
        if (p instanceof ResourcePath.EntitySet set) return list(caller, table(set.table()), parsed.options(), request);
        if (p instanceof ResourcePath.EntitySetCount c) return count(caller, table(c.table()), parsed.options(), request);
        if (p instanceof ResourcePath.Navigation n) return navigation(caller, n, parsed.options(), request);
        if (p instanceof ResourcePath.NavigationCount n) return navigationCount(caller, n.via(), parsed.options(), request);
        throw ODataErrors.notSupported("The path '" + path + "' in the query engine");
    }

    /** The rows a query selects (security-filtered, ordered, first page only), without writing JSON. */
    public List<Row> rows(Caller caller, Table table, QueryOptions options, int limit) {
        QueryContext ctx = context(caller);
        return lists.select(ctx, table, options, null, null, limit, 0).rows();
    }

    /** Where the planner starts a query for this caller, e.g. {@code reach(12)} or {@code index:statuscode(40)}. */
    public String explain(Caller caller, Table table, QueryOptions options) {
        QueryContext ctx = context(caller);
        Selection.Result r = lists.select(ctx, table, options, null, null, 1, 0);
        return r.plan();
    }

    // --- helpers ---

    private QueryContext context(Caller caller) {
        return new QueryContext(engine, caller, wiring.clock().instant());
    }

    private Row readableParent(QueryContext ctx, Table table, ResourcePath.Navigation nav) {
        UUID id = keys.id(table, nav.key());
        Row parent = ctx.fetch(new EntityRef(table.logicalName(), id));
        if (parent == null) throw ErrorCode.OBJECT_DOES_NOT_EXIST.error(table.logicalName(), id);
        requireReadable(ctx, table, parent);
        return parent;
    }

    private static void requirePrivilege(QueryContext ctx, Table table) {
        if (ctx.scope(table.logicalName()).isEmpty()) {
            throw ErrorCode.PRIVILEGE_DENIED.error("Principal user (Id=" + ctx.caller().userId()
                    + ", type=8), is missing prvRead" + table.logicalName() + " privilege for entity '"
                    + table.logicalName() + "'.");
        }
    }

    private void requireReadable(QueryContext ctx, Table table, Row row) {
        requirePrivilege(ctx, table);
        if (ctx.readable(row)) return;
        RowSecurity facts = wiring.access().facts(row);
        throw ErrorCode.ACCESS_DENIED.error("SecLib::AccessCheckEx failed. ObjectID: " + row.id() + ", OwnerId: "
                + (facts.owner() == null ? "" : facts.owner().id()) + " and CallingUser: " + ctx.caller().userId()
                + ". objectBusinessUnitId: " + (facts.owningBusinessUnit() == null ? "" : facts.owningBusinessUnit())
                + ", AccessRights: ReadAccess");
    }

    private Table table(String logicalName) {
        return wiring.schema().table(logicalName).orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(logicalName));
    }

    private Relationship relationship(Table parent, String navigation) {
        return wiring.schema().collectionNavigation(parent.logicalName(), navigation)
                .orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.error(navigation));
    }
}

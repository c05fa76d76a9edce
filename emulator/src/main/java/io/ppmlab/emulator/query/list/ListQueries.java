package io.ppmlab.emulator.query.list;

import io.ppmlab.emulator.cost.Quantity;
import io.ppmlab.emulator.cost.WorkScope;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Prefer;
import io.ppmlab.emulator.odata.ODataErrors;
import io.ppmlab.emulator.odata.ODataQueryException;
import io.ppmlab.emulator.odata.model.ExpandItem;
import io.ppmlab.emulator.odata.model.Expr;
import io.ppmlab.emulator.odata.model.QueryOptions;
import io.ppmlab.emulator.query.exec.Compilation;
import io.ppmlab.emulator.query.exec.Cursor;
import io.ppmlab.emulator.query.exec.QueryContext;
import io.ppmlab.emulator.query.exec.RowOrder;
import io.ppmlab.emulator.query.exec.Selection;
import io.ppmlab.emulator.query.json.RowJson;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * OData collection reads: entity sets and navigation collections with {@code $select}, {@code $filter},
 * {@code $orderby}, {@code $top}, {@code $count}, {@code $expand}, {@code Prefer: odata.maxpagesize} and signed
 * {@code $skiptoken} paging, answered in Dataverse's JSON shape.
 */
public final class ListQueries {
    public static final int MAX_PAGE = 5_000;
    public static final int MAX_COUNT = 5_000;
    public static final int MAX_EXPANDS = 15;
    static final String TOTAL = "Microsoft.Dynamics.CRM.totalrecordcount";
    static final String EXCEEDED = "Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded";
    private static final JsonFactory JSON = new JsonFactory();

    private final Compilation compilation;
    private final RowJson json;
    private final SkipTokens tokens;
    private final Expansions expansions;

    public ListQueries(Compilation compilation, RowJson json, SkipTokens tokens) {
        this.compilation = compilation;
        this.json = json;
        this.tokens = tokens;
        this.expansions = new Expansions(this, compilation, json, tokens);
    }

    /** Rows of the child table under one parent row: a navigation collection or an expanded one. */
    public record Parent(Relationship relationship, UUID id) {}

    /** Page size and $top as they apply to one request. */
    record Paging(int pageSize, boolean applied, int top) {
        static Paging of(Prefer prefer, QueryOptions o) {
            Integer asked = prefer.maxPageSize();
            if (asked != null && asked > 0) return new Paging(Math.min(asked, MAX_PAGE), true, -1); // $top is ignored
            return new Paging(MAX_PAGE, false, o.top().orElse(-1));
        }
    }

    /** A list response for an entity set ({@code parent} null) or a navigation collection. */
    public ApiResponse list(QueryContext ctx, Table table, QueryOptions o, ApiRequest request, Parent parent) {
        checkExpandCount(o);
        Prefer prefer = request.prefer();
        Paging paging = Paging.of(prefer, o);
        // The binding (a canonical text of the query) is only built when a token is read or issued.
        java.util.function.Supplier<SkipTokens.Binding> binding = () ->
                new SkipTokens.Binding(request.path(), withoutToken(o), ctx.caller().userId(), paging.pageSize());
        SkipTokens.Position position = o.skipToken().map(t -> tokens.read(t, binding.get())).orElse(null);
        int remaining = position != null ? position.remaining() : paging.top();
        int limit = remaining >= 0 ? Math.min(paging.pageSize(), remaining) : paging.pageSize();
        Selection.Result result = select(ctx, table, o, parent, position == null ? null : position.after(), limit,
                o.count() ? MAX_COUNT : 0);
        int left = remaining >= 0 ? remaining - result.rows().size() : -1;
        boolean more = result.more() && left != 0;
        boolean nested = o.expand().stream().anyMatch(e -> !e.options().expand().isEmpty());
        Expansions.Mode mode = new Expansions.Mode(nested, paging.pageSize(), prefer);

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
        try (JsonGenerator g = JSON.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", request.baseUrl() + "$metadata#" + table.entitySetName() + contextSelection(o));
            writeCounts(g, prefer, o.count(), result.count());
            g.writeArrayFieldStart("value");
            for (Row row : result.rows()) {
                g.writeStartObject();
                json.fields(g, table, row, Expansions.selectWithRefs(table, o), prefer);
                expansions.write(g, ctx, table, row, o.expand(), mode, request.baseUrl());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (more) {
                int page = position == null ? 2 : position.page() + 1;
                String token = tokens.issue(binding.get(), table.primaryIdColumn(), page, result.last(), left);
                g.writeStringField("@odata.nextLink", request.baseUrl() + request.path() + "?"
                        + QueryStrings.withToken(request.rawQuery(), token));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApiResponse(200, preferenceApplied(prefer, paging), ApiResponse.JSON, out.toByteArray());
    }

    /** One row as an entity ({@code .../$entity} context) with $select and $expand: a single-valued navigation. */
    public ApiResponse entity(QueryContext ctx, Table table, Row row, QueryOptions o, ApiRequest request) {
        checkExpandCount(o);
        Prefer prefer = request.prefer();
        boolean nested = o.expand().stream().anyMatch(e -> !e.options().expand().isEmpty());
        Paging paging = Paging.of(prefer, o);
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", request.baseUrl() + "$metadata#" + table.entitySetName()
                    + contextSelection(o) + "/$entity");
            json.fields(g, table, row, Expansions.selectWithRefs(table, o), prefer);
            expansions.write(g, ctx, table, row, o.expand(), new Expansions.Mode(nested, paging.pageSize(), prefer), request.baseUrl());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ApiResponse.json(200, out.toString(), Map.of("ETag", io.ppmlab.emulator.payload.RowWriter.etag(row)));
    }

    /** The lookup column behind a single-valued navigation property, if the table has one of that name. */
    public static Optional<io.ppmlab.schema.Column> lookupColumn(Table table, String navigation) {
        return Expansions.lookupColumn(table, navigation);
    }

    /** {@code /$count}: a number, capped at 5,000 like {@code $count=true}. */
    public int count(QueryContext ctx, Table table, QueryOptions o, Parent parent) {
        Selection.Result r = select(ctx, table, o, parent, null, 0, MAX_COUNT);
        WorkScope.count(Quantity.AGGREGATE_ROWS, Math.max(0, r.count()));
        return Math.min(r.count(), MAX_COUNT);
    }

    /** Up to {@code limit} rows the caller may read that pass the options' filter, in id order (aggregates). */
    public List<Row> rows(QueryContext ctx, Table table, QueryOptions o, Parent parent, int limit) {
        return select(ctx, table, o, parent, null, limit, 0).rows();
    }

    /** The security-filtered selection behind every list, expand and count. */
    public Selection.Result select(QueryContext ctx, Table table, QueryOptions o, Parent parent, Cursor after, int limit, int countCap) {
        Expr filter = o.filter().orElse(null);
        if (parent != null) {
            Expr under = new Expr.Binary(Expr.Op.EQ, new Expr.Property(List.of(
                    "_" + parent.relationship().lookupColumn() + "_value")), new Expr.Literal(parent.id()));
            filter = filter == null ? under : new Expr.Binary(Expr.Op.AND, under, filter);
        }
        Compilation.CompiledFilter f = compilation.filter(table, filter);
        RowOrder order = compilation.order(table, o.orderBy());
        Selection.Spec spec = new Selection.Spec(table, f.cond().bind(ctx), f.frameSize(), f.hints(),
                order == null ? null : order.bind(ctx, compilation.schema()), after, limit, countCap);
        return Selection.run(ctx, spec);
    }

    static void writeCounts(JsonGenerator g, Prefer prefer, boolean asked, int counted) throws IOException {
        int shown = Math.min(counted, MAX_COUNT);
        if (asked) g.writeNumberField("@odata.count", shown);
        if (prefer.wantsAnnotation(TOTAL)) g.writeNumberField("@" + TOTAL, asked ? shown : -1);
        if (prefer.wantsAnnotation(EXCEEDED)) g.writeBooleanField("@" + EXCEEDED, asked && counted > MAX_COUNT);
    }

    static Map<String, String> preferenceApplied(Prefer prefer, Paging paging) {
        List<String> applied = new ArrayList<>();
        if (paging.applied()) applied.add("odata.maxpagesize=" + paging.pageSize());
        if (!prefer.annotationPatterns().isEmpty()) {
            applied.add("odata.include-annotations=\"" + String.join(",", prefer.annotationPatterns()) + "\"");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (!applied.isEmpty()) headers.put("Preference-Applied", String.join(",", applied));
        return headers;
    }

    /** The options a token is bound to: everything but the token itself. */
    static String withoutToken(QueryOptions o) {
        return new QueryOptions(o.select(), o.filter(), o.orderBy(), o.top(), o.count(), o.expand(), o.apply(),
                Optional.empty(), o.custom()).toCanonicalString();
    }

    /** {@code (a,b,nav(c),other())} as Dataverse writes it in {@code @odata.context}; empty when nothing is shaped. */
    static String contextSelection(QueryOptions o) {
        List<String> parts = new ArrayList<>(o.select());
        for (ExpandItem e : o.expand()) parts.add(e.navigation() + (e.ref() ? "/$ref()" : "(" + contextSelection(e.options()).replaceAll("^\\(|\\)$", "") + ")"));
        return parts.isEmpty() ? "" : "(" + String.join(",", parts) + ")";
    }

    private static void checkExpandCount(QueryOptions o) {
        int n = expandCount(o);
        if (n > MAX_EXPANDS) {
            throw new ODataQueryException(400, ODataErrors.QUERY, "The query has " + n
                    + " $expand options; at most " + MAX_EXPANDS + " are allowed.");
        }
    }

    private static int expandCount(QueryOptions o) {
        int n = 0;
        for (ExpandItem e : o.expand()) n += 1 + expandCount(e.options());
        return n;
    }
}

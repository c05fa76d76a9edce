package io.ppmlab.emulator.query.apply;

import io.ppmlab.emulator.cost.Quantity;
import io.ppmlab.emulator.cost.WorkScope;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Prefer;
import io.ppmlab.emulator.odata.ODataErrors;
import io.ppmlab.emulator.odata.ODataQueryException;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.odata.model.Expr;
import io.ppmlab.emulator.odata.model.OrderBy;
import io.ppmlab.emulator.odata.model.QueryOptions;
import io.ppmlab.emulator.query.exec.Compilation;
import io.ppmlab.emulator.query.exec.QueryCache;
import io.ppmlab.emulator.query.exec.QueryContext;
import io.ppmlab.emulator.query.filter.Operand;
import io.ppmlab.emulator.query.filter.PropertyPath;
import io.ppmlab.emulator.query.filter.Values;
import io.ppmlab.emulator.query.json.RowJson;
import io.ppmlab.emulator.query.list.ListQueries;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code $apply}: filter, group and aggregate the rows the caller may read (after {@code $filter}), over at most
 * 50,000 rows ({@code 0x8004E023} beyond). Groups come back ordered by their keys; a group key read through a
 * lookup comes back under Dataverse's generated alias ({@code <table>_<column>}); null keys are left out.
 */
public final class ApplyQueries {
    public static final int MAX_ROWS = 50_000;
    public static final String LIMIT_CODE = "0x8004E023";
    private static final JsonFactory JSON = new JsonFactory();

    private final Compilation compilation;
    private final ListQueries lists;
    private final UriParser parser;
    private final RowJson json;
    private final QueryCache<Key, Plan> plans = new QueryCache<>(1024);

    private record Key(String table, String apply) {}

    /** A compiled $apply: its filter (all filter() steps anded), group paths and aggregates. */
    record Plan(Expr filter, List<Group> groups, List<Agg> aggregates, boolean grouped) {}

    record Group(PropertyPath path, String alias) {}

    record Agg(PropertyPath path, String method, String alias) {}

    public ApplyQueries(Compilation compilation, ListQueries lists, UriParser parser, RowJson json) {
        this.compilation = compilation;
        this.lists = lists;
        this.parser = parser;
        this.json = json;
    }

    public ApiResponse run(QueryContext ctx, Table table, QueryOptions o, ApiRequest request, ListQueries.Parent parent) {
        Plan plan = plans.get(new Key(table.logicalName(), o.apply().orElseThrow()), k -> compile(table, k.apply()));
        Expr filter = o.filter().orElse(null);
        if (plan.filter() != null) filter = filter == null ? plan.filter() : new Expr.Binary(Expr.Op.AND, filter, plan.filter());
        QueryOptions selection = new QueryOptions(List.of(), java.util.Optional.ofNullable(filter), List.of(),
                java.util.Optional.empty(), false, List.of(), java.util.Optional.empty(), java.util.Optional.empty(), Map.of());
        List<Row> rows = lists.rows(ctx, table, selection, parent, MAX_ROWS + 1);
        if (rows.size() > MAX_ROWS) throw limitExceeded();
        WorkScope.count(Quantity.AGGREGATE_ROWS, rows.size());

        Row[] frame = new Row[1];
        List<Operand.Getter> keys = plan.groups().stream().map(g -> g.path().bind(ctx)).toList();
        List<Operand.Getter> values = plan.aggregates().stream().map(a -> a.path() == null ? null : a.path().bind(ctx)).toList();
        Map<List<Object>, Bucket> buckets = new LinkedHashMap<>();
        if (!plan.grouped()) buckets.put(List.of(), new Bucket(List.of(), plan.aggregates().size()));
        for (Row row : rows) {
            frame[0] = row;
            List<Object> raw = new ArrayList<>(keys.size());
            List<Object> hashed = new ArrayList<>(keys.size());
            for (Operand.Getter k : keys) {
                Object v = k.get(frame);
                if (v == Values.UNREADABLE) v = null;
                raw.add(v);
                hashed.add(Values.key(v));
            }
            Bucket b = buckets.computeIfAbsent(hashed, h -> new Bucket(raw, plan.aggregates().size()));
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i) == null ? null : values.get(i).get(frame);
                b.add(i, plan.aggregates().get(i).method(), v == Values.UNREADABLE ? null : v);
            }
        }
        List<Bucket> out = new ArrayList<>(buckets.values());
        sort(out, plan, o.orderBy());
        if (o.top().isPresent() && out.size() > o.top().get()) out = out.subList(0, o.top().get());
        return ApiResponse.json(200, write(plan, out, request, table), Map.of());
    }

    private static final class Bucket {
        final List<Object> keys;
        final Object[] acc;
        final long[] counts;

        Bucket(List<Object> keys, int n) {
            this.keys = keys;
            this.acc = new Object[n];
            this.counts = new long[n];
        }

        void add(int i, String method, Object v) {
            if (method.equals("count")) { counts[i]++; return; }
            if (v == null) return;
            counts[i]++;
            switch (method) {
                case "sum", "average" -> acc[i] = acc[i] == null ? Values.decimal((Number) v) : ((BigDecimal) acc[i]).add(Values.decimal((Number) v));
                case "min" -> { if (acc[i] == null || Values.compare(v, acc[i]) < 0) acc[i] = v; }
                case "max" -> { if (acc[i] == null || Values.compare(v, acc[i]) > 0) acc[i] = v; }
                default -> throw new IllegalStateException(method);
            }
        }

        Object result(int i, String method) {
            return switch (method) {
                case "count" -> counts[i];
                case "average" -> acc[i] == null ? null : ((BigDecimal) acc[i]).divide(BigDecimal.valueOf(counts[i]), MathContext.DECIMAL64);
                default -> acc[i];
            };
        }
    }

    private Plan compile(Table table, String text) {
        ApplyText.Parsed parsed = ApplyText.parse(text);
        Expr filter = null;
        for (String f : parsed.filters()) {
            String query = "$filter=" + URLEncoder.encode(f, StandardCharsets.UTF_8);
            Expr e = parser.parse(table.entitySetName(), query).options().filter()
                    .orElseThrow(() -> ODataErrors.syntax("Empty filter() in $apply."));
            filter = filter == null ? e : new Expr.Binary(Expr.Op.AND, filter, e);
        }
        List<Group> groups = new ArrayList<>();
        for (List<String> segs : parsed.groupBy()) {
            PropertyPath p = compilation.compiler().path(table, segs);
            if (p.type() == ColumnType.DATETIME) throw ODataErrors.notSupported("groupby with datetime values");
            String alias = p.lookups().isEmpty() ? String.join("/", segs)
                    : p.finals().keySet().iterator().next() + "_" + segs.get(segs.size() - 1);
            groups.add(new Group(p, alias));
        }
        List<Agg> aggs = new ArrayList<>();
        for (ApplyText.Aggregate a : parsed.aggregates()) {
            PropertyPath p = a.path().isEmpty() ? null : compilation.compiler().path(table, a.path());
            if (p != null && (a.method().equals("sum") || a.method().equals("average")) && !numeric(p.type())) {
                throw ODataErrors.syntax("The aggregation method '" + a.method() + "' needs a numeric property; '"
                        + String.join("/", a.path()) + "' is " + p.type() + ".");
            }
            aggs.add(new Agg(p, a.method(), a.alias()));
        }
        return new Plan(filter, groups, aggs, parsed.grouped());
    }

    private static boolean numeric(ColumnType t) {
        return t == ColumnType.INT || t == ColumnType.BIGINT || t == ColumnType.DECIMAL || t == ColumnType.MONEY;
    }

    /** Groups by their keys (nulls first), or by an $orderby naming group keys. */
    private static void sort(List<Bucket> out, Plan plan, List<OrderBy> orderBy) {
        List<int[]> order = new ArrayList<>();
        for (OrderBy ob : orderBy) {
            String name = String.join("/", ob.path());
            int found = -1;
            for (int i = 0; i < plan.groups().size(); i++) {
                if (plan.groups().get(i).alias().equals(name) || plan.groups().get(i).path().text().equals(name)) found = i;
            }
            if (found < 0) throw ODataErrors.notSupported("The query node SingleValueOpenPropertyAccess");
            order.add(new int[] {found, ob.descending() ? -1 : 1});
        }
        for (int i = 0; i < plan.groups().size(); i++) order.add(new int[] {i, 1});
        out.sort((a, b) -> {
            for (int[] o : order) {
                Object x = a.keys.get(o[0]);
                Object y = b.keys.get(o[0]);
                int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : Values.compare(x, y);
                if (c != 0) return c * o[1];
            }
            return 0;
        });
    }

    private String write(Plan plan, List<Bucket> out, ApiRequest request, Table table) {
        Prefer prefer = request.prefer();
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", request.baseUrl() + "$metadata#" + table.entitySetName());
            g.writeArrayFieldStart("value");
            for (Bucket b : out) {
                g.writeStartObject();
                for (int i = 0; i < plan.groups().size(); i++) {
                    Object v = b.keys.get(i);
                    if (v != null) property(g, plan.groups().get(i).path(), plan.groups().get(i).alias(), v, prefer);
                }
                for (int i = 0; i < plan.aggregates().size(); i++) {
                    Agg a = plan.aggregates().get(i);
                    Object v = b.result(i, a.method());
                    if (a.path() == null) {
                        if (prefer.wantsAnnotation("OData.Community.Display.V1.FormattedValue")) {
                            g.writeStringField(a.alias() + "@OData.Community.Display.V1.FormattedValue",
                                    NumberFormat.getIntegerInstance(Locale.US).format(v));
                        }
                        g.writeNumberField(a.alias(), (Long) v);
                    } else if (v != null) {
                        property(g, a.path(), a.alias(), v, prefer);
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /** Writes one value as the column behind {@code path} would be written (formatted values too), under {@code alias}. */
    private void property(JsonGenerator g, PropertyPath path, String alias, Object value, Prefer prefer) throws IOException {
        Table t = compilation.schema().table(path.finals().keySet().iterator().next()).orElseThrow();
        json.value(g, t, path.column() == PropertyPath.ID ? null : path.column(), value, alias, prefer);
    }

    static ODataQueryException limitExceeded() {
        return new ODataQueryException(400, LIMIT_CODE,
                "AggregateQueryRecordLimit exceeded. The maximum record limit is exceeded. Reduce the number of records.");
    }
}

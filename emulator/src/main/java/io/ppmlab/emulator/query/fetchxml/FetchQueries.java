package io.ppmlab.emulator.query.fetchxml;

import io.ppmlab.emulator.cost.Quantity;
import io.ppmlab.emulator.cost.WorkScope;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Prefer;
import io.ppmlab.emulator.odata.ODataErrors;
import io.ppmlab.emulator.query.exec.Compilation;
import io.ppmlab.emulator.query.exec.QueryCache;
import io.ppmlab.emulator.query.exec.QueryContext;
import io.ppmlab.emulator.query.exec.Selection;
import io.ppmlab.emulator.query.filter.Cond;
import io.ppmlab.emulator.query.filter.Operand;
import io.ppmlab.emulator.query.filter.Pred;
import io.ppmlab.emulator.query.filter.PropertyPath;
import io.ppmlab.emulator.query.filter.Values;
import io.ppmlab.emulator.query.json.RowJson;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET <set>?fetchXml=...}: FetchXML over the Web API. Root rows come from the same planner and security
 * filter as OData queries; link-entities join only rows the caller may read (inner joins drop the parent when
 * none match, outer joins keep it). Null properties are left out of the results, as Dataverse does. Paging is by
 * {@code page}/{@code count} or the paging cookie, with the {@code fetchxmlpagingcookie}/{@code morerecords}
 * annotations; {@code aggregate="true"} groups and aggregates up to 50,000 rows.
 */
public final class FetchQueries {
    public static final int MAX_PAGE = 5_000;
    public static final int SIMPLE_PAGING_LIMIT = 50_000;
    public static final int MAX_AGGREGATE_ROWS = 50_000;
    static final String COOKIE = "Microsoft.Dynamics.CRM.fetchxmlpagingcookie";
    static final String MORE = "Microsoft.Dynamics.CRM.morerecords";
    static final String TOTAL = "Microsoft.Dynamics.CRM.totalrecordcount";
    static final String EXCEEDED = "Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded";
    private static final Pattern LAST = Pattern.compile("last=\"\\{?([0-9a-fA-F-]{36})}?\"");
    private static final JsonFactory JSON = new JsonFactory();

    private final Compilation compilation;
    private final RowJson json;
    private final QueryCache<Key, FetchPlan> plans = new QueryCache<>(512);

    private record Key(String table, String xml) {}

    public FetchQueries(Compilation compilation, RowJson json) {
        this.compilation = compilation;
        this.json = json;
    }

    public ApiResponse run(QueryContext ctx, Table table, String xml, ApiRequest request) {
        FetchPlan plan = plans.get(new Key(table.logicalName(), xml), k -> prepare(table, xml));
        FetchXml fx = plan.fetch;
        int cap = fx.aggregate() ? aggregateLimit(fx) + 1 : Integer.MAX_VALUE;
        List<Row[]> tuples = tuples(ctx, plan, cap);
        String body = fx.aggregate()
                ? FetchAggregates.write(ctx, plan, tuples, aggregateLimit(fx), json, request)
                : rows(ctx, plan, tuples, request);
        return ApiResponse.json(200, body, Map.of());
    }

    private FetchPlan prepare(Table table, String xml) {
        FetchXml fx = FetchXmlParser.parse(xml);
        if (!fx.root().entity().equals(table.logicalName())) {
            if (compilation.schema().table(fx.root().entity()).isEmpty()) throw FetchErrors.noEntity(fx.root().entity());
            throw FetchErrors.entityMismatch(fx.root().entity(), table.entitySetName());
        }
        if (fx.conditions() > ODataErrors.MAX_CONDITIONS) throw ODataErrors.tooManyConditions(fx.conditions());
        FetchXml.Paging p = fx.paging();
        if (p.top() != null && (p.count() != null || p.page() != null)) {
            throw FetchErrors.paging("The top attribute can't be specified with paging attribute page or count.");
        }
        if (p.top() != null && (p.top() < 0 || p.top() > MAX_PAGE)) throw FetchErrors.paging("The top attribute must be between 0 and 5000.");
        if (p.count() != null && (p.count() < 1 || p.count() > MAX_PAGE)) throw FetchErrors.paging("The count attribute must be between 1 and 5000.");
        if (p.page() != null && p.page() < 1) throw FetchErrors.paging("The page attribute must be 1 or more.");
        if (fx.aggregate()) {
            for (FetchXml.Node n : fx.nodes()) {
                if (n.allAttributes()) throw FetchErrors.malformed("all-attributes cannot be used in an aggregate query");
                for (FetchXml.Attribute a : n.attributes()) {
                    if (a.aggregate() == null && !a.groupBy()) {
                        throw FetchErrors.malformed("the attribute '" + a.name() + "' needs an aggregate or groupby in an aggregate query");
                    }
                    if (a.alias() == null) throw FetchErrors.malformed("the aggregate attribute '" + a.name() + "' needs an alias");
                }
            }
        }
        return new FetchPlan(fx, table, compilation);
    }

    private static int aggregateLimit(FetchXml fx) {
        Integer given = fx.aggregateLimit();
        return given == null || given > MAX_AGGREGATE_ROWS ? MAX_AGGREGATE_ROWS : Math.max(0, given);
    }

    /** Joined rows: frame slot 0 the root row, each link's slot its row (null after an outer join's miss). */
    static List<Row[]> tuples(QueryContext ctx, FetchPlan plan, int cap) {
        Pred root = plan.rootFilter.bind(ctx);
        List<Row[]> out = new ArrayList<>();
        if (!plan.hasLinks()) {
            Selection.Spec spec = new Selection.Spec(plan.root, root, plan.frameSize, plan.hints, null, null, cap, 0);
            for (Row r : Selection.run(ctx, spec).rows()) {
                Row[] f = new Row[plan.frameSize];
                f[0] = r;
                out.add(f);
            }
            return out;
        }
        List<Pred> linkFilters = new ArrayList<>();
        List<Operand.Getter> parentValues = new ArrayList<>();
        for (FetchPlan.Link l : plan.links) {
            linkFilters.add(l.filter().bind(ctx));
            parentValues.add(l.parentValue().bind(ctx));
        }
        Selection.Spec spec = new Selection.Spec(plan.root, Cond.TRUE.bind(ctx), 1, plan.hints, null, null, Integer.MAX_VALUE, 0);
        for (Row r : Selection.run(ctx, spec).rows()) {
            List<Row[]> frames = new ArrayList<>();
            Row[] first = new Row[plan.frameSize];
            first[0] = r;
            frames.add(first);
            for (int i = 0; i < plan.links.size() && !frames.isEmpty(); i++) {
                frames = join(ctx, plan.links.get(i), linkFilters.get(i), parentValues.get(i), frames);
            }
            for (Row[] f : frames) {
                if (root.test(f) == Pred.TRUE) out.add(f);
                if (out.size() >= cap) return out;
            }
        }
        return out;
    }

    private static List<Row[]> join(QueryContext ctx, FetchPlan.Link link, Pred filter, Operand.Getter parentValue, List<Row[]> frames) {
        List<Row[]> out = new ArrayList<>();
        WorkScope.count(Quantity.JOINS, 1); // one link-entity joined
        int slot = link.node().slot();
        for (Row[] f : frames) {
            Object v = parentValue.get(f);
            boolean matched = false;
            if (v != null && v != Values.UNREADABLE) {
                for (Row candidate : linked(ctx, link, v)) {
                    if (!ctx.readable(candidate)) continue;
                    Row[] g = f.clone();
                    g[slot] = candidate;
                    if (filter.test(g) == Pred.TRUE) {
                        out.add(g);
                        matched = true;
                    }
                }
            }
            if (!matched && link.node().outer()) {
                Row[] g = f.clone();
                g[slot] = null;
                out.add(g);
            }
        }
        return out;
    }

    private static List<Row> linked(QueryContext ctx, FetchPlan.Link link, Object value) {
        String table = link.table().logicalName();
        if (link.from() == PropertyPath.ID) {
            if (!(value instanceof UUID id)) return List.of();
            Row r = ctx.fetch(new EntityRef(table, id));
            return r == null ? List.of() : List.of(r);
        }
        return ctx.rowsWhere(table, link.from().name(), value);
    }

    private String rows(QueryContext ctx, FetchPlan plan, List<Row[]> tuples, ApiRequest request) {
        FetchXml fx = plan.fetch;
        Prefer prefer = request.prefer();
        sort(ctx, plan, tuples);
        if (fx.distinct()) tuples = distinct(plan, tuples);
        FetchXml.Paging p = fx.paging();
        int total = tuples.size();
        List<Row[]> page;
        boolean more;
        int pageNumber = p.page() == null ? 1 : p.page();
        if (p.top() != null) {
            page = tuples.subList(0, Math.min(p.top(), total));
            more = false;
        } else {
            int size = p.count() == null ? MAX_PAGE : p.count();
            int from;
            UUID last = cookieLast(p.cookie());
            if (last != null && plan.orders.isEmpty()) {
                from = 0;
                while (from < total && tuples.get(from)[0].id().compareTo(last) <= 0) from++;
            } else {
                from = (pageNumber - 1) * size;
                if (from + size > SIMPLE_PAGING_LIMIT && last == null) {
                    throw FetchErrors.paging("Paging with page and count cannot go past " + SIMPLE_PAGING_LIMIT
                            + " rows; use the paging cookie.");
                }
            }
            int to = Math.min(total, from + size);
            page = from >= total ? List.of() : tuples.subList(from, to);
            more = to < total;
        }
        StringWriter sw = new StringWriter(4096);
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", request.baseUrl() + "$metadata#" + plan.root.entitySetName());
            if (fx.returnTotalRecordCount()) {
                if (prefer.wantsAnnotation(TOTAL)) g.writeNumberField("@" + TOTAL, Math.min(total, MAX_PAGE));
                if (prefer.wantsAnnotation(EXCEEDED)) g.writeBooleanField("@" + EXCEEDED, total > MAX_PAGE);
            }
            // The cookie is written whether or not Prefer names it; morerecords only when asked for. Microsoft's
            // "Page results using FetchXml" (learn.microsoft.com/power-apps/developer/data-platform/fetchxml/page-results)
            // tells Web API callers to ask for both, but DynamicsWebApi's fetchAll (npm dynamics-web-api 2.5.0,
            // src/requests/fetchXml.ts and fetchXmlAll.ts) asks for neither and pages on the cookie alone, which works
            // against Dataverse (AleksandrRogov/DynamicsWebApi#79). A query ordered by a link-entity column gets no
            // cookie, as that page documents, and is paged by page number only.
            if (more && !page.isEmpty() && cookiePaging(plan)) {
                g.writeStringField("@" + COOKIE, cookie(plan, page, pageNumber));
            }
            if (more && prefer.wantsAnnotation(MORE)) g.writeBooleanField("@" + MORE, true);
            g.writeArrayFieldStart("value");
            for (Row[] t : page) {
                g.writeStartObject();
                writeTuple(g, plan, t, prefer);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private void writeTuple(JsonGenerator g, FetchPlan plan, Row[] t, Prefer prefer) throws IOException {
        boolean distinct = plan.fetch.distinct();
        for (FetchXml.Node n : plan.fetch.nodes()) {
            Row row = t[n.slot()];
            if (row == null) continue;
            Table table = plan.tables.get(n.slot());
            boolean everything = n.allAttributes() || (n.slot() == 0 && n.attributes().isEmpty());
            if (!everything && n.attributes().isEmpty()) continue;
            List<String> select = everything ? List.of() : n.attributes().stream().map(FetchXml.Attribute::name).toList();
            Map<String, String> aliases = new HashMap<>();
            for (FetchXml.Attribute a : n.attributes()) if (a.alias() != null) aliases.put(a.name(), a.alias());
            boolean keySelected = everything || select.contains(table.primaryIdColumn());
            String prefix = n.slot() == 0 ? "" : n.alias() + ".";
            UnaryOperator<String> rename = RowJson.byProperty(property -> {
                String attribute = property.startsWith("_") && property.endsWith("_value")
                        ? property.substring(1, property.length() - 6) : property;
                if (attribute.equals(table.primaryIdColumn()) && !keySelected && (distinct || n.slot() != 0)) return null;
                String alias = aliases.get(attribute);
                if (alias != null) return prefix.isEmpty() ? alias : prefix + alias;
                return prefix.isEmpty() ? property : prefix + attribute;
            });
            json.reshaped(g, table, row, select, prefer, n.slot() == 0 && !distinct, false, rename);
        }
    }

    private void sort(QueryContext ctx, FetchPlan plan, List<Row[]> tuples) {
        if (plan.orders.isEmpty()) return;
        List<Operand.Getter> getters = new ArrayList<>();
        for (FetchPlan.OrderKey k : plan.orders) {
            if (k.path() == null) throw FetchErrors.malformed("<order alias=...> is only for aggregate queries");
            getters.add(k.path().bind(ctx));
        }
        Map<Row[], Object[]> keys = new java.util.IdentityHashMap<>();
        for (Row[] t : tuples) {
            Object[] k = new Object[getters.size()];
            for (int i = 0; i < k.length; i++) k[i] = sortValue(ctx, plan.orders.get(i).path(), getters.get(i).get(t), t);
            keys.put(t, k);
        }
        Collections.sort(tuples, (a, b) -> {
            Object[] x = keys.get(a);
            Object[] y = keys.get(b);
            for (int i = 0; i < x.length; i++) {
                int c = compareNullsFirst(x[i], y[i]);
                if (c != 0) return plan.orders.get(i).descending() ? -c : c;
            }
            return a[0].id().compareTo(b[0].id());
        });
    }

    /** FetchXML sorts a choice by its label and a lookup by its target's primary name. */
    private static Object sortValue(QueryContext ctx, PropertyPath path, Object v, Row[] t) {
        if (v == null || v == Values.UNREADABLE) return null;
        Column c = path.column();
        if (c != PropertyPath.ID && c.type() == ColumnType.CHOICE && v instanceof Integer i) return c.label(i).orElse(String.valueOf(i));
        if (c != PropertyPath.ID && c.type() == ColumnType.LOOKUP) {
            Row owner = t[path.slot()];
            EntityRef ref = owner == null ? null : owner.ref(c.name());
            Row target = ref == null ? null : ctx.fetch(ref);
            String nameColumn = target == null ? null : ctx.schema().table(target.table()).map(Table::primaryNameColumn).orElse(null);
            return nameColumn == null ? null : target.get(nameColumn);
        }
        return v;
    }

    static int compareNullsFirst(Object a, Object b) {
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return Values.compare(a, b);
    }

    /** Drops tuples whose selected values repeat an earlier tuple's. */
    private static List<Row[]> distinct(FetchPlan plan, List<Row[]> tuples) {
        Set<List<Object>> seen = new LinkedHashSet<>();
        List<Row[]> out = new ArrayList<>();
        for (Row[] t : tuples) {
            List<Object> key = new ArrayList<>();
            for (FetchXml.Node n : plan.fetch.nodes()) {
                Row r = t[n.slot()];
                Table table = plan.tables.get(n.slot());
                List<String> names = n.allAttributes() || (n.slot() == 0 && n.attributes().isEmpty())
                        ? table.columns().stream().map(Column::name).toList()
                        : n.attributes().stream().map(FetchXml.Attribute::name).toList();
                for (String name : names) {
                    key.add(r == null ? null : name.equals(table.primaryIdColumn()) ? r.id() : Values.key(r.get(name)));
                }
            }
            if (seen.add(key)) out.add(t);
        }
        return out;
    }

    /** Paging cookies describe the root rows; an order on a linked row's column rules them out. */
    private static boolean cookiePaging(FetchPlan plan) {
        for (FetchPlan.OrderKey k : plan.orders) if (k.path() != null && k.path().slot() != 0) return false;
        return true;
    }

    private static String cookie(FetchPlan plan, List<Row[]> page, int pageNumber) {
        String first = "{" + page.get(0)[0].id().toString().toUpperCase() + "}";
        String last = "{" + page.get(page.size() - 1)[0].id().toString().toUpperCase() + "}";
        String inner = "<cookie page=\"" + pageNumber + "\"><" + plan.root.primaryIdColumn() + " last=\"" + last
                + "\" first=\"" + first + "\" /></cookie>";
        String twice = encode(encode(inner));
        return "<cookie pagenumber=\"" + (pageNumber + 1) + "\" pagingcookie=\"" + twice + "\" istracking=\"False\" />";
    }

    private static String encode(String s) {
        return io.ppmlab.emulator.query.list.SkipTokens.lowerHex(
                java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static UUID cookieLast(String cookie) {
        if (cookie == null || cookie.isBlank()) return null;
        Matcher m = LAST.matcher(cookie);
        if (!m.find()) throw FetchErrors.malformed("the paging-cookie is not a paging cookie");
        return UUID.fromString(m.group(1));
    }
}

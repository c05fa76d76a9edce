package io.ppmlab.emulator.query.fetchxml;

import io.ppmlab.emulator.cost.Quantity;
import io.ppmlab.emulator.cost.WorkScope;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ppmlab.emulator.api.ApiRequest;
import io.ppmlab.emulator.api.Prefer;
import io.ppmlab.emulator.odata.ODataQueryException;
import io.ppmlab.emulator.query.exec.QueryContext;
import io.ppmlab.emulator.query.filter.Operand;
import io.ppmlab.emulator.query.filter.PropertyPath;
import io.ppmlab.emulator.query.filter.Values;
import io.ppmlab.emulator.query.json.RowJson;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.Row;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aggregate="true"}: groups the joined rows by the {@code groupby} attributes (with {@code dategrouping}
 * by year, quarter, month, week or day, in UTC) and computes {@code count}, {@code countcolumn} (optionally
 * {@code distinct}), {@code sum}, {@code avg}, {@code min}, {@code max}. More rows than the limit (50,000 or a
 * lower {@code aggregatelimit}) is {@code 0x8004E023}.
 */
final class FetchAggregates {
    private static final JsonFactory JSON = new JsonFactory();

    private FetchAggregates() {}

    static String write(QueryContext ctx, FetchPlan plan, List<Row[]> tuples, int limit, RowJson json, ApiRequest request) {
        WorkScope.count(Quantity.AGGREGATE_ROWS, tuples.size());
        if (tuples.size() > limit) {
            throw new ODataQueryException(400, "0x8004E023",
                    "AggregateQueryRecordLimit exceeded. The maximum record limit is exceeded. Reduce the number of records.");
        }
        List<FetchPlan.Slotted> attrs = plan.aggregateAttributes();
        List<Operand.Getter> getters = new ArrayList<>();
        for (FetchPlan.Slotted a : attrs) {
            PropertyPath p = a.path();
            getters.add(p.bind(ctx));
            String agg = a.attribute().aggregate();
            if (("sum".equals(agg) || "avg".equals(agg)) && !FetchPlan.numeric(p.type())) {
                throw FetchErrors.malformed("the aggregate '" + agg + "' needs a numeric attribute; '" + a.attribute().name() + "' is " + p.type());
            }
            if (agg != null && a.isKey()) {
                throw FetchErrors.malformed("the attribute '" + a.attribute().name() + "' is both grouped by and aggregated; an attribute is one or the other");
            }
            if (a.attribute().dateGrouping() != null && !a.isKey()) {
                throw FetchErrors.malformed("dategrouping on '" + a.attribute().name() + "' needs groupby='true'");
            }
        }
        boolean grouped = attrs.stream().anyMatch(FetchPlan.Slotted::isKey);
        Map<List<Object>, Group> groups = new LinkedHashMap<>();
        if (!grouped) groups.put(List.of(), new Group(new Object[attrs.size()], attrs.size()));
        for (Row[] t : tuples) {
            Object[] raw = new Object[attrs.size()];
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < attrs.size(); i++) {
                if (!attrs.get(i).isKey()) continue;
                Object v = clean(getters.get(i).get(t));
                if (v != null && attrs.get(i).attribute().dateGrouping() != null) v = datePart(v, attrs.get(i).attribute().dateGrouping());
                raw[i] = v;
                key.add(Values.key(v));
            }
            Group g = groups.computeIfAbsent(key, k -> new Group(raw, attrs.size()));
            for (int i = 0; i < attrs.size(); i++) {
                String agg = attrs.get(i).attribute().aggregate();
                if (agg != null) g.add(i, agg, attrs.get(i).attribute().distinct(), clean(getters.get(i).get(t)));
            }
        }
        List<Group> out = new ArrayList<>(groups.values());
        sort(plan, attrs, out);
        Prefer prefer = request.prefer();
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("@odata.context", request.baseUrl() + "$metadata#" + plan.root.entitySetName());
            g.writeArrayFieldStart("value");
            for (Group group : out.subList(0, Math.min(out.size(), FetchQueries.MAX_PAGE))) {
                g.writeStartObject();
                for (int i = 0; i < attrs.size(); i++) {
                    FetchPlan.Slotted a = attrs.get(i);
                    Object v = a.isKey() ? group.keys[i] : group.result(i, a.attribute().aggregate());
                    if (v == null) continue;
                    String alias = a.attribute().alias();
                    String agg = a.attribute().aggregate();
                    boolean plainNumber = a.isKey() ? a.attribute().dateGrouping() != null : "count".equals(agg) || "countcolumn".equals(agg);
                    Column c = FetchPlan.column(a.table(), a.attribute().name());
                    if (plainNumber) g.writeNumberField(alias, ((Number) v).longValue());
                    else json.value(g, a.table(), c == PropertyPath.ID ? null : c, v, alias, prefer);
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

    private static Object clean(Object v) { return v == Values.UNREADABLE ? null : v; }

    private static Object datePart(Object v, String grouping) {
        LocalDate d = v instanceof Instant i ? LocalDate.ofInstant(i, ZoneOffset.UTC) : v instanceof LocalDate l ? l : null;
        if (d == null) throw FetchErrors.malformed("dategrouping needs a date attribute");
        return switch (grouping) {
            case "year" -> d.getYear();
            case "quarter" -> (d.getMonthValue() - 1) / 3 + 1;
            case "month" -> d.getMonthValue();
            case "week" -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "day" -> d.getDayOfMonth();
            default -> throw FetchErrors.unsupported("dategrouping '" + grouping + "'");
        };
    }

    private static void sort(FetchPlan plan, List<FetchPlan.Slotted> attrs, List<Group> out) {
        List<int[]> order = new ArrayList<>();
        for (FetchPlan.OrderKey k : plan.orders) {
            int found = -1;
            for (int i = 0; i < attrs.size(); i++) {
                String alias = attrs.get(i).attribute().alias();
                if (k.alias() != null ? k.alias().equals(alias)
                        : k.path() != null && attrs.get(i).isKey() && attrs.get(i).attribute().name().equals(k.path().text())) found = i;
            }
            if (found < 0) throw FetchErrors.malformed("an aggregate query orders by the alias of a groupby or aggregate attribute");
            order.add(new int[] {found, k.descending() ? -1 : 1});
        }
        for (int i = 0; i < attrs.size(); i++) if (attrs.get(i).isKey()) order.add(new int[] {i, 1});
        out.sort((x, y) -> {
            for (int[] o : order) {
                Object a = attrs.get(o[0]).isKey() ? x.keys[o[0]] : x.result(o[0], attrs.get(o[0]).attribute().aggregate());
                Object b = attrs.get(o[0]).isKey() ? y.keys[o[0]] : y.result(o[0], attrs.get(o[0]).attribute().aggregate());
                int c = FetchQueries.compareNullsFirst(a, b);
                if (c != 0) return c * o[1];
            }
            return 0;
        });
    }

    private static final class Group {
        final Object[] keys;
        final Object[] acc;
        final long[] counts;
        final List<Set<Object>> distinct;

        Group(Object[] keys, int n) {
            this.keys = keys;
            this.acc = new Object[n];
            this.counts = new long[n];
            this.distinct = new ArrayList<>();
            for (int i = 0; i < n; i++) distinct.add(null);
        }

        void add(int i, String agg, boolean distinctValues, Object v) {
            switch (agg) {
                case "count" -> counts[i]++;
                case "countcolumn" -> {
                    if (v == null) return;
                    if (distinctValues) {
                        if (distinct.get(i) == null) distinct.set(i, new HashSet<>());
                        if (distinct.get(i).add(Values.key(v))) counts[i]++;
                    } else counts[i]++;
                }
                case "sum", "avg" -> {
                    if (v == null) return;
                    counts[i]++;
                    BigDecimal d = Values.decimal((Number) v);
                    acc[i] = acc[i] == null ? d : ((BigDecimal) acc[i]).add(d);
                }
                case "min" -> { if (v != null && (acc[i] == null || Values.compare(v, acc[i]) < 0)) acc[i] = v; }
                case "max" -> { if (v != null && (acc[i] == null || Values.compare(v, acc[i]) > 0)) acc[i] = v; }
                default -> throw FetchErrors.unsupported("aggregate '" + agg + "'");
            }
        }

        Object result(int i, String agg) {
            return switch (agg) {
                case "count", "countcolumn" -> counts[i];
                case "avg" -> acc[i] == null ? null : ((BigDecimal) acc[i]).divide(BigDecimal.valueOf(counts[i]), MathContext.DECIMAL64);
                default -> acc[i];
            };
        }
    }
}

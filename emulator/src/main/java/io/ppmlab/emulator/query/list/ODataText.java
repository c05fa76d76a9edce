package io.ppmlab.emulator.query.list;

import io.ppmlab.emulator.odata.model.ExpandItem;
import io.ppmlab.emulator.odata.model.Expr;
import io.ppmlab.emulator.odata.model.OrderBy;
import io.ppmlab.emulator.odata.model.QueryOptions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes parsed query options back as OData URL text (not yet percent-encoded), for the {@code nav@odata.nextLink}
 * of expanded collections: the filtered-collection URL with the expand's own options, which parses back to the
 * same options.
 */
final class ODataText {
    private ODataText() {}

    /** {@code $select=a,b;$filter=...;$orderby=...;$top=n;$expand=...}, options separated by {@code sep}. */
    static String options(QueryOptions o, String sep) {
        return pairs(o).stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining(sep));
    }

    /** The options as (name, text) pairs, in the order Dataverse writes them. */
    static List<String[]> pairs(QueryOptions o) {
        List<String[]> parts = new ArrayList<>();
        if (!o.select().isEmpty()) parts.add(new String[] {"$select", String.join(",", o.select())});
        o.filter().ifPresent(f -> parts.add(new String[] {"$filter", expr(f)}));
        if (!o.orderBy().isEmpty()) {
            parts.add(new String[] {"$orderby", o.orderBy().stream().map(ODataText::order).collect(Collectors.joining(","))});
        }
        o.top().ifPresent(t -> parts.add(new String[] {"$top", String.valueOf(t)}));
        if (!o.expand().isEmpty()) {
            parts.add(new String[] {"$expand", o.expand().stream().map(ODataText::expand).collect(Collectors.joining(","))});
        }
        return parts;
    }

    private static String order(OrderBy o) { return String.join("/", o.path()) + (o.descending() ? " desc" : ""); }

    private static String expand(ExpandItem e) {
        String nested = options(e.options(), ";");
        return e.navigation() + (e.ref() ? "/$ref" : "") + (nested.isEmpty() ? "" : "(" + nested + ")");
    }

    static String expr(Expr e) {
        if (e instanceof Expr.Literal l) return literal(l.value());
        if (e instanceof Expr.Null) return "null";
        if (e instanceof Expr.Property p) return String.join("/", p.path());
        if (e instanceof Expr.LambdaProperty p) return p.variable() + "/" + String.join("/", p.path());
        if (e instanceof Expr.Binary b) {
            return "(" + expr(b.left()) + " " + b.op().name().toLowerCase(Locale.ROOT) + " " + expr(b.right()) + ")";
        }
        if (e instanceof Expr.Not n) return "not (" + expr(n.operand()) + ")";
        if (e instanceof Expr.Call c) {
            return c.function() + "(" + c.args().stream().map(ODataText::expr).collect(Collectors.joining(",")) + ")";
        }
        if (e instanceof Expr.Lambda l) {
            return String.join("/", l.collectionPath()) + "/" + l.kind().name().toLowerCase(Locale.ROOT) + "("
                    + l.variable() + ":" + expr(l.body()) + ")";
        }
        if (e instanceof Expr.QueryFunction f) return function(f);
        throw new IllegalArgumentException("unknown expression " + e);
    }

    private static String function(Expr.QueryFunction f) {
        StringBuilder sb = new StringBuilder("Microsoft.Dynamics.CRM.").append(f.name())
                .append("(PropertyName=").append(quote(f.propertyName()));
        io.ppmlab.emulator.odata.QueryFunctions.Shape shape = io.ppmlab.emulator.odata.QueryFunctions.shape(f.name())
                .orElse(io.ppmlab.emulator.odata.QueryFunctions.Shape.VALUES);
        switch (shape) {
            case NONE -> { }
            case VALUE_STRING -> sb.append(",PropertyValue=").append(quote(f.values().get(0)));
            case VALUE_INT64 -> sb.append(",PropertyValue=").append(f.values().get(0));
            case TWO_INT64 -> sb.append(",PropertyValue1=").append(f.values().get(0)).append(",PropertyValue2=").append(f.values().get(1));
            case VALUES -> sb.append(",PropertyValues=[")
                    .append(f.values().stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                            .collect(Collectors.joining(",")))
                    .append("]");
        }
        return sb.append(")").toString();
    }

    private static String literal(Object v) {
        if (v instanceof String s) return quote(s);
        if (v instanceof Double d) return BigDecimal.valueOf(d).toPlainString();
        if (v instanceof BigDecimal d) return d.toPlainString();
        if (v instanceof Instant i) return i.toString();
        return String.valueOf(v);
    }

    private static String quote(String s) { return "'" + s.replace("'", "''") + "'"; }
}

package io.ppmlab.emulator.query.fetchxml;

import io.ppmlab.emulator.odata.model.Expr;

import java.util.List;
import java.util.Map;

/** FetchXML condition operators as the {@link Expr} the OData filter compiler already understands. */
final class FetchOperators {
    /** Operators that are a Dataverse query function of another name. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("in", "In"), Map.entry("not-in", "NotIn"), Map.entry("between", "Between"),
            Map.entry("not-between", "NotBetween"), Map.entry("eq-userid", "EqualUserId"),
            Map.entry("ne-userid", "NotEqualUserId"), Map.entry("eq-businessid", "EqualBusinessId"),
            Map.entry("ne-businessid", "NotEqualBusinessId"), Map.entry("eq-userteams", "EqualUserTeams"),
            Map.entry("eq-useroruserteams", "EqualUserOrUserTeams"),
            Map.entry("eq-useroruserhierarchy", "EqualUserOrUserHierarchy"),
            Map.entry("eq-useroruserhierarchyandteams", "EqualUserOrUserHierarchyAndTeams"),
            Map.entry("eq-userlanguage", "EqualUserLanguage"),
            Map.entry("under", "Under"), Map.entry("eq-or-under", "UnderOrEqual"), Map.entry("not-under", "NotUnder"),
            Map.entry("above", "Above"), Map.entry("eq-or-above", "AboveOrEqual"),
            Map.entry("today", "Today"), Map.entry("yesterday", "Yesterday"), Map.entry("tomorrow", "Tomorrow"),
            Map.entry("last-seven-days", "Last7Days"), Map.entry("next-seven-days", "Next7Days"),
            Map.entry("this-week", "ThisWeek"), Map.entry("last-week", "LastWeek"), Map.entry("next-week", "NextWeek"),
            Map.entry("this-month", "ThisMonth"), Map.entry("last-month", "LastMonth"), Map.entry("next-month", "NextMonth"),
            Map.entry("this-year", "ThisYear"), Map.entry("last-year", "LastYear"), Map.entry("next-year", "NextYear"),
            Map.entry("on", "On"), Map.entry("on-or-after", "OnOrAfter"), Map.entry("on-or-before", "OnOrBefore"),
            Map.entry("contain-values", "ContainValues"), Map.entry("not-contain-values", "DoesNotContainValues"));

    private FetchOperators() {}

    static Expr toExpr(String op, Expr property, String propertyName, List<String> values) {
        switch (op) {
            case "eq": return compare(Expr.Op.EQ, property, values, op);
            case "ne": case "neq": return compare(Expr.Op.NE, property, values, op);
            case "gt": return compare(Expr.Op.GT, property, values, op);
            case "ge": return compare(Expr.Op.GE, property, values, op);
            case "lt": return compare(Expr.Op.LT, property, values, op);
            case "le": return compare(Expr.Op.LE, property, values, op);
            case "null": return new Expr.Binary(Expr.Op.EQ, property, new Expr.Null());
            case "not-null": return new Expr.Binary(Expr.Op.NE, property, new Expr.Null());
            case "like": return like(property, one(values, op), false);
            case "not-like": return like(property, one(values, op), true);
            case "begins-with": return like(property, one(values, op) + "%", false);
            case "not-begin-with": return like(property, one(values, op) + "%", true);
            case "ends-with": return like(property, "%" + one(values, op), false);
            case "not-end-with": return like(property, "%" + one(values, op), true);
            default: break;
        }
        String fn = FUNCTIONS.get(op);
        if (fn == null && op.matches("(last|next)-x-(hours|days|weeks|months|years)")) {
            fn = (op.startsWith("last") ? "LastX" : "NextX") + capital(op.substring(7));
        }
        if (fn == null && op.matches("olderthan-x-(minutes|hours|days|weeks|months|years)")) {
            fn = "OlderThanX" + capital(op.substring(12));
        }
        if (fn == null) throw FetchErrors.unsupported("condition operator '" + op + "'");
        return new Expr.QueryFunction(fn, propertyName, values);
    }

    private static Expr compare(Expr.Op op, Expr property, List<String> values, String name) {
        return new Expr.Binary(op, property, new Expr.Literal(one(values, name)));
    }

    private static Expr like(Expr property, String pattern, boolean negate) {
        return new Expr.Call(negate ? "notlike" : "like", List.of(property, new Expr.Literal(pattern)));
    }

    private static String one(List<String> values, String op) {
        if (values.size() != 1) throw FetchErrors.malformed("the operator '" + op + "' takes one value");
        return values.get(0);
    }

    private static String capital(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }
}

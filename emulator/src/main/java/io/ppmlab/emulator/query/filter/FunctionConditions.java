package io.ppmlab.emulator.query.filter;

import io.ppmlab.emulator.odata.ODataErrors;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Compiles a Dataverse query function ({@code Microsoft.Dynamics.CRM.<name>(PropertyName=...,PropertyValue(s)=...)})
 * on a resolved property into a condition. FetchXML's condition operators map onto the same functions.
 */
final class FunctionConditions {
    /** Dataverse's default UI language, what EqualUserLanguage compares with (no per-user settings). */
    static final int USER_LANGUAGE = 1033;

    private FunctionConditions() {}

    static Cond compile(String name, PropertyPath path, List<String> values) {
        if (DateRanges.isDateFunction(name)) {
            String value = values.isEmpty() ? null : values.get(0);
            if (!DateRanges.NO_VALUE.contains(name) && value == null) throw ODataErrors.syntax("Missing PropertyValue in " + name + ".");
            // Validate the value now so a bad one fails before any row is read.
            DateRanges.bounds(name, value, java.time.Instant.EPOCH);
            return new Range(path, ctx -> DateRanges.bounds(name, value, ctx.now()), false);
        }
        switch (name) {
            case "In": return new Membership(path, constant(path, values, name), false);
            case "NotIn": return new Membership(path, constant(path, values, name), true);
            case "Between":
            case "NotBetween": {
                if (values.size() != 2) throw ODataErrors.syntax(name + " takes exactly two PropertyValues.");
                Object low = Values.coerce(values.get(0), path.type(), path.text());
                Object high = Values.coerce(values.get(1), path.type(), path.text());
                return new Range(path, ctx -> Range.Bounds.closed(low, high), name.equals("NotBetween"));
            }
            case "EqualUserId": return ids(path, name, ctx -> Set.of(ctx.caller().userId()), false);
            case "NotEqualUserId": return ids(path, name, ctx -> Set.of(ctx.caller().userId()), true);
            case "EqualBusinessId": return ids(path, name, ctx -> Set.of(ctx.caller().businessUnitId()), false);
            case "NotEqualBusinessId": return ids(path, name, ctx -> Set.of(ctx.caller().businessUnitId()), true);
            case "EqualUserTeams": return ids(path, name, EvalContext::userTeams, false);
            case "EqualUserOrUserTeams": return ids(path, name, ctx -> union(Set.of(ctx.caller().userId()), ctx.userTeams()), false);
            case "EqualUserOrUserHierarchy": return ids(path, name, ctx -> reports(ctx), false);
            case "EqualUserOrUserHierarchyAndTeams": return ids(path, name, ctx -> union(reports(ctx), ctx.userTeams()), false);
            case "Above": return hierarchy(path, name, values, true, false, false);
            case "AboveOrEqual": return hierarchy(path, name, values, true, true, false);
            case "Under": return hierarchy(path, name, values, false, false, false);
            case "UnderOrEqual": return hierarchy(path, name, values, false, true, false);
            case "NotUnder": return hierarchy(path, name, values, false, false, true);
            case "EqualUserLanguage": return new Membership(path, ctx -> Set.of((long) USER_LANGUAGE), false);
            case "Contains": return new Like(path, "%" + single(name, values) + "%", false);
            case "DoesNotContain": return new Like(path, "%" + single(name, values) + "%", true);
            default:
                throw ODataErrors.notSupported("The query function Microsoft.Dynamics.CRM." + name);
        }
    }

    private static Function<EvalContext, Collection<?>> constant(PropertyPath path, List<String> values, String name) {
        if (values.isEmpty()) throw ODataErrors.syntax(name + " needs at least one PropertyValues item.");
        List<Object> coerced = new ArrayList<>();
        for (String v : values) coerced.add(Values.coerce(v, path.type(), path.text()));
        List<Object> fixed = List.copyOf(coerced);
        return ctx -> fixed;
    }

    private static Cond ids(PropertyPath path, String name, Function<EvalContext, Collection<?>> ids, boolean negate) {
        requireGuid(path, name);
        return new Membership(path, ids, negate);
    }

    private static Cond hierarchy(PropertyPath path, String name, List<String> values, boolean above, boolean inclusive,
                                  boolean negate) {
        requireGuid(path, name);
        UUID id = (UUID) Values.coerce(single(name, values), ColumnType.UNIQUEIDENTIFIER, path.text());
        Column c = path.column();
        if (c != PropertyPath.ID && c.targets().isEmpty()) {
            throw ODataErrors.syntax("The query function " + name + " needs the table's key or a lookup; '" + path.text()
                    + "' is neither.");
        }
        String table = c == PropertyPath.ID ? path.finals().keySet().iterator().next() : c.targets().get(0);
        return new Membership(path, ctx -> ctx.hierarchy(table, id, above, inclusive), negate);
    }

    private static Set<UUID> reports(EvalContext ctx) {
        UUID me = ctx.caller().userId();
        return ctx.hierarchy("systemuser", me, false, true);
    }

    private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
        Set<UUID> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static void requireGuid(PropertyPath path, String name) {
        ColumnType t = path.type();
        if (t != ColumnType.LOOKUP && t != ColumnType.UNIQUEIDENTIFIER) {
            throw ODataErrors.syntax("The query function " + name + " needs a lookup or id property; '" + path.text()
                    + "' is " + t + ".");
        }
    }

    private static String single(String name, List<String> values) {
        if (values.size() != 1) throw ODataErrors.syntax("Missing PropertyValue in " + name + ".");
        return values.get(0);
    }
}

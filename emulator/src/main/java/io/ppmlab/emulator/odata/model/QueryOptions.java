package io.ppmlab.emulator.odata.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query options of a request, already validated against the schema. Empty lists and empty optionals mean
 * "not given": an empty {@code select} means every column. {@code apply} and {@code skipToken} are kept as raw
 * text for the query engine; options without a {@code $} (such as {@code fetchXml}) are in {@code custom}.
 * Parameter aliases ({@code @p1}) are already substituted.
 */
public record QueryOptions(List<String> select, Optional<Expr> filter, List<OrderBy> orderBy,
                           Optional<Integer> top, boolean count, List<ExpandItem> expand,
                           Optional<String> apply, Optional<String> skipToken, Map<String, String> custom) {

    public static final QueryOptions NONE = new QueryOptions(List.of(), Optional.empty(), List.of(),
            Optional.empty(), false, List.of(), Optional.empty(), Optional.empty(), Map.of());

    public QueryOptions {
        select = List.copyOf(select);
        orderBy = List.copyOf(orderBy);
        expand = List.copyOf(expand);
        custom = Map.copyOf(custom);
    }

    /** Conditions in the filters of this query and of every expand, as Dataverse counts them for its limit. */
    public int conditionCount() {
        int n = filter.map(Expr::conditionCount).orElse(0);
        for (ExpandItem e : expand) n += e.options().conditionCount();
        return n;
    }

    /** A stable text form for tests: the options that are set, separated by ';'. */
    public String toCanonicalString() {
        List<String> parts = new ArrayList<>();
        if (!select.isEmpty()) parts.add("$select=" + String.join(",", select));
        filter.ifPresent(f -> parts.add("$filter=" + f.toCanonicalString()));
        if (!orderBy.isEmpty()) {
            parts.add("$orderby=" + String.join(",", orderBy.stream().map(OrderBy::toCanonicalString).toList()));
        }
        top.ifPresent(t -> parts.add("$top=" + t));
        if (count) parts.add("$count=true");
        if (!expand.isEmpty()) {
            parts.add("$expand=" + String.join(",", expand.stream().map(ExpandItem::toCanonicalString).toList()));
        }
        apply.ifPresent(a -> parts.add("$apply=" + a));
        skipToken.ifPresent(s -> parts.add("$skiptoken=" + s));
        return String.join(";", parts);
    }
}

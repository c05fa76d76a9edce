package io.ppmlab.emulator.odata;

import io.ppmlab.emulator.odata.model.ExpandItem;
import io.ppmlab.emulator.odata.model.Expr;
import io.ppmlab.emulator.odata.model.OrderBy;
import io.ppmlab.emulator.odata.model.QueryOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.olingo.commons.api.edm.EdmStructuredType;
import org.apache.olingo.server.api.uri.UriInfoResource;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceKind;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.queryoption.CountOption;
import org.apache.olingo.server.api.uri.queryoption.ExpandOption;
import org.apache.olingo.server.api.uri.queryoption.FilterOption;
import org.apache.olingo.server.api.uri.queryoption.OrderByOption;
import org.apache.olingo.server.api.uri.queryoption.SelectItem;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;
import org.apache.olingo.server.api.uri.queryoption.TopOption;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;

/** Turns Olingo's system query options (top level or inside one $expand item) into our {@link QueryOptions}. */
final class OptionsConverter {
    private OptionsConverter() {}

    /** Raw options Olingo never sees: {@code $apply}, {@code $skiptoken} and the options without a '$'. */
    record Raw(Optional<String> apply, Optional<String> skipToken, Map<String, String> custom) {
        static final Raw NONE = new Raw(Optional.empty(), Optional.empty(), Map.of());
    }

    /** The options Olingo parsed, from either the URL or one $expand item (which share no interface). */
    private record Parsed(FilterOption filter, SelectOption select, OrderByOption orderBy, TopOption top,
                          CountOption count, ExpandOption expand) {
        static Parsed of(UriInfoResource r) {
            return new Parsed(r.getFilterOption(), r.getSelectOption(), r.getOrderByOption(), r.getTopOption(),
                    r.getCountOption(), r.getExpandOption());
        }

        static Parsed of(org.apache.olingo.server.api.uri.queryoption.ExpandItem e) {
            return new Parsed(e.getFilterOption(), e.getSelectOption(), e.getOrderByOption(), e.getTopOption(),
                    e.getCountOption(), e.getExpandOption());
        }
    }

    /** @param type the entity type the options apply to; null when the path is not a structured type */
    static QueryOptions convert(UriInfoResource r, EdmStructuredType type, Raw raw) {
        return convert(Parsed.of(r), type, raw);
    }

    private static QueryOptions convert(Parsed r, EdmStructuredType type, Raw raw) {
        Optional<Expr> filter = Optional.ofNullable(r.filter())
                .map(f -> new ExprConverter(type).convert(f.getExpression()));
        return new QueryOptions(select(r, type), filter, orderBy(r),
                Optional.ofNullable(r.top()).map(t -> t.getValue()),
                r.count() != null && r.count().getValue(),
                expand(r), raw.apply(), raw.skipToken(), raw.custom());
    }

    private static List<String> select(Parsed r, EdmStructuredType type) {
        if (r.select() == null) return List.of();
        List<String> names = new ArrayList<>();
        for (SelectItem item : r.select().getSelectItems()) {
            if (item.isStar()) return List.of();
            List<UriResource> parts = item.getResourcePath() == null ? List.of()
                    : item.getResourcePath().getUriResourceParts();
            // Dataverse selects columns only; a navigation must go through $expand.
            if (parts.size() != 1 || parts.get(0).getKind() != UriResourceKind.primitiveProperty) {
                String name = parts.isEmpty() ? "*" : parts.get(0).getSegmentValue();
                throw ODataErrors.propertyNotFound(name, typeName(type));
            }
            names.add(parts.get(0).getSegmentValue());
        }
        return names;
    }

    private static List<OrderBy> orderBy(Parsed r) {
        if (r.orderBy() == null) return List.of();
        List<OrderBy> items = new ArrayList<>();
        r.orderBy().getOrders().forEach(o -> {
            if (!(o.getExpression() instanceof Member m)) throw ODataErrors.notSupported("Ordering by an expression");
            List<String> path = m.getResourcePath().getUriResourceParts().stream()
                    .map(UriResource::getSegmentValue).toList();
            items.add(new OrderBy(path, o.isDescending()));
        });
        return items;
    }

    private static List<ExpandItem> expand(Parsed r) {
        if (r.expand() == null) return List.of();
        List<ExpandItem> items = new ArrayList<>();
        for (var item : r.expand().getExpandItems()) {
            if (item.isStar()) throw ODataErrors.notSupported("$expand=*");
            if (item.getLevelsOption() != null) throw ODataErrors.notSupported("$levels inside $expand");
            if (item.getCountOption() != null || item.hasCountPath()) throw ODataErrors.notSupported("$count inside $expand");
            if (item.getSkipOption() != null) throw ODataErrors.notSupported("$skip inside $expand");
            if (item.getSearchOption() != null) throw ODataErrors.notSupported("$search inside $expand");
            List<UriResource> parts = item.getResourcePath().getUriResourceParts();
            // Olingo marks nav/$ref either by isRef() or by a trailing $ref segment, depending on the navigation.
            boolean ref = item.isRef() || parts.get(parts.size() - 1).getKind() == UriResourceKind.ref;
            int navParts = parts.size() - (parts.get(parts.size() - 1).getKind() == UriResourceKind.ref ? 1 : 0);
            if (!(parts.get(0) instanceof UriResourceNavigation nav) || navParts != 1) {
                throw ODataErrors.notSupported("$expand of '" + parts.get(0).getSegmentValue() + "'");
            }
            boolean collection = nav.getProperty().isCollection();
            if (ref && collection) throw ODataErrors.expandRefOnCollection();
            QueryOptions nested = convert(Parsed.of(item), nav.getProperty().getType(), Raw.NONE);
            items.add(new ExpandItem(nav.getProperty().getName(), nav.getProperty().getType().getName(),
                    collection, ref, nested));
        }
        return items;
    }

    /**
     * Dataverse's expand rules: a lookup (N:1) expand takes only $select and $filter, and so does every
     * collection expand once any expand is nested.
     */
    static void checkExpandRules(QueryOptions top) {
        boolean nested = top.expand().stream().anyMatch(e -> !e.options().expand().isEmpty());
        checkExpandRules(top.expand(), nested);
    }

    private static void checkExpandRules(List<ExpandItem> items, boolean nested) {
        for (ExpandItem e : items) {
            boolean shaped = !e.options().orderBy().isEmpty() || e.options().top().isPresent();
            if (shaped && (!e.collection() || nested)) throw ODataErrors.expandOptionsNotAllowed();
            checkExpandRules(e.options().expand(), nested);
        }
    }

    static String typeName(EdmStructuredType type) {
        return type == null ? "" : type.getFullQualifiedName().getFullQualifiedNameAsString();
    }
}

package io.ppmlab.emulator.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ppmlab.emulator.acceptance.OracleConditions.Cond;
import io.ppmlab.emulator.acceptance.OracleProbe.Paged;
import io.ppmlab.emulator.acceptance.OracleProbe.Single;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Draws random queries over every read path for one user and computes, from the reference evaluator's view of that
 * user, what each must return. Dataverse's rules as the README states them: unreadable rows are left out of lists,
 * counts, aggregates, expands, link-entities and lambdas; an unreadable lookup target expands as null and matches no
 * path condition; a navigation from a row the caller cannot read is refused.
 */
final class OracleQueries {
    static final List<String> PATHS = List.of("list", "filter", "count", "apply", "expand", "navigation", "lookup-path",
            "lambda", "fetchxml", "fetchxml-link", "fetchxml-aggregate", "paging", "batch");
    private static final String MORE = "Microsoft.Dynamics.CRM.morerecords";

    private final OracleWorld world;
    private final Random random;
    private final OracleConditions conditions;

    OracleQueries(OracleWorld world, Random random) {
        this.world = world;
        this.random = random;
        this.conditions = new OracleConditions(world, random);
    }

    OracleProbe draw(OracleWorld.View view) {
        String path = PATHS.get(random.nextInt(PATHS.size()));
        return switch (path) {
            case "batch" -> batch(view);
            case "paging" -> random.nextBoolean() ? odataPages(view) : fetchPages(view);
            default -> single(path, view);
        };
    }

    private Single single(String path, OracleWorld.View view) {
        return switch (path) {
            case "list" -> list(view, anyTable(), null);
            case "filter" -> { String t = anyTable(); yield list(view, t, odata(view, t)); }
            case "count" -> count(view);
            case "apply" -> apply(view);
            case "expand" -> random.nextBoolean() ? expandChildren(view) : expandLookup(view);
            case "navigation" -> navigation(view);
            case "lookup-path" -> lookupPath(view);
            case "lambda" -> lambda(view);
            case "fetchxml" -> fetchList(view);
            case "fetchxml-link" -> fetchLink(view);
            case "fetchxml-aggregate" -> fetchAggregate(view);
            default -> throw new IllegalArgumentException(path);
        };
    }

    // ---- OData lists, counts, aggregates -------------------------------------------------------------------------

    private Single list(OracleWorld.View view, String table, Cond cond) {
        Table t = world.table(table);
        String url = t.entitySetName() + "?$select=" + t.primaryIdColumn() + filterOption(cond);
        return guard(view, table, json(cond == null ? "list" : "filter", url, ids(view, table, cond), body -> idsOf(body.path("value"), t.primaryIdColumn())));
    }

    private Single count(OracleWorld.View view) {
        String table = anyTable();
        Table t = world.table(table);
        Cond cond = random.nextBoolean() ? odata(view, table) : null;
        long n = view.readableRows(table).stream().filter(test(cond)).count();
        if (random.nextBoolean()) {
            String url = t.entitySetName() + "/$count" + (cond == null ? "" : "?$filter=" + enc(cond.odata()));
            return guard(view, table, new Single("count", url, List.of(), 200, Set.of("count:" + Math.min(n, 5000)), b -> Set.of(), true));
        }
        String url = t.entitySetName() + "?$select=" + t.primaryIdColumn() + "&$count=true" + filterOption(cond);
        Set<String> expected = new LinkedHashSet<>(ids(view, table, cond));
        expected.add("count:" + Math.min(n, 5000));
        return guard(view, table, json("count", url, expected, body -> {
            Set<String> got = idsOf(body.path("value"), t.primaryIdColumn());
            got.add("count:" + body.path("@odata.count").asText("missing"));
            return got;
        }));
    }

    private Single apply(OracleWorld.View view) {
        String table = anyTable();
        Table t = world.table(table);
        Cond cond = random.nextBoolean() ? odata(view, table) : null;
        List<Row> rows = view.readableRows(table).stream().filter(test(cond)).toList();
        String filter = cond == null ? "" : "filter(" + cond.odata() + ")/";
        Optional<Column> numeric = numericColumn(t);
        int shape = random.nextInt(4);
        if (shape == 3) {
            Optional<Relationship> up = parentOf(table);
            if (up.isPresent()) return guard(view, table, groupByParentName(view, up.get(), rows, filter));
            shape = 2;
        }
        if (shape == 0 || (shape == 1 && numeric.isEmpty())) {
            String url = t.entitySetName() + "?$apply=" + enc(filter + "aggregate($count as n)");
            return guard(view, table, json("apply", url, Set.of("n:" + rows.size()), body -> Set.of("n:" + body.path("value").path(0).path("n").asText("missing"))));
        }
        if (shape == 1) {
            String c = numeric.get().name();
            String url = t.entitySetName() + "?$apply=" + enc(filter + "aggregate(" + c + " with sum as s,$count as n)");
            return guard(view, table, json("apply", url, Set.of("sum:" + sum(rows, c), "n:" + rows.size()), body -> {
                JsonNode v = body.path("value").path(0);
                return Set.of("sum:" + number(v.path("s")), "n:" + v.path("n").asText("missing"));
            }));
        }
        String lookup = groupColumn(t);
        String property = "_" + lookup + "_value";
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (Row r : rows) groups.merge(refId(r, lookup), 1, Integer::sum);
        Set<String> expected = new LinkedHashSet<>();
        groups.forEach((k, n) -> expected.add("group:" + k + ":" + n));
        String url = t.entitySetName() + "?$apply=" + enc(filter + "groupby((" + property + "),aggregate($count as n))");
        return guard(view, table, json("apply", url, expected, body -> {
            Set<String> got = new LinkedHashSet<>();
            for (JsonNode g : body.path("value")) got.add("group:" + g.path(property).asText("null") + ":" + g.path("n").asText());
            return got;
        }));
    }

    /** {@code groupby((lookup/name))}: a row whose parent the user cannot read falls in the null group, the name stays hidden. */
    private Single groupByParentName(OracleWorld.View view, Relationship up, List<Row> rows, String filter) {
        Table t = world.table(up.referencingTable());
        Table parent = world.table(up.referencedTable());
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (Row r : rows) groups.merge(parentName(view, r, up), 1, Integer::sum);
        Set<String> expected = new LinkedHashSet<>();
        groups.forEach((k, n) -> expected.add("group:" + k + ":" + n));
        String alias = parent.logicalName() + "_" + parent.primaryNameColumn();
        String url = t.entitySetName() + "?$apply=" + enc(filter + "groupby((" + up.lookupColumn() + "/" + parent.primaryNameColumn()
                + "),aggregate($count as n))");
        return json("apply", url, expected, body -> {
            Set<String> got = new LinkedHashSet<>();
            for (JsonNode g : body.path("value")) got.add("group:" + g.path(alias).asText("null").toLowerCase(java.util.Locale.ROOT) + ":" + g.path("n").asText());
            return got;
        });
    }

    /** The parent's name as the user sees it through {@code up}: lower case (groups ignore case), "null" when hidden or absent. */
    private String parentName(OracleWorld.View view, Row r, Relationship up) {
        EntityRef ref = r.ref(up.lookupColumn());
        if (ref == null || !view.canRead(up.referencedTable(), ref.id())) return "null";
        Object n = world.row(up.referencedTable(), ref.id()).get(world.table(up.referencedTable()).primaryNameColumn());
        return n == null ? "null" : n.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private Optional<Relationship> parentOf(String table) {
        List<Relationship> up = world.relationships().stream().filter(r -> r.referencingTable().equals(table)).toList();
        return up.isEmpty() ? Optional.empty() : Optional.of(up.get(random.nextInt(up.size())));
    }

    // ---- expands, navigation paths, lookup paths, lambdas -------------------------------------------------------------

    /** Children of each parent, and one time in three, nested, each child's own lookup (Dataverse then pages every collection). */
    private Single expandChildren(OracleWorld.View view) {
        Relationship rel = anyRelationship();
        Table parent = world.table(rel.referencedTable());
        Table child = world.table(rel.referencingTable());
        Cond cond = random.nextInt(3) == 0 ? odata(view, parent.logicalName()) : null;
        Cond childCond = random.nextInt(3) == 0 ? conditions.any(child.logicalName()) : null;
        Relationship inner = random.nextInt(3) == 0 ? parentOf(child.logicalName()).orElse(null) : null;
        Set<String> expected = ids(view, parent.logicalName(), cond);
        Map<UUID, List<Row>> children = readableChildren(view, rel, childCond);
        for (Row p : view.readableRows(parent.logicalName())) {
            if (cond != null && !cond.test().test(p)) continue;
            for (Row c : children.getOrDefault(p.id(), List.of())) {
                expected.add("child:" + p.id() + "/" + c.id());
                if (inner != null) expected.add("lookup:" + c.id() + "/" + visibleTarget(view, c, inner));
            }
        }
        String nested = "$select=" + child.primaryIdColumn() + (childCond == null ? "" : ";$filter=" + enc(childCond.odata()))
                + (inner == null ? "" : ";$expand=" + inner.lookupColumn() + "($select=" + world.table(inner.referencedTable()).primaryIdColumn() + ")");
        String url = parent.entitySetName() + "?$select=" + parent.primaryIdColumn() + filterOption(cond)
                + "&$expand=" + rel.collectionNavigation() + "(" + nested + ")";
        return guard(view, parent.logicalName(), json("expand", url, expected, body -> {
            Set<String> got = new LinkedHashSet<>();
            for (JsonNode p : body.path("value")) {
                String pid = p.path(parent.primaryIdColumn()).asText();
                got.add("id:" + pid);
                for (JsonNode c : p.path(rel.collectionNavigation())) {
                    String cid = c.path(child.primaryIdColumn()).asText();
                    got.add("child:" + pid + "/" + cid);
                    if (inner == null) continue;
                    JsonNode g = c.path(inner.lookupColumn());
                    got.add("lookup:" + cid + "/" + (g.isObject() ? g.path(world.table(inner.referencedTable()).primaryIdColumn()).asText() : "null"));
                }
            }
            return got;
        }));
    }

    /** The id of the row {@code r} points at through {@code up} when the user may read it, else "null". */
    private static String visibleTarget(OracleWorld.View view, Row r, Relationship up) {
        EntityRef target = r.ref(up.lookupColumn());
        return target != null && view.canRead(up.referencedTable(), target.id()) ? target.id().toString() : "null";
    }

    private Single expandLookup(OracleWorld.View view) {
        Relationship rel = anyRelationship();
        Table parent = world.table(rel.referencedTable());
        Table child = world.table(rel.referencingTable());
        Cond cond = random.nextInt(3) == 0 ? odata(view, child.logicalName()) : null;
        Set<String> expected = new LinkedHashSet<>();
        for (Row c : view.readableRows(child.logicalName())) {
            if (cond != null && !cond.test().test(c)) continue;
            expected.add("id:" + c.id());
            EntityRef target = c.ref(rel.lookupColumn());
            boolean visible = target != null && view.canRead(parent.logicalName(), target.id());
            expected.add("lookup:" + c.id() + "/" + (visible ? target.id() : "null"));
        }
        String url = child.entitySetName() + "?$select=" + child.primaryIdColumn() + filterOption(cond)
                + "&$expand=" + rel.lookupColumn() + "($select=" + parent.primaryIdColumn() + ")";
        return guard(view, child.logicalName(), json("expand", url, expected, body -> {
            Set<String> got = new LinkedHashSet<>();
            for (JsonNode c : body.path("value")) {
                String cid = c.path(child.primaryIdColumn()).asText();
                got.add("id:" + cid);
                JsonNode p = c.path(rel.lookupColumn());
                got.add("lookup:" + cid + "/" + (p.isObject() ? p.path(parent.primaryIdColumn()).asText() : "null"));
            }
            return got;
        }));
    }

    /** {@code parents(id)/children}, its {@code /$count}, or {@code children(id)/lookup}, from a readable or an unreadable row. */
    private Single navigation(OracleWorld.View view) {
        Relationship rel = anyRelationship();
        Table parent = world.table(rel.referencedTable());
        Table child = world.table(rel.referencingTable());
        if (random.nextInt(3) == 0) {
            Row c = pick(child.logicalName(), view);
            String url = child.entitySetName() + "(" + c.id() + ")/" + rel.lookupColumn() + "?$select=" + parent.primaryIdColumn();
            if (!view.canRead(child.logicalName(), c.id())) return forbidden(url);
            EntityRef target = c.ref(rel.lookupColumn());
            if (target == null) return new Single("navigation", url, List.of(), 204, Set.of("status:204"), b -> Set.of(), false);
            if (!view.canRead(parent.logicalName(), target.id())) return forbidden(url);
            return json("navigation", url, Set.of("id:" + target.id()), b -> Set.of("id:" + b.path(parent.primaryIdColumn()).asText()));
        }
        Row p = pick(parent.logicalName(), view);
        Cond childCond = random.nextInt(3) == 0 ? odata(view, child.logicalName()) : null;
        boolean count = random.nextInt(3) == 0;
        String base = parent.entitySetName() + "(" + p.id() + ")/" + rel.collectionNavigation();
        String url = count ? base + "/$count" + (childCond == null ? "" : "?$filter=" + enc(childCond.odata()))
                : base + "?$select=" + child.primaryIdColumn() + filterOption(childCond);
        // The children are a query of their own table: without Read on it at all, refused like any other query.
        if (!view.canRead(parent.logicalName(), p.id()) || !view.privileged(child.logicalName())) return forbidden(url);
        List<Row> kids = readableChildren(view, rel, childCond).getOrDefault(p.id(), List.of());
        if (count) return new Single("navigation", url, List.of(), 200, Set.of("count:" + Math.min(kids.size(), 5000)), b -> Set.of(), true);
        Set<String> expected = new LinkedHashSet<>();
        kids.forEach(k -> expected.add("id:" + k.id()));
        return json("navigation", url, expected, b -> idsOf(b.path("value"), child.primaryIdColumn()));
    }

    /** {@code lookup/name eq '…'}: a child matches only when the row it points at is readable and named so. */
    private Single lookupPath(OracleWorld.View view) {
        Relationship rel = anyRelationship();
        Table parent = world.table(rel.referencedTable());
        Table child = world.table(rel.referencingTable());
        Row target = pick(parent.logicalName(), view);
        Object name = target.get(parent.primaryNameColumn());
        String value = name == null ? "" : name.toString().replace("'", "''");
        Predicate<Row> test = c -> {
            EntityRef ref = c.ref(rel.lookupColumn());
            if (ref == null || !view.canRead(parent.logicalName(), ref.id())) return false;
            Object n = world.row(parent.logicalName(), ref.id()).get(parent.primaryNameColumn());
            return n != null && n.toString().equalsIgnoreCase(String.valueOf(name));
        };
        Set<String> expected = new LinkedHashSet<>();
        view.readableRows(child.logicalName()).stream().filter(test).forEach(c -> expected.add("id:" + c.id()));
        String url = child.entitySetName() + "?$select=" + child.primaryIdColumn() + "&$filter="
                + enc(rel.lookupColumn() + "/" + parent.primaryNameColumn() + " eq '" + value + "'");
        return guard(view, child.logicalName(), json("lookup-path", url, expected, b -> idsOf(b.path("value"), child.primaryIdColumn())));
    }

    /** {@code children/any(c: …)} and {@code all(…)} range over the readable children only. */
    private Single lambda(OracleWorld.View view) {
        Relationship rel = anyRelationship();
        Table parent = world.table(rel.referencedTable());
        Table child = world.table(rel.referencingTable());
        Cond childCond = conditions.any(child.logicalName());
        boolean any = random.nextBoolean();
        Map<UUID, List<Row>> kids = readableChildren(view, rel, null);
        Set<String> expected = new LinkedHashSet<>();
        for (Row p : view.readableRows(parent.logicalName())) {
            List<Row> mine = kids.getOrDefault(p.id(), List.of());
            boolean holds = any ? mine.stream().anyMatch(childCond.test()) : mine.stream().allMatch(childCond.test());
            if (holds) expected.add("id:" + p.id());
        }
        String filter = rel.collectionNavigation() + "/" + (any ? "any" : "all") + "(c:" + childCond.under().apply("c/") + ")";
        String url = parent.entitySetName() + "?$select=" + parent.primaryIdColumn() + "&$filter=" + enc(filter);
        return guard(view, parent.logicalName(), json("lambda", url, expected, b -> idsOf(b.path("value"), parent.primaryIdColumn())));
    }

    // ---- FetchXML ----------------------------------------------------------------------------------------------------

    private Single fetchList(OracleWorld.View view) {
        String table = anyTable();
        Table t = world.table(table);
        Cond cond = random.nextInt(4) == 0 ? null : conditions.any(table);
        String xml = "<fetch><entity name='" + table + "'><attribute name='" + t.primaryIdColumn() + "'/>" + fetchFilter(cond)
                + "</entity></fetch>";
        return guard(view, table, json("fetchxml", fetchUrl(t, xml), ids(view, table, cond), b -> idsOf(b.path("value"), t.primaryIdColumn())));
    }

    /** A link-entity from a child to its parent (N:1) or from a parent to its children (1:N), inner or outer. */
    private Single fetchLink(OracleWorld.View view) {
        Relationship rel = anyRelationship();
        boolean toParent = random.nextBoolean();
        Table root = world.table(toParent ? rel.referencingTable() : rel.referencedTable());
        Table linked = world.table(toParent ? rel.referencedTable() : rel.referencingTable());
        boolean outer = random.nextBoolean();
        Cond cond = random.nextInt(3) == 0 ? conditions.any(root.logicalName()) : null;
        Cond linkCond = random.nextInt(3) == 0 ? conditions.any(linked.logicalName()) : null;
        String from = toParent ? linked.primaryIdColumn() : rel.lookupColumn();
        String to = toParent ? rel.lookupColumn() : root.primaryIdColumn();
        // A root condition on the link's alias (entityname='lk'): a parent the user cannot read is as absent, so null.
        String onAlias = "";
        Predicate<Row> linkedHolds = m -> true;
        if (toParent && random.nextInt(3) == 0) {
            Object name = pickAny(linked.logicalName()).get(linked.primaryNameColumn());
            if (random.nextBoolean() || name == null || !plain(name.toString())) {
                onAlias = "<condition entityname='lk' attribute='" + linked.primaryIdColumn() + "' operator='null'/>";
                linkedHolds = m -> m == null;
            } else {
                onAlias = "<condition entityname='lk' attribute='" + linked.primaryNameColumn() + "' operator='eq' value='" + name + "'/>";
                linkedHolds = m -> m != null && name.toString().equalsIgnoreCase(String.valueOf(m.get(linked.primaryNameColumn())));
            }
        }
        String rootFilter = cond == null && onAlias.isEmpty() ? "" : "<filter type='and'>" + (cond == null ? "" : cond.fetch()) + onAlias + "</filter>";
        String xml = "<fetch><entity name='" + root.logicalName() + "'><attribute name='" + root.primaryIdColumn() + "'/>" + rootFilter
                + "<link-entity name='" + linked.logicalName() + "' from='" + from + "' to='" + to + "' link-type='"
                + (outer ? "outer" : "inner") + "' alias='lk'><attribute name='" + linked.primaryIdColumn() + "'/>" + fetchFilter(linkCond)
                + "</link-entity></entity></fetch>";
        Map<UUID, List<Row>> kids = toParent ? Map.of() : readableChildren(view, rel, linkCond);
        Set<String> expected = new LinkedHashSet<>();
        for (Row r : view.readableRows(root.logicalName())) {
            if (cond != null && !cond.test().test(r)) continue;
            List<UUID> matches = new ArrayList<>();
            if (toParent) {
                EntityRef ref = r.ref(rel.lookupColumn());
                if (ref != null && view.canRead(linked.logicalName(), ref.id())
                        && (linkCond == null || linkCond.test().test(world.row(linked.logicalName(), ref.id())))) matches.add(ref.id());
                if (!linkedHolds.test(matches.isEmpty() ? null : world.row(linked.logicalName(), matches.get(0)))) continue;
            } else {
                kids.getOrDefault(r.id(), List.of()).forEach(k -> matches.add(k.id()));
            }
            if (matches.isEmpty() && !outer) continue;
            expected.add("id:" + r.id());
            if (matches.isEmpty()) expected.add("link:" + r.id() + "/null");
            matches.forEach(m -> expected.add("link:" + r.id() + "/" + m));
        }
        String linkField = "lk." + linked.primaryIdColumn();
        return guard(view, root.logicalName(), json("fetchxml-link", fetchUrl(root, xml), expected, b -> {
            Set<String> got = new LinkedHashSet<>();
            for (JsonNode r : b.path("value")) {
                String id = r.path(root.primaryIdColumn()).asText();
                got.add("id:" + id);
                got.add("link:" + id + "/" + r.path(linkField).asText("null"));
            }
            return got;
        }));
    }

    private Single fetchAggregate(OracleWorld.View view) {
        String table = anyTable();
        Table t = world.table(table);
        Cond cond = random.nextBoolean() ? conditions.any(table) : null;
        List<Row> rows = view.readableRows(table).stream().filter(test(cond)).toList();
        Optional<Column> numeric = numericColumn(t);
        Optional<Relationship> up = parentOf(table);
        if (up.isPresent() && random.nextInt(3) == 0) return guard(view, table, fetchGroupByLinked(view, up.get(), rows, cond));
        if (random.nextBoolean()) {
            String lookup = groupColumn(t);
            Map<String, Integer> groups = new LinkedHashMap<>();
            for (Row r : rows) groups.merge(refId(r, lookup), 1, Integer::sum);
            Set<String> expected = new LinkedHashSet<>();
            groups.forEach((k, n) -> expected.add("group:" + k + ":" + n));
            String xml = "<fetch aggregate='true'><entity name='" + table + "'><attribute name='" + lookup + "' groupby='true' alias='g'/>"
                    + "<attribute name='" + t.primaryIdColumn() + "' aggregate='count' alias='n'/>" + fetchFilter(cond) + "</entity></fetch>";
            return guard(view, table, json("fetchxml-aggregate", fetchUrl(t, xml), expected, b -> {
                Set<String> got = new LinkedHashSet<>();
                for (JsonNode g : b.path("value")) got.add("group:" + g.path("g").asText("null") + ":" + g.path("n").asText());
                return got;
            }));
        }
        Set<String> expected = new LinkedHashSet<>();
        expected.add("n:" + rows.size());
        String sum = "";
        if (numeric.isPresent()) {
            sum = "<attribute name='" + numeric.get().name() + "' aggregate='sum' alias='s'/>";
            expected.add("sum:" + sum(rows, numeric.get().name()));
        }
        String xml = "<fetch aggregate='true'><entity name='" + table + "'><attribute name='" + t.primaryIdColumn()
                + "' aggregate='count' alias='n'/>" + sum + fetchFilter(cond) + "</entity></fetch>";
        boolean withSum = numeric.isPresent();
        return guard(view, table, json("fetchxml-aggregate", fetchUrl(t, xml), expected, b -> {
            JsonNode v = b.path("value").path(0);
            Set<String> got = new LinkedHashSet<>();
            got.add("n:" + v.path("n").asText("missing"));
            if (withSum) got.add("sum:" + number(v.path("s")));
            return got;
        }));
    }

    /** Groups by the parent's name through a link-entity: inner drops rows whose parent is hidden, outer groups them under null. */
    private Single fetchGroupByLinked(OracleWorld.View view, Relationship up, List<Row> rows, Cond cond) {
        Table t = world.table(up.referencingTable());
        Table parent = world.table(up.referencedTable());
        boolean outer = random.nextBoolean();
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            String name = parentName(view, r, up);
            if (outer || !name.equals("null")) groups.merge(name, 1, Integer::sum);
        }
        Set<String> expected = new LinkedHashSet<>();
        groups.forEach((k, n) -> expected.add("group:" + k + ":" + n));
        String xml = "<fetch aggregate='true'><entity name='" + t.logicalName() + "'><attribute name='" + t.primaryIdColumn()
                + "' aggregate='count' alias='n'/>" + fetchFilter(cond) + "<link-entity name='" + parent.logicalName() + "' from='"
                + parent.primaryIdColumn() + "' to='" + up.lookupColumn() + "' link-type='" + (outer ? "outer" : "inner") + "' alias='lk'>"
                + "<attribute name='" + parent.primaryNameColumn() + "' groupby='true' alias='g'/></link-entity></entity></fetch>";
        return json("fetchxml-aggregate", fetchUrl(t, xml), expected, b -> {
            Set<String> got = new LinkedHashSet<>();
            for (JsonNode g : b.path("value")) got.add("group:" + g.path("g").asText("null").toLowerCase(java.util.Locale.ROOT) + ":" + g.path("n").asText());
            return got;
        });
    }

    // ---- paging and batches ------------------------------------------------------------------------------------------

    private OracleProbe odataPages(OracleWorld.View view) {
        String table = anyTable();
        Table t = world.table(table);
        Cond cond = random.nextInt(3) == 0 ? odata(view, table) : null;
        Set<String> expected = ids(view, table, cond);
        int size = pageSize(expected.size());
        String url = t.entitySetName() + "?$select=" + t.primaryIdColumn() + filterOption(cond);
        return guard(view, table, new Paged("paging", url, List.of("Prefer", "odata.maxpagesize=" + size), expected,
                b -> idsOf(b.path("value"), t.primaryIdColumn()), null));
    }

    private OracleProbe fetchPages(OracleWorld.View view) {
        String table = anyTable();
        Table t = world.table(table);
        Cond cond = random.nextInt(3) == 0 ? conditions.any(table) : null;
        Set<String> expected = ids(view, table, cond);
        int size = pageSize(expected.size());
        String body = "<entity name='" + table + "'><attribute name='" + t.primaryIdColumn() + "'/>" + fetchFilter(cond) + "</entity></fetch>";
        // Half the queries page by number only; the others send back the previous page's cookie, as DynamicsWebApi does.
        boolean cookies = random.nextBoolean();
        return guard(view, table, new Paged("paging", fetchUrl(t, "<fetch count='" + size + "' page='1'>" + body), List.of("Prefer",
                "odata.include-annotations=\"" + MORE + "\""), expected, b -> idsOf(b.path("value"), t.primaryIdColumn()),
                (page, cookie) -> fetchUrl(t, "<fetch count='" + size + "' page='" + page + "'"
                        + (cookies && cookie != null ? " paging-cookie='" + xml(cookie) + "'" : "") + ">" + body)));
    }

    private OracleProbe.Batch batch(OracleWorld.View view) {
        List<String> singles = PATHS.subList(0, PATHS.indexOf("paging"));
        List<Single> parts = new ArrayList<>();
        int n = 2 + random.nextInt(4);
        for (int i = 0; i < n; i++) parts.add(single(singles.get(random.nextInt(singles.size())), view));
        return new OracleProbe.Batch(parts);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    /** An OData condition: usually on the row's own columns, one time in four through its lookups. */
    private Cond odata(OracleWorld.View view, String table) {
        if (random.nextInt(4) == 0) {
            Optional<Cond> through = conditions.through(view, table);
            if (through.isPresent()) return through.get();
        }
        return conditions.any(table);
    }

    private String anyTable() { return OracleWorld.TABLES.get(random.nextInt(OracleWorld.TABLES.size())); }

    private Relationship anyRelationship() {
        List<Relationship> rels = world.relationships();
        return rels.get(random.nextInt(rels.size()));
    }

    private Row pickAny(String table) {
        List<Row> rows = world.rows(table);
        return rows.get(random.nextInt(rows.size()));
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace("\"", "&quot;");
    }

    /** Text safe inside a quoted FetchXML or OData literal without escaping. */
    private static boolean plain(String s) { return s.chars().noneMatch(c -> c == '\'' || c == '"' || c == '&' || c == '<'); }

    /** Half the time a row the user can read (when there is one), else any row. */
    private Row pick(String table, OracleWorld.View view) {
        List<Row> pool = random.nextBoolean() ? view.readableRows(table) : List.of();
        if (pool.isEmpty()) pool = world.rows(table);
        return pool.get(random.nextInt(pool.size()));
    }

    /** Pages of 1 to 20 rows, but never more than about 25 pages. */
    private int pageSize(int rows) { return Math.max(1 + random.nextInt(20), (rows + 24) / 25); }

    private Optional<Column> numericColumn(Table t) {
        List<Column> cs = t.columns().stream()
                .filter(c -> c.type() == ColumnType.MONEY || c.type() == ColumnType.DECIMAL || c.type() == ColumnType.INT).toList();
        return cs.isEmpty() ? Optional.empty() : Optional.of(cs.get(random.nextInt(cs.size())));
    }

    /** ownerid, or a lookup to one of the oracle's tables. */
    private String groupColumn(Table t) {
        List<String> cs = new ArrayList<>(List.of("ownerid"));
        t.columns().stream().filter(c -> c.type() == ColumnType.LOOKUP && !c.system())
                .filter(c -> c.targets().stream().anyMatch(OracleWorld.TABLES::contains)).forEach(c -> cs.add(c.name()));
        return cs.get(random.nextInt(cs.size()));
    }

    private Map<UUID, List<Row>> readableChildren(OracleWorld.View view, Relationship rel, Cond cond) {
        Map<UUID, List<Row>> out = new LinkedHashMap<>();
        for (Row c : view.readableRows(rel.referencingTable())) {
            EntityRef ref = c.ref(rel.lookupColumn());
            if (ref != null && (cond == null || cond.test().test(c))) out.computeIfAbsent(ref.id(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    private Set<String> ids(OracleWorld.View view, String table, Cond cond) {
        Set<String> out = new LinkedHashSet<>();
        view.readableRows(table).stream().filter(test(cond)).forEach(r -> out.add("id:" + r.id()));
        return out;
    }

    private static Predicate<Row> test(Cond cond) { return cond == null ? r -> true : cond.test(); }

    private static String refId(Row r, String column) {
        EntityRef ref = r.ref(column);
        return ref == null ? "null" : ref.id().toString();
    }

    private static String sum(List<Row> rows, String column) {
        BigDecimal total = null;
        for (Row r : rows) {
            Object v = r.get(column);
            if (v != null) total = (total == null ? BigDecimal.ZERO : total).add(new BigDecimal(v.toString()));
        }
        return total == null ? "null" : total.stripTrailingZeros().toPlainString();
    }

    private static String number(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) return "null";
        return new BigDecimal(n.asText()).stripTrailingZeros().toPlainString();
    }

    static Set<String> idsOf(JsonNode rows, String idColumn) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode r : rows) out.add("id:" + r.path(idColumn).asText());
        return out;
    }

    private static Single json(String path, String url, Set<String> expected, java.util.function.Function<JsonNode, Set<String>> reader) {
        return new Single(path, url, List.of(), 200, expected, reader, false);
    }

    /** Without Read on the query's own table at all, Dataverse refuses the query (0x80040220) rather than return nothing. */
    private static Single guard(OracleWorld.View view, String table, Single s) {
        return view.privileged(table) ? s : new Single(s.path(), s.url(), s.headers(), 403, Set.of("status:403"), b -> Set.of(), s.plainText());
    }

    private static OracleProbe guard(OracleWorld.View view, String table, Paged p) {
        return view.privileged(table) ? p : new Single(p.path(), p.url(), p.headers(), 403, Set.of("status:403"), b -> Set.of(), false);
    }

    private static Single forbidden(String url) {
        return new Single("navigation", url, List.of(), 403, Set.of("status:403"), b -> Set.of(), false);
    }

    private static String filterOption(Cond cond) { return cond == null ? "" : "&$filter=" + enc(cond.odata()); }

    private static String fetchFilter(Cond cond) { return cond == null ? "" : "<filter type='and'>" + cond.fetch() + "</filter>"; }

    private static String fetchUrl(Table t, String xml) { return t.entitySetName() + "?fetchXml=" + enc(xml); }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}

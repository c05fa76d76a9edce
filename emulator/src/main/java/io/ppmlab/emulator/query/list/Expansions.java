package io.ppmlab.emulator.query.list;

import io.ppmlab.emulator.cost.Quantity;
import io.ppmlab.emulator.cost.WorkScope;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ppmlab.emulator.api.Prefer;
import io.ppmlab.emulator.odata.ODataErrors;
import io.ppmlab.emulator.odata.model.ExpandItem;
import io.ppmlab.emulator.odata.model.QueryOptions;
import io.ppmlab.emulator.query.exec.Compilation;
import io.ppmlab.emulator.query.exec.QueryContext;
import io.ppmlab.emulator.query.exec.Selection;
import io.ppmlab.emulator.query.filter.Pred;
import io.ppmlab.emulator.query.json.RowJson;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code $expand}: lookups (N:1) as nested objects or {@code @odata.id} references, collections (1:N) as arrays.
 * Only rows the caller may read are ever expanded: an unreadable lookup target comes back as null, unreadable
 * children are left out. Single-level collection expands are not paged and carry a plain
 * {@code nav@odata.nextLink}; once any expand is nested, each collection is paged by
 * {@code odata.maxpagesize} with a signed {@code $skiptoken} in its link, as Dataverse does.
 */
final class Expansions {
    private static final Set<String> PRINCIPALS = Set.of("systemuser", "team");

    /** @param nested true when some expand has its own $expand: Dataverse then pages every expanded collection */
    record Mode(boolean nested, int pageSize, Prefer prefer) {}

    private final ListQueries lists;
    private final Compilation compilation;
    private final RowJson json;
    private final SkipTokens tokens;

    Expansions(ListQueries lists, Compilation compilation, RowJson json, SkipTokens tokens) {
        this.lists = lists;
        this.compilation = compilation;
        this.json = json;
        this.tokens = tokens;
    }

    /** $select plus the lookups behind {@code nav/$ref} expands, which Dataverse returns with the reference. */
    static List<String> selectWithRefs(Table table, QueryOptions o) {
        if (o.select().isEmpty()) return o.select();
        List<String> select = new ArrayList<>(o.select());
        for (ExpandItem e : o.expand()) {
            if (e.ref()) lookupColumn(table, e.navigation()).ifPresent(c -> select.add(c.lookupProperty()));
        }
        return select;
    }

    void write(JsonGenerator g, QueryContext ctx, Table table, Row row, List<ExpandItem> items, Mode mode, String baseUrl)
            throws IOException {
        for (ExpandItem item : items) {
            WorkScope.count(Quantity.JOINS, 1); // one navigation followed for one row
            if (item.collection()) collection(g, ctx, table, row, item, mode, baseUrl);
            else single(g, ctx, table, row, item, mode, baseUrl);
        }
    }

    private void single(JsonGenerator g, QueryContext ctx, Table table, Row row, ExpandItem item, Mode mode, String baseUrl)
            throws IOException {
        Column column = lookupColumn(table, item.navigation())
                .orElseThrow(() -> ODataErrors.propertyNotFound(item.navigation(), "Microsoft.Dynamics.CRM." + table.logicalName()));
        String only = item.navigation().equals(column.name()) ? null : item.navigation().substring(column.name().length() + 1);
        EntityRef ref = row.ref(column.name());
        if (ref != null && only != null && !ref.table().equals(only)) ref = null;
        Row target = ref == null ? null : ctx.readableRow(ref.table(), ref.id());
        Table targetTable = target == null ? null : ctx.schema().table(target.table()).orElse(null);
        if (target != null && item.options().filter().isPresent()) {
            Compilation.CompiledFilter f = compilation.filter(targetTable, item.options().filter().get());
            Row[] frame = new Row[f.frameSize()];
            frame[0] = target;
            if (f.cond().bind(ctx).test(frame) != Pred.TRUE) target = null;
        }
        g.writeFieldName(item.navigation());
        if (target == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        if (item.ref()) {
            g.writeStringField("@odata.id", baseUrl + targetTable.entitySetName() + "(" + target.id() + ")");
        } else {
            json.reshaped(g, targetTable, target, item.options().select(), mode.prefer(), false, true, UnaryOperator.identity());
            if (PRINCIPALS.contains(targetTable.logicalName())) g.writeStringField("ownerid", target.id().toString());
            write(g, ctx, targetTable, target, item.options().expand(), mode, baseUrl);
        }
        g.writeEndObject();
    }

    private void collection(JsonGenerator g, QueryContext ctx, Table table, Row row, ExpandItem item, Mode mode, String baseUrl)
            throws IOException {
        Relationship rel = ctx.schema().collectionNavigation(table.logicalName(), item.navigation())
                .orElseThrow(() -> ODataErrors.propertyNotFound(item.navigation(), "Microsoft.Dynamics.CRM." + table.logicalName()));
        Table child = ctx.schema().table(rel.referencingTable()).orElseThrow();
        QueryOptions o = item.options();
        ListQueries.Parent parent = new ListQueries.Parent(rel, row.id());
        String path = table.entitySetName() + "(" + row.id() + ")/" + item.navigation();
        int limit = mode.nested() ? mode.pageSize() : Math.min(o.top().orElse(ListQueries.MAX_PAGE), ListQueries.MAX_PAGE);
        Selection.Result result = ctx.scope(child.logicalName()).isEmpty()
                ? new Selection.Result(List.of(), false, -1, null, "nothing")
                : lists.select(ctx, child, o, parent, null, limit, 0);
        List<String> select = o.select();
        if (!mode.nested() && !select.isEmpty()) {
            select = new ArrayList<>(select);
            select.add("_" + rel.lookupColumn() + "_value");
        }
        g.writeArrayFieldStart(item.navigation());
        for (Row r : result.rows()) {
            g.writeStartObject();
            if (mode.nested()) {
                json.reshaped(g, child, r, select, mode.prefer(), false, true, UnaryOperator.identity());
                write(g, ctx, child, r, o.expand(), mode, baseUrl);
            } else {
                json.fields(g, child, r, select, mode.prefer());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        List<String[]> pairs = ODataText.pairs(o);
        String query = QueryStrings.encodeOptions(pairs);
        if (!mode.nested()) {
            g.writeStringField(item.navigation() + "@odata.nextLink", baseUrl + path + (query.isEmpty() ? "" : "?" + query));
        } else if (result.more()) {
            SkipTokens.Binding binding = new SkipTokens.Binding(path, ListQueries.withoutToken(o), ctx.caller().userId(), mode.pageSize());
            String token = tokens.issue(binding, child.primaryIdColumn(), 2, result.last(), -1);
            g.writeStringField(item.navigation() + "@odata.nextLink", baseUrl + path + "?"
                    + (query.isEmpty() ? "" : query + "&") + "$skiptoken=" + SkipTokens.urlEncode(token));
        }
    }

    /** The lookup column behind a single-valued navigation: {@code x}, or {@code x_target} for a polymorphic one. */
    static java.util.Optional<Column> lookupColumn(Table table, String navigation) {
        for (Column c : table.columns()) {
            if (c.type() != ColumnType.LOOKUP) continue;
            if (c.name().equals(navigation)) return java.util.Optional.of(c);
            if (navigation.startsWith(c.name() + "_") && c.targets().contains(navigation.substring(c.name().length() + 1))) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}

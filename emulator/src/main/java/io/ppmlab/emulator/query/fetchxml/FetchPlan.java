package io.ppmlab.emulator.query.fetchxml;

import io.ppmlab.emulator.query.exec.Compilation;
import io.ppmlab.emulator.query.filter.Cond;
import io.ppmlab.emulator.query.filter.FilterCompiler;
import io.ppmlab.emulator.query.filter.IndexHint;
import io.ppmlab.emulator.query.filter.PropertyPath;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A FetchXML query resolved against the schema and compiled, once per query text: the table of every node, how
 * each link-entity joins its parent, the compiled filters (the root's may read link rows through their aliases),
 * the order keys. Cached; binds to a request at run time.
 */
final class FetchPlan {
    /** How a link-entity joins: {@code parentValue} read on the parent row, matched against {@code from}. */
    record Link(FetchXml.Node node, Table table, PropertyPath parentValue, Column from, Cond filter) {}

    record OrderKey(PropertyPath path, boolean descending, String alias) {}

    final FetchXml fetch;
    final Table root;
    final Map<Integer, Table> tables = new HashMap<>();
    final List<Link> links = new ArrayList<>();
    final Cond rootFilter;
    final List<IndexHint> hints = new ArrayList<>();
    final int frameSize;
    final List<OrderKey> orders = new ArrayList<>();
    final List<Slotted> attributes = new ArrayList<>();

    FetchPlan(FetchXml fetch, Table root, Compilation compilation) {
        this.fetch = fetch;
        this.root = root;
        Schema schema = compilation.schema();
        FilterCompiler compiler = compilation.compiler();
        Map<String, FilterCompiler.Variable> variables = new HashMap<>();
        for (FetchXml.Node n : fetch.nodes()) {
            Table t = schema.table(n.entity()).orElseThrow(() -> FetchErrors.noEntity(n.entity()));
            tables.put(n.slot(), t);
            if (n.slot() != 0) {
                if (variables.put(n.alias(), new FilterCompiler.Variable(n.slot(), t)) != null) {
                    throw FetchErrors.malformed("the alias '" + n.alias() + "' is used twice");
                }
            }
            for (FetchXml.Attribute a : n.attributes()) {
                column(t, a.name());
                attributes.add(new Slotted(n.slot(), t, a, compiler.path(n.slot(), t, List.of(a.name()))));
            }
        }
        int slots = fetch.nodes().size();
        FilterCompiler.Compiled rootCompiled = compiler.compile(root, fetch.root().filter(), variables);
        this.rootFilter = rootCompiled.cond();
        rootFilter.hints(hints);
        int size = Math.max(slots, rootCompiled.frameSize());
        for (FetchXml.Node n : fetch.nodes()) {
            if (n.slot() == 0) continue;
            Table t = tables.get(n.slot());
            Table parent = tables.get(n.parentSlot());
            String[] fromTo = join(schema, n, t, parent);
            Column from = column(t, fromTo[0]);
            column(parent, fromTo[1]);
            PropertyPath parentValue = compiler.path(n.parentSlot(), parent, List.of(fromTo[1]));
            FilterCompiler.Compiled f = compiler.compile(root, n.filter(), variables);
            size = Math.max(size, f.frameSize());
            links.add(new Link(n, t, parentValue, from, f.cond()));
        }
        this.frameSize = size;
        for (FetchXml.Node n : fetch.nodes()) {
            for (FetchXml.Order o : n.orders()) {
                if (o.alias() != null && o.attribute() == null) {
                    orders.add(new OrderKey(null, o.descending(), o.alias()));
                    continue;
                }
                if (o.attribute() == null) throw FetchErrors.malformed("<order> needs 'attribute' or 'alias'");
                Table t = tables.get(o.slot());
                column(t, o.attribute());
                orders.add(new OrderKey(compiler.path(o.slot(), t, List.of(o.attribute())), o.descending(), null));
            }
        }
    }

    /** from/to as given, or inferred from the one relationship between the two tables. */
    private static String[] join(Schema schema, FetchXml.Node n, Table link, Table parent) {
        if (n.from() != null && n.to() != null) return new String[] {n.from(), n.to()};
        for (Relationship r : schema.relationships()) {
            if (r.referencingTable().equals(link.logicalName()) && r.referencedTable().equals(parent.logicalName())) {
                return new String[] {r.lookupColumn(), parent.primaryIdColumn()};
            }
            if (r.referencingTable().equals(parent.logicalName()) && r.referencedTable().equals(link.logicalName())) {
                return new String[] {link.primaryIdColumn(), r.lookupColumn()};
            }
        }
        throw FetchErrors.malformed("<link-entity name=\"" + n.entity() + "\"> needs 'from' and 'to'");
    }

    /** The column of an attribute name, or {@link PropertyPath#ID} for the key; refused when unknown. */
    static Column column(Table t, String name) {
        if (name.equals(t.primaryIdColumn())) return PropertyPath.ID;
        return t.column(name).orElseThrow(() -> FetchErrors.noAttribute(t.logicalName(), name));
    }

    boolean hasLinks() { return !links.isEmpty(); }

    /** Every attribute of every node, with its node's slot and its resolved path (aggregates read these). */
    List<Slotted> aggregateAttributes() { return attributes; }

    record Slotted(int slot, Table table, FetchXml.Attribute attribute, PropertyPath path) {
        boolean isKey() { return attribute.groupBy(); }
    }

    static boolean numeric(ColumnType t) {
        return t == ColumnType.INT || t == ColumnType.BIGINT || t == ColumnType.DECIMAL || t == ColumnType.MONEY;
    }
}

package io.ppmlab.emulator.query.exec;

import io.ppmlab.emulator.odata.model.Expr;
import io.ppmlab.emulator.odata.model.OrderBy;
import io.ppmlab.emulator.query.filter.FilterCompiler;
import io.ppmlab.emulator.query.filter.IndexHint;
import io.ppmlab.emulator.query.filter.PropertyPath;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.List;

/** Compiles filters and orders for a table, caching them: parsing and compiling happen once per query shape. */
public final class Compilation {
    private final Schema schema;
    private final FilterCompiler compiler;
    private final QueryCache<FilterKey, CompiledFilter> filters = new QueryCache<>(4096);
    private final QueryCache<OrderKey, RowOrder> orders = new QueryCache<>(1024);

    private record FilterKey(String table, Expr expr) {}

    private record OrderKey(String table, List<OrderBy> orderBy) {}

    /** A compiled filter with its frame size and the index hints of its top-level conjuncts. */
    public record CompiledFilter(io.ppmlab.emulator.query.filter.Cond cond, int frameSize, List<IndexHint> hints) {}

    public Compilation(Schema schema) {
        this.schema = schema;
        this.compiler = new FilterCompiler(schema);
    }

    public Schema schema() { return schema; }

    public FilterCompiler compiler() { return compiler; }

    /** @param expr null for "no filter" */
    public CompiledFilter filter(Table table, Expr expr) {
        return filters.get(new FilterKey(table.logicalName(), expr), k -> {
            FilterCompiler.Compiled c = compiler.compile(table, expr);
            List<IndexHint> hints = new ArrayList<>();
            c.cond().hints(hints);
            return new CompiledFilter(c.cond(), c.frameSize(), List.copyOf(hints));
        });
    }

    /** Null when there is no $orderby (id order). */
    public RowOrder order(Table table, List<OrderBy> orderBy) {
        if (orderBy.isEmpty()) return null;
        return orders.get(new OrderKey(table.logicalName(), orderBy), k -> {
            List<RowOrder.Key> keys = new ArrayList<>();
            for (OrderBy o : orderBy) {
                PropertyPath p = compiler.path(table, o.path());
                keys.add(new RowOrder.Key(p, o.descending()));
            }
            return new RowOrder(keys);
        });
    }
}

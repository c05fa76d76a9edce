package io.ppmlab.emulator.query.exec;

import io.ppmlab.emulator.query.filter.EvalContext;
import io.ppmlab.emulator.query.filter.Operand;
import io.ppmlab.emulator.query.filter.PropertyPath;
import io.ppmlab.emulator.query.filter.Values;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.util.List;
import java.util.UUID;

/**
 * An $orderby (or FetchXML order): keys read per row once, compared as SQL Server would (nulls first when
 * ascending), ties broken by id so that paging has a total order. A lookup sorts by its target's primary name.
 */
public record RowOrder(List<Key> keys) {
    public RowOrder { keys = List.copyOf(keys); }

    public record Key(PropertyPath path, boolean descending) {}

    /** Ordered by id only: the default. */
    public static final RowOrder BY_ID = new RowOrder(List.of());

    public boolean byIdOnly() { return keys.isEmpty(); }

    /** The order bound to a request: extracts keys, compares. */
    public Bound bind(EvalContext ctx, Schema schema) {
        Operand.Getter[] getters = new Operand.Getter[keys.size()];
        boolean[] names = new boolean[keys.size()];
        for (int i = 0; i < getters.length; i++) {
            PropertyPath p = keys.get(i).path();
            getters[i] = p.bind(ctx);
            names[i] = p.type() == ColumnType.LOOKUP && p.column() != PropertyPath.ID;
        }
        return new Bound(getters, names, ctx, schema);
    }

    public final class Bound {
        private final Operand.Getter[] getters;
        private final boolean[] byName;
        private final EvalContext ctx;
        private final Schema schema;
        private final Row[] frame = new Row[1];

        private Bound(Operand.Getter[] getters, boolean[] byName, EvalContext ctx, Schema schema) {
            this.getters = getters;
            this.byName = byName;
            this.ctx = ctx;
            this.schema = schema;
        }

        public Object[] keysOf(Row row) {
            Object[] out = new Object[getters.length];
            frame[0] = row;
            for (int i = 0; i < out.length; i++) {
                Object v = getters[i].get(frame);
                if (v == Values.UNREADABLE) v = null;
                if (v != null && byName[i]) v = primaryName(row, i, (UUID) v);
                out[i] = v;
            }
            return out;
        }

        private Object primaryName(Row row, int i, UUID id) {
            PropertyPath p = keys.get(i).path();
            String target = p.lookups().isEmpty() ? tableOf(row, p) : null;
            if (target == null) return id;
            Row t = ctx.fetch(new EntityRef(target, id));
            String nameColumn = schema.table(target).map(x -> x.primaryNameColumn()).orElse(null);
            return t == null || nameColumn == null ? null : t.get(nameColumn);
        }

        private String tableOf(Row row, PropertyPath p) {
            Object v = row.get(p.column().name());
            return v instanceof EntityRef ref ? ref.table() : null;
        }

        /** Compares (keys, id) pairs in this order. */
        public int compare(Object[] a, UUID aId, Object[] b, UUID bId) {
            for (int i = 0; i < a.length; i++) {
                int c = compareNullsFirst(a[i], b[i]);
                if (c != 0) return keys.get(i).descending() ? -c : c;
            }
            return aId.compareTo(bId);
        }
    }

    static int compareNullsFirst(Object a, Object b) {
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return Values.compare(a, b);
    }
}

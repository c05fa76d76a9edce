package io.ppmlab.emulator.query.filter;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.util.List;
import java.util.Map;

/**
 * A property read from the row in frame slot {@code slot}, after following zero or more lookups
 * ({@code sensei_program/sensei_portfolio/sensei_name}). The final property is resolved per target table, since a
 * polymorphic lookup (owner) can land on several. A lookup whose target the caller cannot read yields
 * {@link Values#UNREADABLE}, which no comparison matches: filtering through a hidden parent reveals nothing.
 *
 * @param lookups   lookup column names to follow, in order
 * @param finals    target table → the final column (or null meaning "the row's id")
 */
public record PropertyPath(int slot, List<String> lookups, Map<String, Column> finals, ColumnType type,
                           String text) implements Operand {
    /** The final property is the primary key, or a lookup read as its target id. */
    public static final Column ID = new Column("$id", ColumnType.UNIQUEIDENTIFIER, false, 0, List.of(), List.of(), true, false);

    public PropertyPath {
        lookups = List.copyOf(lookups);
        finals = Map.copyOf(finals);
    }

    /** A plain column of the frame's row, no lookups: the shape an index can answer. */
    public boolean direct() { return lookups.isEmpty(); }

    /** The single final column when there is only one (always so without lookups). */
    public Column column() { return finals.values().iterator().next(); }

    @Override
    public Getter bind(EvalContext ctx) {
        if (lookups.isEmpty()) {
            Column c = column();
            return frame -> read(frame[slot], c);
        }
        return frame -> {
            Row r = frame[slot];
            if (r == null) return null;
            for (String lookup : lookups) {
                EntityRef ref = r.ref(lookup);
                if (ref == null) return null;
                Row target = ctx.fetch(ref);
                if (target == null) return null;
                if (!ctx.readable(target)) return Values.UNREADABLE;
                r = target;
            }
            Column c = finals.get(r.table());
            return c == null ? null : read(r, c);
        };
    }

    static Object read(Row row, Column column) {
        if (row == null) return null;
        if (column == ID) return row.id();
        Object v = row.get(column.name());
        return v instanceof EntityRef ref ? ref.id() : v;
    }
}

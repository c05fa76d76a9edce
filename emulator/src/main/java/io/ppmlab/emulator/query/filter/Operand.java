package io.ppmlab.emulator.query.filter;

import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Row;

/** One side of a comparison, compiled: a property path or a literal. */
public interface Operand {
    /** Reads the value in a frame: null, a value, or {@link Values#UNREADABLE}. */
    interface Getter {
        Object get(Row[] frame);
    }

    Getter bind(EvalContext ctx);

    /** The column type the operand yields, or null for a literal. */
    ColumnType type();

    record Literal(Object value) implements Operand {
        @Override public Getter bind(EvalContext ctx) { return frame -> value; }
        @Override public ColumnType type() { return null; }
    }
}

package io.ppmlab.emulator.payload;

import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.Table;
import io.ppmlab.schema.ValueRanges;

/**
 * Dataverse's value ranges and precisions ({@link ValueRanges}, shared with the dataset generator) applied to a
 * value a write is about to store, as the API answers them: decimals beyond the precision are rounded as Dataverse
 * stores them; a value out of range is a 400 {@link ErrorCode#VALUE_OUT_OF_RANGE}. Every JSON write (single,
 * upsert, $batch, bulk) and the resource-plan save go through here.
 */
public final class ColumnRanges {
    private ColumnRanges() {}

    /** The value to store for {@code value} in {@code column}: in range and at the column's precision, or a 400. */
    public static Object check(Table table, Column column, Object value) {
        try {
            return ValueRanges.stored(column, value);
        } catch (ValueRanges.OutOfRange e) {
            throw ErrorCode.VALUE_OUT_OF_RANGE.error(e.value(), column.name(), table.logicalName(), e.min(), e.max());
        }
    }
}

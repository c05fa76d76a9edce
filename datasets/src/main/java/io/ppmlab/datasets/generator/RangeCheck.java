package io.ppmlab.datasets.generator;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;
import io.ppmlab.schema.ValueRanges;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a generated row whose money, decimal or date value Dataverse would refuse or round ({@link ValueRanges},
 * the ranges the API enforces on writes): a profile's knobs or distributions can push values there, and such a row
 * would be stored as no Dataverse row can be. Runs first in the generator's sink chain, so nothing is written.
 */
final class RangeCheck implements RowSink {
    private final Schema schema;
    private final Map<String, List<Column>> ranged = new HashMap<>();

    RangeCheck(Schema schema) { this.schema = schema; }

    @Override
    public void accept(Row row) {
        for (Column c : ranged.computeIfAbsent(row.table(), this::rangedColumns)) {
            Object value = row.get(c.name());
            if (value == null) continue;
            Object stored;
            try {
                stored = ValueRanges.stored(c, value);
            } catch (ValueRanges.OutOfRange e) {
                throw new IllegalArgumentException(where(row, c) + ": " + e.getMessage() + " (check the profile's knobs and distributions)");
            }
            if (!stored.equals(value)) {
                throw new IllegalArgumentException(where(row, c) + ": " + value + " has more than " + ValueRanges.scale(c)
                        + " decimal places; Dataverse would store " + stored);
            }
        }
    }

    private List<Column> rangedColumns(String table) {
        List<Column> out = new ArrayList<>();
        for (Column c : schema.table(table).map(Table::columns).orElse(List.of())) {
            switch (c.type()) {
                case MONEY, DECIMAL, DATETIME, DATEONLY -> out.add(c);
                default -> { }
            }
        }
        return out;
    }

    private static String where(Row row, Column c) { return "generated row " + row.table() + "(" + row.id() + ")." + c.name(); }
}

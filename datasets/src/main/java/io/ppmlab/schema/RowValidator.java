package io.ppmlab.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks rows against a schema, for generators and loaders to run before rows reach a store. A row holds
 * its id in {@link Row#id()}; the primary key column may be left out of its values.
 */
public final class RowValidator {
    private final Schema schema;

    public RowValidator(Schema schema) { this.schema = schema; }

    /**
     * What is wrong with one row on its own: unknown columns, wrong Java types, unknown options, strings too long,
     * numbers and dates outside Dataverse's ranges or precisions, missing required values.
     */
    public List<String> problems(Row row) {
        List<String> out = new ArrayList<>();
        Table table = schema.table(row.table()).orElse(null);
        String where = row.table() + "(" + row.id() + ")";
        if (table == null) return List.of(where + ": unknown table");
        Map<String, Column> columns = table.columnsByName();
        row.values().forEach((name, value) -> {
            Column c = columns.get(name);
            if (c == null) out.add(where + ": unknown column " + name);
            else valueProblem(c, value, row).ifPresent(p -> out.add(where + "." + name + ": " + p));
        });
        for (Column c : table.columns()) {
            if (c.required() && !row.values().containsKey(c.name())) out.add(where + ": required column " + c.name() + " missing");
        }
        return out;
    }

    /** Lookups that point at no row of {@code rows} (the set must be closed: every target present). */
    public List<String> referenceProblems(Collection<Row> rows) {
        Set<EntityRef> present = new HashSet<>();
        rows.forEach(r -> present.add(new EntityRef(r.table(), r.id())));
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            r.values().forEach((name, value) -> {
                if (value instanceof EntityRef ref && !present.contains(ref)) {
                    out.add(r.table() + "(" + r.id() + ")." + name + ": no " + ref.table() + " row " + ref.id());
                }
            });
        }
        return out;
    }

    private static Optional<String> valueProblem(Column c, Object value, Row row) {
        if (!c.type().javaType().isInstance(value)) {
            return Optional.of("expected " + c.type().javaType().getSimpleName() + ", got " + value.getClass().getSimpleName());
        }
        String problem = switch (c.type()) {
            case CHOICE -> c.label((Integer) value).isPresent() ? null : "no option " + value;
            case LOOKUP -> c.targets().contains(((EntityRef) value).table()) ? null
                    : "target " + ((EntityRef) value).table() + " not one of " + c.targets();
            case STRING, MEMO -> ((String) value).length() <= c.maxLength() ? null : "longer than " + c.maxLength();
            case UNIQUEIDENTIFIER -> c.name().equals(row.table() + "id") && !value.equals(row.id()) ? "differs from the row id" : null;
            case MONEY, DECIMAL, DATETIME, DATEONLY -> rangeProblem(c, value);
            default -> null;
        };
        return Optional.ofNullable(problem);
    }

    /**
     * Dataverse's range and precision for the column type ({@link ValueRanges}, as the API enforces them): a value
     * the API would refuse or round is one a generator must not write, since its row would differ from a stored one.
     */
    private static String rangeProblem(Column c, Object value) {
        try {
            Object stored = ValueRanges.stored(c, value);
            return stored.equals(value) ? null : "more than " + ValueRanges.scale(c) + " decimal places (Dataverse stores " + stored + ")";
        } catch (ValueRanges.OutOfRange e) {
            return e.getMessage();
        }
    }
}

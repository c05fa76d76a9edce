package io.ppmlab.emulator.odata;

import io.ppmlab.schema.Schema;
import java.util.List;
import java.util.Optional;

/**
 * An N:N relationship the lab stores as an intersect table and exposes, as Dataverse does, as a
 * collection navigation of the same name on both sides ({@code teams(<id>)/teammembership_association},
 * {@code systemusers(<id>)/teammembership_association}). Associating adds an intersect row; disassociating
 * removes it. Only team membership is declared: role assignment through {@code $ref} would need Dataverse's
 * role-assignment rules, which the lab does not model.
 */
public record ManyToMany(String name, String intersect, String leftTable, String leftColumn, String rightTable,
                         String rightColumn) {
    public static final ManyToMany TEAM_MEMBERSHIP =
            new ManyToMany("teammembership_association", "teammembership", "team", "teamid", "systemuser", "systemuserid");
    private static final List<ManyToMany> ALL = List.of(TEAM_MEMBERSHIP);

    /** The N:N relationships whose three tables the schema has. */
    static List<ManyToMany> declared(Schema schema) {
        return ALL.stream().filter(m -> schema.table(m.intersect).isPresent() && schema.table(m.leftTable).isPresent()
                && schema.table(m.rightTable).isPresent()).toList();
    }

    /** The relationship behind a navigation from {@code table}, if it is one of these. */
    public static Optional<ManyToMany> find(String table, String navigation) {
        return ALL.stream().filter(m -> m.name.equals(navigation) && (m.leftTable.equals(table) || m.rightTable.equals(table)))
                .findFirst();
    }

    /** The intersect column naming the row of {@code table}. */
    public String columnOf(String table) { return table.equals(leftTable) ? leftColumn : rightColumn; }

    /** The table on the other side of {@code table}. */
    public String otherTable(String table) { return table.equals(leftTable) ? rightTable : leftTable; }
}

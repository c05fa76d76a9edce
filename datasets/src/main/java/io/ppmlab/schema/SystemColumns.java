package io.ppmlab.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns Dataverse gives every table, which the loader puts before the table's own columns in this
 * fixed order (the order is part of the storage encoding), and the relationships behind their lookups.
 */
public final class SystemColumns {
    private SystemColumns() {}

    public static final List<Choice> STATE = List.of(new Choice(0, "Active"), new Choice(1, "Inactive"));
    public static final List<Choice> DEFAULT_STATUS = List.of(new Choice(1, "Active"), new Choice(2, "Inactive"));

    private static final List<String> AUDIT_LOOKUPS = List.of("createdby", "modifiedby", "createdonbehalfby", "modifiedonbehalfby");

    /** System column names of a table, in storage order. */
    public static List<String> names(String table, Ownership ownership) {
        return columns(table, ownership, List.of()).stream().map(Column::name).toList();
    }

    static List<Column> columns(String table, Ownership ownership, List<Choice> extraStatusReasons) {
        List<Column> cols = new ArrayList<>();
        // Writable so a create may choose the id (Dataverse allows it); never required.
        cols.add(plain(table + "id", ColumnType.UNIQUEIDENTIFIER, true));
        cols.add(plain("createdon", ColumnType.DATETIME, false));
        cols.add(plain("modifiedon", ColumnType.DATETIME, false));
        AUDIT_LOOKUPS.forEach(n -> cols.add(lookup(n, List.of("systemuser"), false)));
        cols.add(plain("versionnumber", ColumnType.BIGINT, false));
        cols.add(choice("statecode", STATE));
        List<Choice> status = new ArrayList<>(DEFAULT_STATUS);
        status.addAll(extraStatusReasons);
        cols.add(choice("statuscode", status));
        if (ownership == Ownership.USER_OR_TEAM) {
            cols.add(lookup("ownerid", List.of("systemuser", "team"), true));
            cols.add(lookup("owninguser", List.of("systemuser"), false));
            cols.add(lookup("owningteam", List.of("team"), false));
            // Settable only with "record ownership across business units"; the emulator decides that.
            cols.add(lookup("owningbusinessunit", List.of("businessunit"), false));
        }
        return cols;
    }

    /**
     * Relationships behind the single-target system lookups, named as Dataverse names them. ownerid has
     * none: it is polymorphic, and owninguser/owningteam carry the navigation instead.
     */
    static List<Relationship> relationships(String table, Ownership ownership) {
        List<Relationship> rels = new ArrayList<>();
        AUDIT_LOOKUPS.forEach(n -> rels.add(new Relationship("lk_" + table + "_" + n, "systemuser", table, n, Cascade.REFERENTIAL)));
        if (ownership == Ownership.USER_OR_TEAM) {
            rels.add(new Relationship("user_" + table, "systemuser", table, "owninguser", Cascade.REFERENTIAL));
            rels.add(new Relationship("team_" + table, "team", table, "owningteam", Cascade.REFERENTIAL));
            rels.add(new Relationship("business_unit_" + table, "businessunit", table, "owningbusinessunit", Cascade.REFERENTIAL));
        }
        return rels;
    }

    private static Column plain(String name, ColumnType type, boolean writable) {
        return new Column(name, type, false, 0, List.of(), List.of(), true, writable);
    }

    private static Column lookup(String name, List<String> targets, boolean writable) {
        return new Column(name, ColumnType.LOOKUP, false, 0, List.of(), targets, true, writable);
    }

    private static Column choice(String name, List<Choice> choices) {
        return new Column(name, ColumnType.CHOICE, false, 0, choices, List.of(), true, true);
    }
}

package io.ppmlab.emulator.store;

import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Ownership;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * A small schema built in code for the store tests (the real one is generated elsewhere): a project table
 * with a column of every type, the tables its lookups point at, and a wide variant for startup timing.
 */
final class TestSchema {
    static final String PROJECT = "sensei_project";
    static final String PROGRAM = "sensei_program";
    static final String USER = "systemuser";
    static final String TEAM = "team";

    private TestSchema() {}

    static Schema standard() {
        return new Schema(List.of(project(PROJECT), named(PROGRAM), named(USER), named(TEAM)), List.of());
    }

    /** {@code n} project-shaped tables plus the lookup targets: the size of the real schema. */
    static Schema wide(int n) {
        List<Table> tables = new ArrayList<>(List.of(named(PROGRAM), named(USER), named(TEAM)));
        for (int i = 0; tables.size() < n; i++) tables.add(project("sensei_table" + i));
        return new Schema(tables, List.of());
    }

    static Table projectTable() { return project(PROJECT); }

    /** Twelve data columns, one of each type, after the id: the "typical row" of the size figures. */
    static Table project(String name) {
        return table(name, List.of(
                column(name + "id", ColumnType.UNIQUEIDENTIFIER),
                column("sensei_name", ColumnType.STRING),
                column("sensei_description", ColumnType.MEMO),
                column("sensei_priority", ColumnType.INT),
                column("sensei_effort", ColumnType.BIGINT),
                column("sensei_progress", ColumnType.DECIMAL),
                column("sensei_budget", ColumnType.MONEY),
                column("sensei_start", ColumnType.DATEONLY),
                column("createdon", ColumnType.DATETIME),
                column("sensei_active", ColumnType.BOOLEAN),
                column("statuscode", ColumnType.CHOICE),
                column("ownerid", ColumnType.LOOKUP, USER, TEAM),
                column("sensei_programid", ColumnType.LOOKUP, PROGRAM)));
    }

    static Table named(String name) {
        return table(name, List.of(column(name + "id", ColumnType.UNIQUEIDENTIFIER), column("name", ColumnType.STRING)));
    }

    static Column column(String name, ColumnType type, String... targets) {
        return new Column(name, type, false, type == ColumnType.STRING ? 100 : 0, List.of(), List.of(targets), false, true);
    }

    static Table table(String name, List<Column> columns) {
        return new Table(name, name + "s", name + "id", "sensei_name", Ownership.USER_OR_TEAM, columns, List.of());
    }
}

package io.ppmlab.emulator.meter;

import io.ppmlab.schema.AlternateKey;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.Ownership;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How Dataverse would lay out one of the lab's tables in SQL Server: the columns of its single {@code <Table>Base}
 * table (Dataverse merged {@code Base} and {@code ExtensionBase} tables into one in CRM 2013) and the
 * nonclustered indexes it creates. Modelled on the DDL of a solution table in a Dynamics 365 9.1 organisation
 * database (e.g. {@code msdyn_AIBFileBase}; public copy: github.com/phuocle/DynamicsCrmSource,
 * {@code 9.1/9.1.38.10/Database/dbo/Tables/}).
 *
 * <p>Columns, from the lab's schema and what Dataverse adds:
 * <ul>
 *   <li>every column the lab's schema declares, at the SQL Server type Dataverse uses for it (see {@link #sqlColumn});</li>
 *   <li>except {@code owninguser} and {@code owningteam}: Dataverse does not store them (its views derive them
 *       from {@code OwnerId} and {@code OwnerIdType});</li>
 *   <li>plus {@code owneridtype int} after {@code ownerid} (the owner's table), or {@code organizationid
 *       uniqueidentifier} on organization-owned tables;</li>
 *   <li>plus the four platform columns of every table: {@code importsequencenumber int}, {@code overriddencreatedon
 *       datetime}, {@code timezoneruleversionnumber int}, {@code utcconversiontimezonecode int};</li>
 *   <li>on a table with money columns: {@code <column>_base money} for each, {@code exchangerate decimal(23,10)} and
 *       {@code transactioncurrencyid} (when the lab's schema lacks them);</li>
 *   <li>a lookup with several target tables (other than ownerid) also stores {@code <column>idtype int} and a
 *       {@code <column>idname nvarchar}; the name is counted as empty (the lab does not know it);</li>
 *   <li>lookup name companions ({@code createdbyname}, {@code owneridname}, ...) are not stored: the views join them.</li>
 * </ul>
 *
 * <p>Indexes (all nonclustered, beside the clustered primary key on the id):
 * {@code ndx_Security} on ownerid (organizationid when organization-owned);
 * {@code fndx_for_cascaderelationship_business_unit_*} on owningbusinessunit (user-owned);
 * {@code ndx_Core} on (statecode, statuscode); {@code ndx_Sync} on versionnumber;
 * {@code ndx_<primary name>} on the primary name column;
 * {@code ndx_for_cascaderelationship_*} on each lookup the solution defines (not on the system lookups createdby,
 * modifiedby, *onbehalfby, owninguser, owningteam or transactioncurrencyid, which the DDL leaves unindexed);
 * {@code ndx_for_entitykey_*}, unique and filtered on non-null keys, including the id, for each alternate key.
 * Not modelled: the {@code ndx_QF_*} indexes Dataverse adds for quick find on some tables.
 */
public record TableLayout(Table table, List<SqlColumn> columns, List<SqlIndex> indexes) {
    /** System lookups Dataverse does not index (the 9.1 DDL has no index on them). */
    private static final Set<String> UNINDEXED_LOOKUPS = Set.of("createdby", "modifiedby", "createdonbehalfby",
            "modifiedonbehalfby", "ownerid", "owninguser", "owningteam", "owningbusinessunit", "transactioncurrencyid");
    /** Stored by Dataverse only as views over ownerid and owneridtype. */
    private static final Set<String> NOT_STORED = Set.of("owninguser", "owningteam");

    public TableLayout {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
    }

    public static TableLayout of(Table table) {
        Map<String, SqlColumn> cols = new LinkedHashMap<>();
        boolean money = false;
        for (Column c : table.columns()) {
            if (NOT_STORED.contains(c.name())) continue;
            cols.put(c.name(), sqlColumn(table, c));
            if (c.name().equals("ownerid")) cols.put("owneridtype", SqlColumn.fixed("owneridtype", "int", 4, false, false));
            if (c.type() == ColumnType.LOOKUP && c.targets().size() > 1 && !c.name().equals("ownerid")) {
                cols.put(c.name() + "idtype", SqlColumn.fixed(c.name() + "idtype", "int", 4, true, false));
                cols.put(c.name() + "idname", SqlColumn.nvarchar(c.name() + "idname", 4000, false));
            }
            money |= c.type() == ColumnType.MONEY;
        }
        if (table.ownership() == Ownership.ORGANIZATION) {
            cols.putIfAbsent("organizationid", SqlColumn.fixed("organizationid", "uniqueidentifier", 16, false, false));
        }
        cols.putIfAbsent("importsequencenumber", SqlColumn.fixed("importsequencenumber", "int", 4, true, false));
        cols.putIfAbsent("overriddencreatedon", SqlColumn.fixed("overriddencreatedon", "datetime", 8, true, false));
        cols.putIfAbsent("timezoneruleversionnumber", SqlColumn.fixed("timezoneruleversionnumber", "int", 4, true, false));
        cols.putIfAbsent("utcconversiontimezonecode", SqlColumn.fixed("utcconversiontimezonecode", "int", 4, true, false));
        if (money) {
            for (Column c : table.columns()) {
                if (c.type() == ColumnType.MONEY) cols.putIfAbsent(c.name() + "_base", SqlColumn.fixed(c.name() + "_base", "money", 8, true, false));
            }
            cols.putIfAbsent("exchangerate", SqlColumn.fixed("exchangerate", "decimal(23,10)", 13, true, false));
            cols.putIfAbsent("transactioncurrencyid", SqlColumn.fixed("transactioncurrencyid", "uniqueidentifier", 16, true, false));
        }
        return new TableLayout(table, new ArrayList<>(cols.values()), indexes(table, cols));
    }

    /** The SQL Server type Dataverse gives a column of each type. */
    static SqlColumn sqlColumn(Table table, Column c) {
        boolean notNull = c.name().equals(table.primaryIdColumn()) || c.name().equals("ownerid") || c.name().equals("statecode");
        return switch (c.type()) {
            case STRING -> SqlColumn.nvarchar(c.name(), c.maxLength() > 0 ? c.maxLength() : 100, true);
            case MEMO -> SqlColumn.nvarchar(c.name(), Integer.MAX_VALUE, true);
            case INT, CHOICE -> SqlColumn.fixed(c.name(), "int", 4, !notNull, true);
            // versionnumber is a rowversion (8 bytes) in Dataverse; other whole numbers are bigint.
            case BIGINT -> SqlColumn.fixed(c.name(), c.name().equals("versionnumber") ? "rowversion" : "bigint", 8, true, true);
            case DECIMAL -> SqlColumn.fixed(c.name(), "decimal(23,10)", 13, true, true);
            case MONEY -> SqlColumn.fixed(c.name(), "money", 8, true, true);
            // Date-only columns are datetime too (the time part is 00:00).
            case DATETIME, DATEONLY -> SqlColumn.fixed(c.name(), "datetime", 8, true, true);
            case BOOLEAN -> SqlColumn.bit(c.name());
            case LOOKUP, UNIQUEIDENTIFIER -> SqlColumn.fixed(c.name(), "uniqueidentifier", 16, !notNull, true);
        };
    }

    private static List<SqlIndex> indexes(Table table, Map<String, SqlColumn> cols) {
        List<SqlIndex> out = new ArrayList<>();
        String t = table.logicalName();
        if (table.ownership() == Ownership.USER_OR_TEAM) {
            out.add(SqlIndex.on("ndx_Security", "ownerid"));
            out.add(SqlIndex.on("fndx_for_cascaderelationship_business_unit_" + t, "owningbusinessunit"));
        } else {
            out.add(SqlIndex.on("ndx_Security", "organizationid"));
        }
        if (cols.containsKey("statecode")) {
            out.add(cols.containsKey("statuscode") ? SqlIndex.on("ndx_Core", "statecode", "statuscode") : SqlIndex.on("ndx_Core", "statecode"));
        }
        if (cols.containsKey("versionnumber")) out.add(SqlIndex.on("ndx_Sync", "versionnumber"));
        String name = table.primaryNameColumn();
        if (name != null && cols.containsKey(name)) out.add(SqlIndex.on("ndx_" + name, name));
        for (Column c : table.columns()) {
            if (c.type() == ColumnType.LOOKUP && !UNINDEXED_LOOKUPS.contains(c.name())) {
                out.add(SqlIndex.on("ndx_for_cascaderelationship_" + c.name(), c.name()));
            }
        }
        for (AlternateKey k : table.alternateKeys()) {
            out.add(new SqlIndex("ndx_for_entitykey_" + k.name(), k.columns(), List.of(table.primaryIdColumn()), true, true));
        }
        return out;
    }

    public SqlColumn column(String name) {
        for (SqlColumn c : columns) if (c.name().equals(name)) return c;
        throw new IllegalArgumentException("table " + table.logicalName() + " has no column " + name);
    }
}

package io.ppmlab.emulator.meter;

/**
 * A column of a table as Dataverse lays it out in SQL Server.
 *
 * @param name     logical name; for a column the lab's schema has, the name its rows use
 * @param sqlType  the SQL Server type, for the report ({@code uniqueidentifier}, {@code nvarchar(200)}, ...)
 * @param width    bytes in the fixed-length part of the record; 0 for variable-length columns and bits
 * @param variable true for nvarchar: the bytes are the value's UTF-16 length, 2 per char, and cost nothing when null
 * @param bit      true for bit columns, which SQL Server packs eight to a byte
 * @param nullable false for the few columns Dataverse declares NOT NULL (id, ownerid, owneridtype, statecode);
 *                 decides whether an index record needs a null bitmap
 * @param inRow    true when rows of the lab carry the value (false for platform columns the lab never sets,
 *                 such as importsequencenumber, which take their fixed width all the same)
 */
public record SqlColumn(String name, String sqlType, int width, boolean variable, boolean bit, boolean nullable, boolean inRow) {

    static SqlColumn fixed(String name, String sqlType, int width, boolean nullable, boolean inRow) {
        return new SqlColumn(name, sqlType, width, false, false, nullable, inRow);
    }

    static SqlColumn nvarchar(String name, int maxLength, boolean inRow) {
        return new SqlColumn(name, maxLength > 0 && maxLength <= 4000 ? "nvarchar(" + maxLength + ")" : "nvarchar(max)", 0, true,
                false, true, inRow);
    }

    static SqlColumn bit(String name) { return new SqlColumn(name, "bit", 0, false, true, true, true); }
}

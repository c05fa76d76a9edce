package io.ppmlab.emulator.meter;

import java.util.List;

/**
 * A nonclustered index Dataverse creates on a table (the clustered primary key is the data record itself).
 *
 * @param name         the name Dataverse gives it (for the report)
 * @param keys         key columns, in order
 * @param includes     included columns (the row id counts once: it is also the row locator)
 * @param unique       true for alternate keys
 * @param skipsNulls   true for a filtered index {@code WHERE <every key> IS NOT NULL} (alternate keys): a row
 *                     with a null key has no entry
 */
public record SqlIndex(String name, List<String> keys, List<String> includes, boolean unique, boolean skipsNulls) {
    public SqlIndex {
        keys = List.copyOf(keys);
        includes = List.copyOf(includes);
    }

    static SqlIndex on(String name, String... keys) { return new SqlIndex(name, List.of(keys), List.of(), false, false); }
}

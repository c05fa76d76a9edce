package io.ppmlab.emulator.access;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.security.ReadScope;
import io.ppmlab.emulator.security.RowSecurity;
import io.ppmlab.schema.Row;

/**
 * What the query engine asks the security model: a caller's read scope of a table (computed once per
 * request per table, shaped for index lookups) and a row's security facts (for the per-row check).
 */
public interface ReadAccess {
    ReadScope scope(Caller caller, String table);

    RowSecurity facts(Row row);
}

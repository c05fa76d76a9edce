package io.ppmlab.emulator.operations;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

/**
 * The security checks every CRUD operation makes; each throws a Dataverse 403 when refused. The
 * security package provides the implementation that enforces roles, depths and shares.
 */
public interface AccessGuard {
    void checkCreate(Caller caller, Table table, Row row);

    void checkRead(Caller caller, Table table, Row row);

    void checkWrite(Caller caller, Table table, Row before, Row after);

    void checkDelete(Caller caller, Table table, Row row);
}

package io.ppmlab.emulator.operations;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

/** An {@link AccessGuard} that allows everything: used until the security model is wired, and in storage-only tests. */
public final class OpenAccess implements AccessGuard {
    @Override public void checkCreate(Caller caller, Table table, Row row) {}

    @Override public void checkRead(Caller caller, Table table, Row row) {}

    @Override public void checkWrite(Caller caller, Table table, Row before, Row after) {}

    @Override public void checkDelete(Caller caller, Table table, Row row) {}
}

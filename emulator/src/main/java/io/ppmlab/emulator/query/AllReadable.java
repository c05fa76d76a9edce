package io.ppmlab.emulator.query;

import io.ppmlab.emulator.access.ReadAccess;
import io.ppmlab.emulator.access.RowFacts;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.security.ReadScope;
import io.ppmlab.emulator.security.RowSecurity;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.util.Set;

/** A {@link ReadAccess} that lets every caller read every row: until the security model is wired, and in tests. */
public final class AllReadable implements ReadAccess {
    private final RowFacts facts;

    public AllReadable(Schema schema) { this.facts = new RowFacts(schema); }

    @Override
    public ReadScope scope(Caller caller, String table) {
        return new ReadScope(table, true, Set.of(), Set.of(), Set.of(), Set.of());
    }

    @Override
    public RowSecurity facts(Row row) { return facts.of(row); }
}

package io.ppmlab.benchmarks;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.access.RowFacts;
import io.ppmlab.emulator.access.SecurityModelLoader;
import io.ppmlab.emulator.security.SecurityModel;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;

import java.util.List;

/** The demo organisation in a memory store, with its security model: shared set-up of several benchmarks. */
final class DemoSecurity {
    final Schema schema = SchemaLoader.loadDefault();
    final MemoryStore store = new MemoryStore(schema);
    final SecurityModel model;
    final RowFacts facts = new RowFacts(schema);

    DemoSecurity() {
        List<Mutation> puts = DemoOrganisation.build(schema).rows().stream().<Mutation>map(Mutation.Put::new).toList();
        store.apply(puts);
        model = new SecurityModelLoader(RoleCatalog.loadDefault()).load(store, 1);
    }
}

package io.ppmlab.emulator.fuzz;

import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.access.SecurityGuard;
import io.ppmlab.emulator.access.SecurityModelLoader;
import io.ppmlab.emulator.access.SecurityState;
import io.ppmlab.emulator.access.SecurityTablesWatch;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.ServiceModel;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.payload.RowWriter;
import io.ppmlab.emulator.query.QueryEngine;
import io.ppmlab.emulator.query.index.IndexedStore;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import io.ppmlab.schema.Table;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the query fuzz tests run against, built once per JVM (a fuzzing run calls a target hundreds of thousands
 * of times): the demo organisation in a memory store behind the query engine's indexes, the real security
 * evaluator over the demo's roles, and the URI parser, wired as the server wires them. The parser-only targets
 * use {@link #SCHEMA} and {@link #PARSER} alone, so their JVMs load (and Jazzer instruments) no more than they test.
 */
final class FuzzLab {
    static final Schema SCHEMA = SchemaLoader.loadDefault();
    static final UriParser PARSER = new UriParser(ServiceModel.of(SCHEMA));

    /** An administrator (Organization reach everywhere) and a project user (own rows and shares only). */
    static final List<Caller> CALLERS = List.of(caller("admin"), caller("projectuser"));

    final QueryEngine engine;

    /** The lab, built on first use. */
    static FuzzLab lab() { return Holder.LAB; }

    private static final class Holder {
        static final FuzzLab LAB = new FuzzLab();
    }

    private FuzzLab() {
        SecurityTablesWatch watch = new SecurityTablesWatch(new MemoryStore(SCHEMA));
        IndexedStore store = new IndexedStore(watch, SCHEMA);
        store.apply(DemoOrganisation.build(SCHEMA).rows().stream().<Mutation>map(Mutation.Put::new).toList());
        SecurityState security = new SecurityState(store, new SecurityModelLoader(RoleCatalog.loadDefault()));
        watch.notify(security);
        RowWriter writer = new RowWriter(ref -> store.get(ref.table(), ref.id())
                .map(r -> SCHEMA.table(ref.table()).map(Table::primaryNameColumn).map(r::get).map(Object::toString).orElse(null)));
        engine = new QueryEngine(new QueryEngine.Wiring(SCHEMA, store, store, new SecurityGuard(SCHEMA, security, store), writer, PARSER,
                Clock.fixed(Instant.parse("2025-03-15T12:00:00Z"), ZoneOffset.UTC)));
    }

    static Table table(String name) { return SCHEMA.table(name).orElseThrow(); }

    private static Caller caller(String user) {
        return Caller.of(DemoOrganisation.userId(user), DemoOrganisation.businessUnitId(DemoOrganisation.demoUser(user).businessUnit()));
    }
}

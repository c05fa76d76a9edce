package io.ppmlab.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.datasets.Organisation;
import io.ppmlab.emulator.access.ReadAccess;
import io.ppmlab.emulator.access.RowFacts;
import io.ppmlab.emulator.api.ApiResponse;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.ServiceModel;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.payload.RowWriter;
import io.ppmlab.emulator.query.index.IndexSource;
import io.ppmlab.emulator.query.index.IndexedStore;
import io.ppmlab.emulator.query.list.SkipTokens;
import io.ppmlab.emulator.security.ReadScope;
import io.ppmlab.emulator.security.RowSecurity;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import io.ppmlab.schema.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The demo organisation in a memory store behind an {@link IndexedStore}, a query engine over it, and
 * hand-made read scopes for users of different depths (the security package's evaluator is tested elsewhere;
 * here what matters is that the engine honours whatever scope it is given, on every path).
 */
final class QueryFixture {
    static final Schema SCHEMA = SchemaLoader.loadDefault();
    static final Organisation ORG = DemoOrganisation.build(SCHEMA);
    static final ServiceModel MODEL = ServiceModel.of(SCHEMA);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2025-03-15T12:00:00Z");

    final IndexedStore store;
    final UriParser parser = new UriParser(MODEL);
    final SkipTokens tokens = new SkipTokens("fixture-key-0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));

    QueryFixture() { this(true); }

    QueryFixture(boolean load) { this(load, io.ppmlab.emulator.query.index.TableIndex.DEFAULT_COLUMNS); }

    QueryFixture(boolean load, io.ppmlab.emulator.query.index.TableIndex.ColumnChoice columns) {
        store = new IndexedStore(new MemoryStore(SCHEMA), SCHEMA, columns);
        if (load) {
            List<Mutation> puts = new ArrayList<>();
            for (Row r : ORG.rows()) puts.add(new Mutation.Put(r));
            store.apply(puts);
        }
    }

    QueryEngine engine(ReadAccess access) { return engine(access, store, store); }

    QueryEngine engine(ReadAccess access, Store s, IndexSource indexes) {
        RowWriter writer = new RowWriter(ref -> s.get(ref.table(), ref.id())
                .map(r -> SCHEMA.table(ref.table()).map(Table::primaryNameColumn).map(r::get).map(Object::toString).orElse(null)));
        return new QueryEngine(new QueryEngine.Wiring(SCHEMA, s, indexes, access, writer, parser, Clock.fixed(NOW, ZoneOffset.UTC)), tokens);
    }

    QueryEngine engineWithRandomKey(ReadAccess access) {
        RowWriter writer = new RowWriter(ref -> java.util.Optional.empty());
        return new QueryEngine(new QueryEngine.Wiring(SCHEMA, store, store, access, writer, parser, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static Caller caller(String local) {
        DemoOrganisation.DemoUser u = DemoOrganisation.demoUser(local);
        return Caller.of(DemoOrganisation.userId(u.upn()), DemoOrganisation.businessUnitId(u.businessUnit()));
    }

    static UUID id(String table, String name) { return DemoOrganisation.recordId(table, name); }

    static Table table(String name) { return SCHEMA.table(name).orElseThrow(); }

    /** Every row readable. */
    static ReadAccess organization() { return new AllReadable(SCHEMA); }

    /** Business Unit depth on user-owned tables (own BU, own rows and own teams' rows, shares); all of the rest. */
    static ReadAccess businessUnit() { return scoped((caller, table) -> new ReadScope(table, false, owners(caller), Set.of(caller.businessUnitId()), shares(caller), Set.of())); }

    /** User depth: own rows, own teams' rows, rows shared with the user. */
    static ReadAccess user() { return scoped((caller, table) -> new ReadScope(table, false, owners(caller), Set.of(), shares(caller), Set.of())); }

    /** A caller with no Read privilege on {@code denied}, Organization on the rest. */
    static ReadAccess without(String denied) {
        return scoped((caller, table) -> table.equals(denied) ? ReadScope.nothing(table)
                : new ReadScope(table, true, Set.of(), Set.of(), Set.of(), Set.of()));
    }

    static ReadAccess scoped(BiFunction<Caller, String, ReadScope> userOwned) {
        RowFacts facts = new RowFacts(SCHEMA);
        return new ReadAccess() {
            @Override public ReadScope scope(Caller caller, String table) {
                if (!SCHEMA.table(table).orElseThrow().userOwned()) return new ReadScope(table, true, Set.of(), Set.of(), Set.of(), Set.of());
                return userOwned.apply(caller, table);
            }

            @Override public RowSecurity facts(Row row) { return facts.of(row); }
        };
    }

    /** The user and the teams the demo puts them in. */
    static Set<UUID> owners(Caller caller) {
        Set<UUID> ids = new HashSet<>();
        ids.add(caller.userId());
        for (Row m : ORG.rows("teammembership")) {
            if (m.ref("systemuserid").id().equals(caller.userId())) ids.add(m.ref("teamid").id());
        }
        return ids;
    }

    static Set<UUID> shares(Caller caller) {
        Set<UUID> ids = new HashSet<>();
        for (Row s : ORG.rows("principalobjectaccess")) {
            if (s.get("principalid").equals(caller.userId())) ids.add((UUID) s.get("objectid"));
        }
        return ids;
    }

    static JsonNode json(ApiResponse r) {
        try {
            return JSON.readTree(new String(r.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(ApiResponse r) { return new String(r.body(), StandardCharsets.UTF_8); }

    /** The values of one property across the "value" array, in order. */
    static List<String> values(ApiResponse r, String property) {
        List<String> out = new ArrayList<>();
        json(r).path("value").forEach(v -> out.add(v.path(property).asText(null)));
        return out;
    }

    static Map<String, String> prefer(String value) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Prefer", value);
        return h;
    }
}

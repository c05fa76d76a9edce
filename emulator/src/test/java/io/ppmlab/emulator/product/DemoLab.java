package io.ppmlab.emulator.product;

import io.ppmlab.emulator.query.index.Children;
import io.ppmlab.datasets.DemoOrganisation;
import io.ppmlab.emulator.access.SecurityModelLoader;
import io.ppmlab.emulator.access.SecurityState;
import io.ppmlab.emulator.access.SecurityTablesWatch;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.clock.LabClock;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.operations.VersionSequence;
import io.ppmlab.emulator.query.index.IndexSource;
import io.ppmlab.emulator.query.index.IndexedStore;
import io.ppmlab.emulator.store.MemoryStore;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;
import io.ppmlab.schema.Table;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo organisation in a {@link MemoryStore} with the product's rules, and writes that go the way
 * {@code RowOperations} sends them (system columns, beforeCreate, one apply with the rules' mutations),
 * without the security guard. {@code indexed} puts the query engine's {@link IndexedStore} underneath, so
 * cascades answer from indexes instead of scans.
 */
final class DemoLab {
    static final Schema SCHEMA = SchemaLoader.loadDefault();
    private static final List<Row> DEMO_ROWS = DemoOrganisation.build(SCHEMA).rows();

    final LabClock clock = new LabClock(Clock.fixed(Instant.parse("2025-02-03T09:00:00Z"), ZoneOffset.UTC));
    final Store store;
    final SecurityState security;
    final SystemColumns system;
    final Children children;
    final ProductRules rules;
    final Caller admin = caller("admin");

    DemoLab(boolean indexed) {
        SecurityTablesWatch watch = new SecurityTablesWatch(new MemoryStore(SCHEMA));
        IndexedStore indexes = indexed ? new IndexedStore(watch, SCHEMA) : null;
        store = indexed ? indexes : watch;
        store.apply(DEMO_ROWS.stream().<Mutation>map(Mutation.Put::new).toList());
        security = new SecurityState(store, new SecurityModelLoader(RoleCatalog.loadDefault()));
        watch.notify(security);
        system = new SystemColumns(store, clock, VersionSequence.inMemory());
        children = new Children(store, indexed ? indexes : IndexSource.NONE);
        rules = new ProductRules(new ProductRules.Parts(SCHEMA, store, system, children, new OwnerReadCheck(security),
                new AssignedToShares(SCHEMA, store, system, security)));
    }

    static Caller caller(String user) {
        return Caller.of(DemoOrganisation.userId(user), DemoOrganisation.businessUnitId(DemoOrganisation.demoUser(user).businessUnit()));
    }

    static Table table(String name) { return SCHEMA.table(name).orElseThrow(); }

    static EntityRef ref(String table, UUID id) { return new EntityRef(table, id); }

    static EntityRef record(String table, String name) { return ref(table, DemoOrganisation.recordId(table, name)); }

    static EntityRef team(String name) { return ref("team", DemoOrganisation.teamId(name)); }

    static EntityRef user(String name) { return ref("systemuser", DemoOrganisation.userId(name)); }

    static Map<String, Object> vals(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    Row create(Caller caller, String table, Map<String, Object> values) {
        Table t = table(table);
        Row row = rules.beforeCreate(caller, t, system.forCreate(t, UUID.randomUUID(), values, caller));
        apply(new Mutation.Put(row), rules.alongside(caller, t, Optional.empty(), row));
        return row;
    }

    Row update(Caller caller, EntityRef target, Map<String, Object> changes) {
        Table t = table(target.table());
        Row before = get(target);
        Row after = system.forUpdate(t, before, changes, caller);
        apply(new Mutation.Put(after), rules.alongside(caller, t, Optional.of(before), after));
        return get(target);
    }

    void delete(Caller caller, EntityRef target) {
        Table t = table(target.table());
        Row row = get(target);
        apply(new Mutation.Delete(target.table(), target.id()), rules.onDelete(caller, t, row));
    }

    Row get(EntityRef ref) { return store.get(ref.table(), ref.id()).orElseThrow(() -> new AssertionError("no " + ref)); }

    Optional<Row> find(EntityRef ref) { return store.get(ref.table(), ref.id()); }

    List<Row> rows(String table, String column, UUID id) { return children.referencing(table, column, id); }

    /** The principalobjectaccess rows of one row. */
    List<Row> shares(UUID rowId) { return rows("principalobjectaccess", "objectid", rowId); }

    /** The users a row is shared with (from its POA rows). */
    List<UUID> sharedWith(UUID rowId) {
        List<UUID> out = new ArrayList<>();
        shares(rowId).forEach(p -> out.add((UUID) p.get("principalid")));
        return out;
    }

    private void apply(Mutation first, List<Mutation> more) {
        List<Mutation> all = new ArrayList<>();
        all.add(first);
        all.addAll(more);
        store.apply(all);
    }
}

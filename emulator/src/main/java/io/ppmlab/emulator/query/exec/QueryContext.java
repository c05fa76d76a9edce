package io.ppmlab.emulator.query.exec;

import io.ppmlab.emulator.access.ReadAccess;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.odata.ODataErrors;
import io.ppmlab.emulator.query.filter.EvalContext;
import io.ppmlab.emulator.query.filter.Values;
import io.ppmlab.emulator.query.index.IndexSource;
import io.ppmlab.emulator.query.index.TableIndex;
import io.ppmlab.emulator.security.ReadScope;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Column;
import io.ppmlab.schema.ColumnType;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everything one request evaluates against, computed at most once per request: the caller's read scope of each
 * table it touches (the only security question asked), rows fetched through lookups, the caller's teams,
 * hierarchy sets. Not thread-safe: one per request.
 */
public final class QueryContext implements EvalContext {
    private static final Row MISSING = new Row("$missing", new UUID(0, 0), Map.of());

    private final Engine engine;
    private final Caller caller;
    private final Instant now;
    private final Map<String, ReadScope> scopes = new HashMap<>();
    private final Map<EntityRef, Row> fetched = new HashMap<>();
    private final Map<String, Map<UUID, List<Row>>> childrenByScan = new HashMap<>();
    private final Map<String, Map<Object, List<Row>>> valuesByScan = new HashMap<>();
    private Set<UUID> teams;

    /** The request-independent services a context reads from. */
    public record Engine(Schema schema, Store store, IndexSource indexes, ReadAccess access) {}

    public QueryContext(Engine engine, Caller caller, Instant now) {
        this.engine = engine;
        this.caller = caller;
        this.now = now;
    }

    public Schema schema() { return engine.schema(); }

    public Store store() { return engine.store(); }

    public Optional<TableIndex> index(String table) { return engine.indexes().index(table); }

    @Override public Caller caller() { return caller; }

    @Override public Instant now() { return now; }

    /** The caller's read scope of a table, asked of the security model once per request. */
    public ReadScope scope(String table) {
        ReadScope s = scopes.get(table);
        if (s == null) {
            s = engine.access().scope(caller, table);
            scopes.put(table, s);
        }
        return s;
    }

    @Override
    public boolean readable(Row row) {
        ReadScope s = scope(row.table());
        return s.all() || (!s.isEmpty() && s.canRead(engine.access().facts(row)));
    }

    @Override
    public Row fetch(EntityRef ref) {
        Row row = fetched.get(ref);
        if (row == null) {
            row = engine.schema().table(ref.table()).isPresent() ? engine.store().get(ref.table(), ref.id()).orElse(MISSING) : MISSING;
            fetched.put(ref, row);
        }
        return row == MISSING ? null : row;
    }

    /** A row by id if it exists and the caller may read it. */
    public Row readableRow(String table, UUID id) {
        Row row = fetch(new EntityRef(table, id));
        return row != null && readable(row) ? row : null;
    }

    @Override
    public List<Row> children(Relationship relationship, UUID parentId) {
        List<Row> out = new ArrayList<>();
        for (Row child : rowsWith(relationship.referencingTable(), relationship.lookupColumn(), parentId)) {
            if (readable(child)) out.add(child);
        }
        return out;
    }

    /**
     * Rows (readable or not) whose {@code column} equals {@code value}: through the index for lookups, else by
     * one scan per request and column, grouped by value.
     */
    public List<Row> rowsWhere(String table, String column, Object value) {
        Object v = value instanceof EntityRef ref ? ref.id() : value;
        Column c = engine.schema().table(table).flatMap(t -> t.column(column)).orElse(null);
        if (c != null && c.type() == ColumnType.LOOKUP && v instanceof UUID id) return rowsWith(table, column, id);
        Map<Object, List<Row>> grouped = valuesByScan.computeIfAbsent(table + "\u0000" + column, k -> {
            Map<Object, List<Row>> g = new HashMap<>();
            engine.store().scan(table, r -> {
                Object x = r.get(column);
                if (x != null) g.computeIfAbsent(Values.key(x), y -> new ArrayList<>()).add(r);
            });
            g.values().forEach(l -> l.sort(Comparator.comparing(Row::id)));
            return g;
        });
        return grouped.getOrDefault(Values.key(v), List.of());
    }

    /** Rows (readable or not) whose lookup {@code column} points at {@code id}, in id order. */
    public List<Row> rowsWith(String table, String column, UUID id) {
        Optional<TableIndex> index = index(table);
        if (index.isPresent() && index.get().indexed(column)) {
            List<Row> out = new ArrayList<>();
            Iterator<UUID> ids = index.get().bucket(column, id).after(null);
            while (ids.hasNext()) {
                Row r = engine.store().get(table, ids.next()).orElse(null);
                if (r != null && r.ref(column) != null && r.ref(column).id().equals(id)) out.add(r);
            }
            return out;
        }
        // No index: one scan per request and column, grouped by the lookup's value.
        Map<UUID, List<Row>> grouped = childrenByScan.computeIfAbsent(table + "\u0000" + column, k -> {
            Map<UUID, List<Row>> g = new HashMap<>();
            engine.store().scan(table, r -> {
                EntityRef ref = r.ref(column);
                if (ref != null) g.computeIfAbsent(ref.id(), x -> new ArrayList<>()).add(r);
            });
            g.values().forEach(l -> l.sort(Comparator.comparing(Row::id)));
            return g;
        });
        return grouped.getOrDefault(id, List.of());
    }

    @Override
    public Set<UUID> userTeams() {
        if (teams == null) {
            Set<UUID> found = new LinkedHashSet<>();
            if (engine.schema().table("teammembership").isPresent()) {
                for (Row m : rowsWith("teammembership", "systemuserid", caller.userId())) {
                    EntityRef team = m.ref("teamid");
                    if (team != null) found.add(team.id());
                }
            }
            teams = Collections.unmodifiableSet(found);
        }
        return teams;
    }

    @Override
    public Set<UUID> hierarchy(String table, UUID id, boolean above, boolean inclusive) {
        Table t = engine.schema().table(table).orElseThrow(() -> ODataErrors.resourceNotFound(table));
        String parent = t.columns().stream()
                .filter(c -> c.type() == ColumnType.LOOKUP && c.targets().equals(List.of(table)))
                .map(Column::name).findFirst()
                .orElseThrow(() -> ODataErrors.syntax("The table " + table + " has no hierarchical relationship."));
        Set<UUID> out = new LinkedHashSet<>();
        if (inclusive) out.add(id);
        if (above) {
            Row r = fetch(new EntityRef(table, id));
            for (int steps = 0; r != null && steps < 10_000; steps++) {
                EntityRef up = r.ref(parent);
                if (up == null || up.id().equals(id) || !out.add(up.id())) break; // a cycle ends the walk
                r = fetch(up);
            }
            if (!inclusive) out.remove(id);
            return out;
        }
        Deque<UUID> todo = new ArrayDeque<>(List.of(id));
        Set<UUID> seen = new LinkedHashSet<>(List.of(id));
        while (!todo.isEmpty()) {
            for (Row child : rowsWith(table, parent, todo.poll())) {
                if (seen.add(child.id())) {
                    out.add(child.id());
                    todo.add(child.id());
                }
            }
        }
        return out;
    }
}

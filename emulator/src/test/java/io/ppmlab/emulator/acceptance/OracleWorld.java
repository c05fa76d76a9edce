package io.ppmlab.emulator.acceptance;

import io.ppmlab.emulator.access.RowFacts;
import io.ppmlab.emulator.access.SecurityModelLoader;
import io.ppmlab.emulator.security.Decision;
import io.ppmlab.emulator.security.ReferenceEvaluator;
import io.ppmlab.emulator.security.SecurityModel;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.roles.Privilege;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organisation as the leak oracle sees it: every row of the queried tables read straight from the store,
 * and, per user, the rows the slow {@link ReferenceEvaluator} says that user may read. Nothing here goes
 * through the emulator's query engine or its fast evaluator: it is what their answers are compared with.
 */
final class OracleWorld {
    /** The tables the oracle queries: headline records, registers under them, and resources (Business Unit depth). */
    static final List<String> TABLES = List.of("sensei_portfolio", "sensei_program", "sensei_project", "sensei_risk",
            "sensei_issue", "sensei_changerequest", "bookableresource");

    final Schema schema;
    final SecurityModel model;
    private final RowFacts facts;
    private final Map<String, Map<UUID, Row>> rows = new LinkedHashMap<>();
    private final Map<UUID, View> views = new ConcurrentHashMap<>();
    private final Map<List<UUID>, View> impersonations = new ConcurrentHashMap<>();

    OracleWorld(Schema schema, Store store) {
        this.schema = schema;
        this.facts = new RowFacts(schema);
        this.model = new SecurityModelLoader(RoleCatalog.loadDefault()).load(store, 1);
        for (String t : TABLES) {
            Map<UUID, Row> byId = new LinkedHashMap<>();
            store.scan(t, r -> byId.put(r.id(), r));
            rows.put(t, byId);
        }
    }

    Table table(String name) { return schema.table(name).orElseThrow(); }

    List<Row> rows(String table) { return new ArrayList<>(rows.get(table).values()); }

    Row row(String table, UUID id) { return rows.get(table).get(id); }

    /** 1:N relationships with both ends among the oracle's tables. */
    List<Relationship> relationships() {
        return schema.relationships().stream()
                .filter(r -> TABLES.contains(r.referencedTable()) && TABLES.contains(r.referencingTable())).toList();
    }

    View view(UUID userId) { return views.computeIfAbsent(userId, id -> new View(id, null)); }

    /** What {@code realCaller} sees acting as {@code userId} ({@code MSCRMCallerID}): the reference's impersonation check. */
    View impersonated(UUID realCaller, UUID userId) {
        return impersonations.computeIfAbsent(List.of(realCaller, userId), k -> new View(userId, realCaller));
    }

    /** What one user may read, table by table, decided row by row by the reference evaluator (computed on first use). */
    final class View {
        final UUID userId;
        /** The signed-in caller acting as {@code userId}, or null when the user signed in itself. */
        private final UUID realCaller;
        private final Map<String, Set<UUID>> readable = new ConcurrentHashMap<>();
        private final Map<String, Boolean> privileged = new ConcurrentHashMap<>();

        private View(UUID userId, UUID realCaller) {
            this.userId = userId;
            this.realCaller = realCaller;
        }

        private Decision read(Row r) {
            return realCaller == null ? ReferenceEvaluator.check(model, userId, facts.of(r), Privilege.READ)
                    : ReferenceEvaluator.check(model, realCaller, userId, facts.of(r), Privilege.READ);
        }

        boolean canRead(String table, UUID id) { return readable(table).contains(id); }

        /** Whether any role of the user (or of its teams) holds Read on the table at all: without it a query is refused. */
        boolean privileged(String table) {
            return privileged.computeIfAbsent(table, t -> {
                Row any = rows.get(t).values().iterator().next();
                Decision d = read(any);
                return !(d instanceof Decision.Denied denied && denied.kind() == Decision.DenialKind.MISSING_PRIVILEGE);
            });
        }

        Set<UUID> readable(String table) {
            return readable.computeIfAbsent(table, t -> {
                Set<UUID> out = new HashSet<>();
                for (Row r : rows.get(t).values()) {
                    if (read(r).allowed()) out.add(r.id());
                }
                return out;
            });
        }

        /** The readable rows of {@code table}, in store order. */
        List<Row> readableRows(String table) {
            Set<UUID> ids = readable(table);
            return rows.get(table).values().stream().filter(r -> ids.contains(r.id())).toList();
        }
    }
}

package io.ppmlab.emulator.product;

import io.ppmlab.emulator.query.index.Children;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.schema.Cascade;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Relationship;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Dataverse's cascades over the schema's relationships, plus the product's headline → register link:
 * which rows an assign carries along, and what a delete takes with it (parental children, recursively),
 * clears (referential lookups) or is refused by (restrict). Walks level by level with one
 * {@link Children} question per relationship and level, never one per row, and visits each row once.
 */
public final class Cascades {
    private static final Set<String> AUDIT_LOOKUPS = Set.of("createdby", "modifiedby", "createdonbehalfby", "modifiedonbehalfby");
    /** Copies of the owner: asked through {@code ownerid} (the same id, and indexed), and a delete is refused while they point. */
    private static final Set<String> OWNER_COPIES = Set.of("owninguser", "owningteam");
    private static final String POA = "principalobjectaccess";

    private final Schema schema;
    private final Children children;
    private final Registers registers;
    private final SystemColumns system;
    private final Map<String, List<Relationship>> referencing = new HashMap<>();

    public Cascades(Schema schema, Children children, Registers registers, SystemColumns system) {
        this.schema = schema;
        this.children = children;
        this.registers = registers;
        this.system = system;
        for (Relationship r : schema.relationships()) {
            if (AUDIT_LOOKUPS.contains(r.lookupColumn())) continue; // Dataverse keeps who created a row; never cleared or restricted
            referencing.computeIfAbsent(r.referencedTable(), k -> new ArrayList<>()).add(r);
        }
    }

    /**
     * The user/team-owned rows that follow {@code root} when it is assigned: its parental descendants and,
     * for a headline record, the registers whose headline it is (and their parental descendants).
     */
    public List<Row> assignTargets(Row root) {
        Map<UUID, Row> found = new LinkedHashMap<>();
        Set<UUID> seen = new LinkedHashSet<>(List.of(root.id()));
        List<Row> level = List.of(root);
        while (!level.isEmpty()) {
            List<Row> next = new ArrayList<>();
            byTable(level).forEach((table, ids) -> {
                for (Relationship r : referencing.getOrDefault(table, List.of())) {
                    if (r.cascade() != Cascade.PARENTAL) continue;
                    for (Row child : children.referencing(r.referencingTable(), r.lookupColumn(), ids)) visit(child, seen, next);
                }
                if (Registers.HEADLINES.contains(table)) {
                    registers.lookupsTo(table).forEach((registerTable, columns) -> {
                        for (String column : columns) {
                            for (Row reg : children.referencing(registerTable, column, ids)) {
                                EntityRef headline = registers.headlineOf(reg);
                                if (headline != null && headline.table().equals(table) && ids.contains(headline.id())) visit(reg, seen, next);
                            }
                        }
                    });
                }
            });
            for (Row r : next) if (userOwned(r.table())) found.put(r.id(), r);
            level = next;
        }
        return new ArrayList<>(found.values());
    }

    /**
     * What deleting {@code root} takes along, in order: cleared lookups (Puts), deleted descendants, and the
     * shares of every deleted row and of every deleted principal. Throws 405 while a restricting child
     * (or, for a user, team or business unit, an owned row) outside the deletion remains.
     */
    public List<Mutation> delete(Caller caller, Row root) {
        Map<UUID, Row> doomed = new LinkedHashMap<>();
        doomed.put(root.id(), root);
        Map<UUID, Map<String, Object>> clears = new LinkedHashMap<>();
        Map<UUID, Row> clearedRows = new HashMap<>();
        List<Row[]> blockers = new ArrayList<>(); // {child, parent}
        List<Row> level = List.of(root);
        while (!level.isEmpty()) {
            List<Row> next = new ArrayList<>();
            Map<UUID, Row> byId = new HashMap<>();
            level.forEach(r -> byId.put(r.id(), r));
            byTable(level).forEach((table, ids) -> {
                for (Relationship r : referencing.getOrDefault(table, List.of())) {
                    boolean ownerCopy = OWNER_COPIES.contains(r.lookupColumn());
                    String column = ownerCopy ? "ownerid" : r.lookupColumn();
                    for (Row child : children.referencing(r.referencingTable(), column, ids)) {
                        EntityRef parent = child.ref(column);
                        if (ownerCopy && !parent.table().equals(table)) continue;
                        if (r.cascade() == Cascade.PARENTAL && !ownerCopy) {
                            if (doomed.putIfAbsent(child.id(), child) == null) next.add(child);
                        } else if (r.cascade() == Cascade.REFERENTIAL && !ownerCopy && !r.lookupColumn().equals("owningbusinessunit")) {
                            clears.computeIfAbsent(child.id(), k -> new LinkedHashMap<>()).put(r.lookupColumn(), null);
                            clearedRows.putIfAbsent(child.id(), child);
                        } else {
                            blockers.add(new Row[]{child, byId.get(parent.id())});
                        }
                    }
                }
            });
            level = next;
        }
        for (Row[] b : blockers) {
            if (!doomed.containsKey(b[0].id())) throw refusal(b[1], b[0]);
        }
        List<Mutation> out = new ArrayList<>();
        clears.forEach((id, columns) -> {
            if (doomed.containsKey(id)) return;
            Row child = clearedRows.get(id);
            out.add(new Mutation.Put(system.forUpdate(table(child.table()), child, columns, caller)));
        });
        doomed.values().stream().skip(1).forEach(r -> out.add(new Mutation.Delete(r.table(), r.id())));
        out.addAll(sharesOf(doomed));
        return out;
    }

    /** Every share of a deleted row, and every share made to a deleted user or team. */
    private List<Mutation> sharesOf(Map<UUID, Row> doomed) {
        Set<UUID> principals = new LinkedHashSet<>();
        doomed.values().forEach(r -> { if (r.table().equals("systemuser") || r.table().equals("team")) principals.add(r.id()); });
        Set<UUID> rows = new LinkedHashSet<>(doomed.keySet());
        rows.removeIf(id -> doomed.get(id).table().equals(POA));
        Map<UUID, Mutation> out = new LinkedHashMap<>();
        for (Row poa : children.referencing(POA, "objectid", rows)) out.put(poa.id(), new Mutation.Delete(POA, poa.id()));
        for (Row poa : children.referencing(POA, "principalid", principals)) out.putIfAbsent(poa.id(), new Mutation.Delete(POA, poa.id()));
        return new ArrayList<>(out.values());
    }

    private RuntimeException refusal(Row parent, Row child) {
        if (parent.table().equals("team") && child.ref("ownerid") != null && child.ref("ownerid").id().equals(parent.id())) {
            return ErrorCode.CANNOT_DELETE_TEAM_OWNING_RECORDS.error(parent.id(), child.table(), child.id());
        }
        return ErrorCode.CANNOT_DELETE_DUE_TO_ASSOCIATION.error(parent.table(), parent.id(), child.table(), child.id());
    }

    private static void visit(Row row, Set<UUID> seen, List<Row> next) {
        if (seen.add(row.id())) next.add(row);
    }

    private static Map<String, Set<UUID>> byTable(List<Row> rows) {
        Map<String, Set<UUID>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent(r.table(), k -> new LinkedHashSet<>()).add(r.id()));
        return out;
    }

    private boolean userOwned(String table) { return schema.table(table).map(Table::userOwned).orElse(false); }

    private Table table(String name) {
        return schema.table(name).orElseThrow(() -> new IllegalStateException("unknown table " + name));
    }
}

package io.ppmlab.emulator.seed;

import io.ppmlab.datasets.generator.RowSink;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Watches a generated row stream and keeps small samples of row references to test personas against:
 * a random sample per table, the first rows each owner owns, the first rows of each business unit per
 * table, and the rows shared with each user. Only ids are kept (rows are read back from the store), so
 * the samples stay a few megabytes at the limits. Deterministic for a given seed and stream.
 */
final class RowSampler implements RowSink {
    /** The tables persona samples come from: product tables a role reaches at different depths. */
    static final Set<String> TABLES = Set.of("sensei_portfolio", "sensei_program", "sensei_project", "sensei_risk", "sensei_issue",
            "sensei_task", "sensei_statusupdate", "sensei_changerequest", "sensei_proposal", "sensei_idea", "sensei_challenge",
            "sensei_strategictheme", "sensei_strategicgoal", "bookableresource", "sensei_enterprisecalendar",
            "sensei_resourcecapacity", "sensei_resourcedemand", "sensei_timesheet");
    private static final int PER_TABLE = 64;
    private static final int PER_OWNER = 4;
    private static final int PER_UNIT_TABLE = 3;
    private static final int PER_SHARE_USER = 3;

    private final Random random;
    private final Map<String, List<EntityRef>> byTable = new LinkedHashMap<>();
    private final Map<String, long[]> seen = new HashMap<>();
    private final Map<UUID, List<EntityRef>> byOwner = new HashMap<>();
    private final Map<String, List<EntityRef>> byUnitTable = new HashMap<>();
    private final Map<UUID, List<EntityRef>> sharedWith = new HashMap<>();

    RowSampler(long seed) { this.random = new Random(seed); }

    @Override
    public void accept(Row row) {
        if (row.table().equals("principalobjectaccess")) {
            Object user = row.get("principalid");
            if (user instanceof UUID u && row.get("objectid") instanceof UUID id && TABLES.contains(String.valueOf(row.get("objecttypecode")))) {
                add(sharedWith.computeIfAbsent(u, k -> new ArrayList<>()), new EntityRef((String) row.get("objecttypecode"), id), PER_SHARE_USER);
            }
            return;
        }
        if (!TABLES.contains(row.table())) return;
        EntityRef ref = new EntityRef(row.table(), row.id());
        reservoir(row.table(), ref);
        EntityRef owner = row.ref("ownerid");
        if (owner != null) add(byOwner.computeIfAbsent(owner.id(), k -> new ArrayList<>()), ref, PER_OWNER);
        EntityRef unit = row.ref("owningbusinessunit");
        if (unit != null) add(byUnitTable.computeIfAbsent(unit.id() + "/" + row.table(), k -> new ArrayList<>()), ref, PER_UNIT_TABLE);
    }

    private void reservoir(String table, EntityRef ref) {
        List<EntityRef> sample = byTable.computeIfAbsent(table, k -> new ArrayList<>());
        long n = ++seen.computeIfAbsent(table, k -> new long[1])[0];
        if (sample.size() < PER_TABLE) {
            sample.add(ref);
        } else {
            long j = (long) (random.nextDouble() * n);
            if (j < PER_TABLE) sample.set((int) j, ref);
        }
    }

    private static void add(List<EntityRef> list, EntityRef ref, int cap) {
        if (list.size() < cap) list.add(ref);
    }

    /** A random sample of the table's rows (up to 64). */
    List<EntityRef> random(String table) { return byTable.getOrDefault(table, List.of()); }

    /** The first rows (of the sampled tables) the user or team owns. */
    List<EntityRef> ownedBy(UUID principal) { return byOwner.getOrDefault(principal, List.of()); }

    /** The first rows of a table in a business unit. */
    List<EntityRef> inUnit(UUID unit, String table) { return byUnitTable.getOrDefault(unit + "/" + table, List.of()); }

    /** Rows shared with a user (Assigned To shares). */
    List<EntityRef> sharedWith(UUID user) { return sharedWith.getOrDefault(user, List.of()); }

    List<String> tables() { return new ArrayList<>(byTable.keySet()); }
}

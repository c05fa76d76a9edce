package io.ppmlab.emulator.product;

import io.ppmlab.datasets.Ids;
import io.ppmlab.emulator.access.SecurityState;
import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.security.Principal;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * "Assigned To": a row whose assignee is neither its owner nor a member of its owning team is shared with
 * the assignee, Read and Write, that row only. The rule's shares have their own ids ({@link #shareId}), so
 * moving or clearing the assignee removes exactly the share this rule made and never one a user made.
 */
public final class AssignedToShares {
    public static final String COLUMN = "sensei_assignedto";
    /** Read | Write, as {@code DemoOrganisation.ASSIGNED_TO_SHARE_MASK}. */
    public static final int MASK = 1 | 2;
    private static final String POA = "principalobjectaccess";

    private final Store store;
    private final SystemColumns system;
    private final SecurityState security;
    private final Table poaTable;
    private final Set<String> tables = new HashSet<>();

    public AssignedToShares(Schema schema, Store store, SystemColumns system, SecurityState security) {
        this.store = store;
        this.system = system;
        this.security = security;
        this.poaTable = schema.table(POA).orElseThrow(() -> new IllegalArgumentException("the schema has no " + POA));
        for (Table t : schema.tables()) if (t.userOwned() && t.column(COLUMN).isPresent()) tables.add(t.logicalName());
    }

    /** The id of the share this rule gives {@code userId} on {@code rowId}. */
    public static UUID shareId(UUID rowId, UUID userId) { return Ids.of(POA, rowId + "|" + userId + "|assigned-to"); }

    /**
     * The id the demo dataset gives the same share ({@code DemoPortfolios.addAssignedToShares}); a share with
     * this id and the rule's mask counts as the rule's, so that reassigning a seeded row moves its share.
     */
    static UUID seededShareId(UUID rowId, UUID userId) { return Ids.of(POA, rowId + "|" + userId); }

    /** Whether the rule looks at rows of this table (user/team-owned, with an Assigned To column). */
    public boolean applies(String table) { return tables.contains(table); }

    /**
     * The share changes that take {@code before} (null on create) to {@code after}: the rule's share for
     * the assignee it now needs, and none for anyone else it may have shared the row with before.
     */
    public List<Mutation> reconcile(Caller caller, Row before, Row after) {
        UUID now = needed(after);
        Set<UUID> stale = new LinkedHashSet<>();
        if (before != null && before.ref(COLUMN) != null) stale.add(before.ref(COLUMN).id());
        if (after.ref(COLUMN) != null) stale.add(after.ref(COLUMN).id());
        if (now != null) stale.remove(now);
        List<Mutation> out = new ArrayList<>();
        for (UUID user : stale) out.addAll(remove(after.id(), user));
        if (now != null && !exists(after.id(), now)) out.add(new Mutation.Put(share(caller, after, now)));
        return out;
    }

    /** The user the row must be shared with, or null. */
    UUID needed(Row row) {
        EntityRef assignee = row.ref(COLUMN);
        if (assignee == null) return null;
        EntityRef owner = row.ref("ownerid");
        if (owner == null || owner.equals(assignee)) return null;
        if (owner.table().equals(Principal.TEAM_TABLE)
                && security.model().teamsOf(assignee.id()).stream().anyMatch(t -> t.id().equals(owner.id()))) return null;
        return assignee.id();
    }

    private boolean exists(UUID rowId, UUID userId) { return !ruleShares(rowId, userId).isEmpty(); }

    private List<Mutation> remove(UUID rowId, UUID userId) {
        List<Mutation> out = new ArrayList<>(2);
        for (UUID id : ruleShares(rowId, userId)) out.add(new Mutation.Delete(POA, id));
        return out;
    }

    /** The rule's stored shares of a row with a user: its own id, and a seeded one of the rule's exact shape. */
    private List<UUID> ruleShares(UUID rowId, UUID userId) {
        List<UUID> found = new ArrayList<>(2);
        if (store.get(POA, shareId(rowId, userId)).isPresent()) found.add(shareId(rowId, userId));
        UUID seeded = seededShareId(rowId, userId);
        store.get(POA, seeded).filter(poa -> Integer.valueOf(MASK).equals(poa.get("accessrightsmask"))).ifPresent(poa -> found.add(seeded));
        return found;
    }

    private Row share(Caller caller, Row row, UUID userId) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("objectid", row.id());
        v.put("objecttypecode", row.table());
        v.put("principalid", userId);
        v.put("principaltypecode", Principal.USER_TABLE);
        v.put("accessrightsmask", MASK);
        v.put("inheritedaccessrightsmask", 0);
        return system.forCreate(poaTable, shareId(row.id(), userId), v, caller);
    }

}

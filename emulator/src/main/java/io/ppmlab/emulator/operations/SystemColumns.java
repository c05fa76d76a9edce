package io.ppmlab.emulator.operations;

import io.ppmlab.emulator.api.Caller;
import io.ppmlab.emulator.errors.ErrorCode;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Table;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Fills the columns Dataverse maintains itself: created/modified on/by, on-behalf-of, version number,
 * state and status defaults, and the owner triple (ownerid, owninguser|owningteam, owningbusinessunit).
 */
public final class SystemColumns {
    private final Store store;
    private final Clock clock;
    private final VersionSequence versions;

    public SystemColumns(Store store, Clock clock, VersionSequence versions) {
        this.store = store;
        this.clock = clock;
        this.versions = versions;
    }

    /** A new row: client values plus every system column. */
    public Row forCreate(Table table, UUID id, Map<String, Object> values, Caller caller) {
        Instant now = clock.instant();
        LinkedHashMap<String, Object> row = new LinkedHashMap<>(Row.capacity(values.size() + 14));
        values.forEach((k, v) -> { if (v != null) row.put(k, v); });
        EntityRef me = new EntityRef("systemuser", caller.userId());
        row.put("createdon", now);
        row.put("modifiedon", now);
        row.put("createdby", me);
        row.put("modifiedby", me);
        caller.realCaller().ifPresent(real -> {
            row.put("createdonbehalfby", new EntityRef("systemuser", real));
            row.put("modifiedonbehalfby", new EntityRef("systemuser", real));
        });
        row.put("versionnumber", versions.next());
        row.putIfAbsent("statecode", 0);
        row.putIfAbsent("statuscode", (Integer) row.get("statecode") == 0 ? 1 : 2);
        if (table.userOwned()) putOwnerColumns(row, (EntityRef) row.getOrDefault("ownerid", me));
        return Row.adopt(table.logicalName(), id, row);
    }

    public Row forUpdate(Table table, Row existing, Map<String, Object> changes, Caller caller) {
        Map<String, Object> row = new LinkedHashMap<>(changes);
        row.put("modifiedon", clock.instant());
        row.put("modifiedby", new EntityRef("systemuser", caller.userId()));
        row.put("modifiedonbehalfby", caller.realCaller().map(real -> new EntityRef("systemuser", real)).orElse(null));
        row.put("versionnumber", versions.next());
        if (table.userOwned() && changes.containsKey("ownerid")) {
            EntityRef owner = (EntityRef) changes.get("ownerid");
            if (owner == null) throw ErrorCode.BAD_REQUEST.error("The owner of a " + table.logicalName() + " row cannot be cleared.");
            row.putAll(ownerColumns(owner));
        }
        return existing.with(row);
    }

    /** ownerid, owninguser or owningteam, and owningbusinessunit (the owner's business unit). */
    /** {@link #ownerColumns} written into a row being built, which holds no null values. */
    private void putOwnerColumns(Map<String, Object> row, EntityRef owner) {
        ownerColumns(owner).forEach((k, v) -> {
            if (v == null) row.remove(k);
            else row.put(k, v);
        });
    }

    private Object owningBusinessUnit(EntityRef owner) {
        return store.get(owner.table(), owner.id()).orElseThrow(() -> ErrorCode.OBJECT_DOES_NOT_EXIST.error(owner.table(), owner.id()))
                .get("businessunitid");
    }

    public Map<String, Object> ownerColumns(EntityRef owner) {
        Object bu = owningBusinessUnit(owner);
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("ownerid", owner);
        cols.put("owninguser", owner.table().equals("systemuser") ? owner : null);
        cols.put("owningteam", owner.table().equals("team") ? owner : null);
        cols.put("owningbusinessunit", bu);
        return cols;
    }
}

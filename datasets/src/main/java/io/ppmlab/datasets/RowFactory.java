package io.ppmlab.datasets;

import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Makes rows with their system columns filled as a Dataverse create would (created/modified on and by,
 * version, state, status, owner columns), deterministically: one creator, one instant, versions counted up.
 */
public final class RowFactory {
    /** Who owns a user/team-owned row, and the business unit the row then belongs to. */
    public record Owner(EntityRef principal, UUID businessUnit) {
        public Owner {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(businessUnit, "businessUnit");
            if (!principal.table().equals("systemuser") && !principal.table().equals("team")) {
                throw new IllegalArgumentException("an owner is a systemuser or a team, not " + principal.table());
            }
        }

        public static Owner user(UUID userId, UUID businessUnit) { return new Owner(new EntityRef("systemuser", userId), businessUnit); }

        public static Owner team(UUID teamId, UUID businessUnit) { return new Owner(new EntityRef("team", teamId), businessUnit); }
    }

    private final Schema schema;
    private final EntityRef creator;
    private final Instant createdOn;
    private long nextVersion;

    public RowFactory(Schema schema, UUID creatorUserId, Instant createdOn, long firstVersion) {
        this.schema = schema;
        this.creator = new EntityRef("systemuser", creatorUserId);
        this.createdOn = createdOn;
        this.nextVersion = firstVersion;
    }

    /** A row of an organization-owned table. {@code values} win over the defaults (e.g. statuscode). */
    public Row row(String table, UUID id, Map<String, Object> values) {
        Table t = table(table);
        if (t.userOwned()) throw new IllegalArgumentException(table + " is user/team-owned: give an owner");
        return new Row(table, id, merge(system(), values));
    }

    /** A row of a user/team-owned table. */
    public Row owned(String table, UUID id, Owner owner, Map<String, Object> values) {
        Table t = table(table);
        if (!t.userOwned()) throw new IllegalArgumentException(table + " is organization-owned: it has no owner");
        Map<String, Object> v = system();
        v.put("ownerid", owner.principal());
        v.put(owner.principal().table().equals("team") ? "owningteam" : "owninguser", owner.principal());
        v.put("owningbusinessunit", new EntityRef("businessunit", owner.businessUnit()));
        return new Row(table, id, merge(v, values));
    }

    private Table table(String name) {
        return schema.table(name).orElseThrow(() -> new IllegalArgumentException("unknown table " + name));
    }

    private Map<String, Object> system() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("createdon", createdOn);
        v.put("modifiedon", createdOn);
        v.put("createdby", creator);
        v.put("modifiedby", creator);
        v.put("versionnumber", nextVersion++);
        v.put("statecode", 0);
        v.put("statuscode", 1);
        return v;
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> values) {
        base.putAll(values);
        return base;
    }
}

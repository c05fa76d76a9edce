package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.RowFactory;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Makes rows with their system columns filled as a Dataverse create would, exactly as {@link RowFactory}
 * does (one creator, one instant, versions counted up from 1,000), and hands them to the sink. Its own
 * copy of that logic builds one map per row instead of three: the generator makes millions of rows.
 */
final class RowOut {
    private final Map<String, Boolean> userOwned = new HashMap<>();
    private final Schema schema;
    private final EntityRef creator;
    private final Instant createdOn;
    private final RowSink sink;
    private long nextVersion = 1_000;

    RowOut(Schema schema, UUID creator, Instant createdOn, RowSink sink) {
        this.schema = schema;
        this.creator = new EntityRef("systemuser", creator);
        this.createdOn = createdOn;
        this.sink = sink;
    }

    /** A row of an organization-owned table. {@code values} win over the defaults (e.g. statuscode). */
    Row org(String table, UUID id, Map<String, Object> values) {
        if (userOwned(table)) throw new IllegalArgumentException(table + " is user/team-owned: give an owner");
        Map<String, Object> v = system(values.size());
        v.putAll(values);
        return emit(new Row(table, id, v));
    }

    /** A row of a user/team-owned table. */
    Row owned(String table, UUID id, RowFactory.Owner owner, Map<String, Object> values) {
        if (!userOwned(table)) throw new IllegalArgumentException(table + " is organization-owned: it has no owner");
        Map<String, Object> v = system(values.size() + 3);
        v.put("ownerid", owner.principal());
        v.put(owner.principal().table().equals("team") ? "owningteam" : "owninguser", owner.principal());
        v.put("owningbusinessunit", new EntityRef("businessunit", owner.businessUnit()));
        v.putAll(values);
        return emit(new Row(table, id, v));
    }

    private Row emit(Row r) {
        sink.accept(r);
        return r;
    }

    private boolean userOwned(String table) {
        return userOwned.computeIfAbsent(table, t -> schema.table(t).map(Table::userOwned)
                .orElseThrow(() -> new IllegalArgumentException("unknown table " + t)));
    }

    private Map<String, Object> system(int more) {
        Map<String, Object> v = new LinkedHashMap<>(2 * (7 + more));
        v.put("createdon", createdOn);
        v.put("modifiedon", createdOn);
        v.put("createdby", creator);
        v.put("modifiedby", creator);
        v.put("versionnumber", nextVersion++);
        v.put("statecode", 0);
        v.put("statuscode", 1);
        return v;
    }

    static EntityRef ref(String table, UUID id) { return new EntityRef(table, id); }

    /** Column values from name/value pairs, in order; null values are left out. */
    static Map<String, Object> vals(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>(kv.length);
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

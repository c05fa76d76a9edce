package io.ppmlab.datasets;

import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The state the demo's parts share while they add rows: the factory, the rows so far, owners by name. */
final class DemoContext {
    private final RowFactory factory;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, RowFactory.Owner> ownerOfRecord = new HashMap<>();

    DemoContext(Schema schema) {
        this.factory = new RowFactory(schema, DemoOrganisation.userId("admin"), DemoOrganisation.CREATED_ON, 1_000);
    }

    List<Row> rows() { return rows; }

    Row org(String table, UUID id, Map<String, Object> values) { return add(factory.row(table, id, values)); }

    Row owned(String table, UUID id, RowFactory.Owner owner, Map<String, Object> values) {
        return add(factory.owned(table, id, owner, values));
    }

    /** A product row identified by its name, owned by {@code owner}; remembers the owner for its children. */
    Row named(String table, String name, RowFactory.Owner owner, Map<String, Object> values) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sensei_name", name);
        v.putAll(values);
        ownerOfRecord.put(table + "/" + name, owner);
        return owned(table, DemoOrganisation.recordId(table, name), owner, v);
    }

    /** The owner a row added by {@link #named} was given: registers copy their parent's owner. */
    RowFactory.Owner ownerOf(String table, String name) {
        RowFactory.Owner o = ownerOfRecord.get(table + "/" + name);
        if (o == null) throw new IllegalStateException("no " + table + " named " + name + " yet");
        return o;
    }

    private Row add(Row r) {
        rows.add(r);
        return r;
    }

    static RowFactory.Owner teamOwner(String teamName, String businessUnit) {
        return RowFactory.Owner.team(DemoOrganisation.teamId(teamName), DemoOrganisation.businessUnitId(businessUnit));
    }

    static RowFactory.Owner userOwner(String upnOrLocal) {
        DemoOrganisation.DemoUser u = DemoOrganisation.demoUser(upnOrLocal);
        return RowFactory.Owner.user(DemoOrganisation.userId(u.upn()), DemoOrganisation.businessUnitId(u.businessUnit()));
    }

    /** The M365 group team that owns a headline record (portfolio, program, project) of the same name. */
    static RowFactory.Owner groupOwner(String headlineName) {
        return teamOwner(headlineName, DemoOrganisation.businessUnitOf(headlineName));
    }

    static EntityRef ref(String table, UUID id) { return new EntityRef(table, id); }

    static EntityRef record(String table, String name) { return ref(table, DemoOrganisation.recordId(table, name)); }

    static EntityRef user(String upnOrLocal) { return ref("systemuser", DemoOrganisation.userId(upnOrLocal)); }

    static EntityRef usd() { return ref("transactioncurrency", Ids.of("transactioncurrency", "USD")); }

    static BigDecimal num(long value) { return BigDecimal.valueOf(value); }

    /** Column values from name/value pairs, in order; null values are left out. */
    static Map<String, Object> vals(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

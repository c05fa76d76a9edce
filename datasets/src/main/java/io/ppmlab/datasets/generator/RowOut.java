package io.ppmlab.datasets.generator;

import io.ppmlab.datasets.RowFactory;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Makes rows with {@link RowFactory} (system columns as a create would fill them) and hands them to the sink. */
final class RowOut {
    private final RowFactory factory;
    private final RowSink sink;

    RowOut(Schema schema, UUID creator, Instant createdOn, RowSink sink) {
        this.factory = new RowFactory(schema, creator, createdOn, 1_000);
        this.sink = sink;
    }

    RowSink sink() { return sink; }

    Row org(String table, UUID id, Map<String, Object> values) {
        Row r = factory.row(table, id, values);
        sink.accept(r);
        return r;
    }

    Row owned(String table, UUID id, RowFactory.Owner owner, Map<String, Object> values) {
        Row r = factory.owned(table, id, owner, values);
        sink.accept(r);
        return r;
    }

    static EntityRef ref(String table, UUID id) { return new EntityRef(table, id); }

    /** Column values from name/value pairs, in order; null values are left out. */
    static Map<String, Object> vals(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

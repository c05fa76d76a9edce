package io.ppmlab.emulator.store;

import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The row codec of every table of a schema; the one place that turns an unknown table name into an error. */
final class TableCodecs {
    private final Map<String, RowCodec> byTable = new LinkedHashMap<>();

    TableCodecs(Schema schema) {
        for (Table t : schema.tables()) byTable.put(t.logicalName(), new RowCodec(t));
    }

    RowCodec codec(String table) {
        RowCodec codec = byTable.get(table);
        if (codec == null) throw new IllegalArgumentException("unknown table " + table);
        return codec;
    }

    List<RowCodec> all() { return List.copyOf(byTable.values()); }

    /**
     * Validates and encodes a whole batch before anything is written, so that a batch holding one bad
     * mutation changes nothing.
     */
    List<EncodedMutation> encode(List<Mutation> mutations) {
        List<EncodedMutation> out = new ArrayList<>(mutations.size());
        for (Mutation m : mutations) {
            RowCodec codec = codec(m.table());
            // Java 17 has no pattern switch; Mutation is sealed to Put and Delete.
            byte[] value = m instanceof Mutation.Put put ? codec.encode(put.row()) : null;
            out.add(new EncodedMutation(m.table(), m.id(), value));
        }
        return out;
    }
}

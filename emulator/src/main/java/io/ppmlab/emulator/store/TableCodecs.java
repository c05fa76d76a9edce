package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/** The row codec of every table of a schema; the one place that turns an unknown table name into an error. */
final class TableCodecs {
    /** Batches at least this large decode their replaced rows in parallel. */
    private static final int PARALLEL_DECODE = 4_096;

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
     * The rows a written batch replaced, from the old values its write returned (null: absent), decoded only for the
     * columns {@code columnsOf} names per table (null: all; empty: none, those rows come back null). Decoding is
     * pure, so a large batch (a 16,000-row plan save) decodes on the common pool too.
     */
    List<Row> previous(List<EncodedMutation> batch, byte[][] before, Function<String, Set<String>> columnsOf) {
        Map<String, BitSet> wanted = new HashMap<>();
        for (EncodedMutation m : batch) {
            if (!wanted.containsKey(m.table())) {
                Set<String> names = columnsOf.apply(m.table());
                wanted.put(m.table(), names == null ? null : codec(m.table()).ordinals(names));
            }
        }
        Row[] rows = new Row[before.length];
        IntStream range = IntStream.range(0, before.length);
        (before.length >= PARALLEL_DECODE ? range.parallel() : range).forEach(i -> {
            EncodedMutation m = batch.get(i);
            BitSet columns = wanted.get(m.table());
            if (before[i] != null && (columns == null || !columns.isEmpty())) rows[i] = codec(m.table()).decode(m.id(), before[i], columns);
        });
        return Arrays.asList(rows);
    }

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

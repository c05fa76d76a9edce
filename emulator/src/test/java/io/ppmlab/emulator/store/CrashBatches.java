package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The batches of the crash test, like a resource-plan save: {@code size} rows spread over four tables, each
 * tagged with its batch id, and the deletion of every row of the batch {@code window} saves earlier in the same
 * chain (so a batch mixes puts and deletes, and the data stays bounded). Everything is derived from the ids,
 * so the checker can rebuild what the writer meant to write.
 *
 * <p>A chain is a sequence of batch ids {@code first, first + 1, ...} written one after the other by one thread.
 */
final class CrashBatches {
    /** Tables of {@link TestSchema#standard()} and the share of a batch's rows each gets (in tenths). */
    private static final String[] TABLES = {TestSchema.PROJECT, TestSchema.PROGRAM, TestSchema.USER, TestSchema.TEAM};
    private static final int[] TENTHS = {6, 2, 1, 1};
    private static final String TAG = "batch:";

    private CrashBatches() {}

    /** The mutations of batch {@code id}: its rows, then the deletes of batch {@code id - window} if that is in the chain. */
    static List<Mutation> batch(long chainFirst, long id, int size, int window) {
        List<Mutation> out = new ArrayList<>(2 * size);
        for (int i = 0; i < size; i++) out.add(new Mutation.Put(row(id, i, size)));
        long old = id - window;
        if (old >= chainFirst) {
            for (int i = 0; i < size; i++) out.add(new Mutation.Delete(tableOf(i, size), rowId(old, i)));
        }
        return out;
    }

    static Row row(long batch, int i, int size) {
        String table = tableOf(i, size);
        UUID id = rowId(batch, i);
        if (table.equals(TestSchema.PROJECT)) {
            Row template = TestRows.project(batch * 100_000 + i).with(Map.of(TestSchema.PROJECT + "id", id,
                    "sensei_effort", batch, "sensei_name", TAG + batch));
            return new Row(table, id, template.values());
        }
        return new Row(table, id, Map.of(table + "id", id, "name", TAG + batch + " row " + i));
    }

    /** Counts the rows of each batch id found in the store, over all four tables. */
    static Map<Long, Integer> countByBatch(Store store) {
        Map<Long, Integer> counts = new HashMap<>();
        for (String t : TABLES) {
            String column = t.equals(TestSchema.PROJECT) ? "sensei_name" : "name";
            store.scan(t, r -> {
                Object v = r.get(column);
                if (!(v instanceof String s) || !s.startsWith(TAG)) return;
                int end = s.indexOf(' ', TAG.length());
                long batch = Long.parseLong(end < 0 ? s.substring(TAG.length()) : s.substring(TAG.length(), end));
                counts.merge(batch, 1, Integer::sum);
            });
        }
        return counts;
    }

    /** Deletes every row of the four tables, in batches of at most {@code per}. */
    static void wipe(Store store, int per) {
        for (String t : TABLES) {
            List<Mutation> deletes = new ArrayList<>();
            store.scan(t, r -> deletes.add(new Mutation.Delete(t, r.id())));
            for (int from = 0; from < deletes.size(); from += per) {
                store.apply(deletes.subList(from, Math.min(deletes.size(), from + per)));
            }
        }
    }

    private static String tableOf(int i, int size) {
        int tenth = (int) (10L * i / size);
        int acc = 0;
        for (int t = 0; t < TABLES.length; t++) {
            acc += TENTHS[t];
            if (tenth < acc) return TABLES[t];
        }
        return TABLES[TABLES.length - 1];
    }

    private static UUID rowId(long batch, int i) { return new UUID(0xC4A5L << 48 | batch, i); }
}

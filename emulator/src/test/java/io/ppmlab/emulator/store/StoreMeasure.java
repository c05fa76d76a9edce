package io.ppmlab.emulator.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ppmlab.schema.EntityRef;
import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Rough figures for the storage notes, not a benchmark (those belong in the JMH module). Run with the test
 * classpath and the Chronicle flags: {@code StoreMeasure size}, {@code StoreMeasure throughput <dir> <rows>},
 * {@code StoreMeasure reopen <dir>} (first run creates 40 tables, later runs time a cold reopen),
 * {@code StoreMeasure journal <dir> [singleRows] [batchRows]} (the journal's cost and recovery time).
 */
public final class StoreMeasure {
    private StoreMeasure() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "size" -> size();
            case "throughput" -> throughput(Path.of(args[1]), Integer.parseInt(args[2]));
            case "reopen" -> reopen(Path.of(args[1]));
            case "journal" -> JournalMeasure.run(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 20_000,
                    args.length > 3 ? Integer.parseInt(args[3]) : 16_425);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Encoded row vs. the same row as Web API JSON (lookups as {@code _x_value} GUIDs, ISO dates). */
    private static void size() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        RowCodec codec = new RowCodec(TestSchema.projectTable());
        long binary = 0;
        long text = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            Row row = TestRows.project(i);
            binary += codec.encode(row).length;
            Map<String, Object> body = new LinkedHashMap<>();
            row.values().forEach((k, v) -> {
                if (v instanceof EntityRef ref) body.put("_" + k + "_value", ref.id());
                else body.put(k, v);
            });
            text += json.writeValueAsBytes(body).length;
        }
        System.out.printf("typical row (13 columns set): binary %.1f B, JSON %.1f B, ratio %.2f%n",
                (double) binary / n, (double) text / n, (double) text / binary);
    }

    private static void throughput(Path dir, int rows) throws Exception {
        Row[] data = new Row[rows];
        for (int i = 0; i < rows; i++) data[i] = TestRows.project(i);
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            deleteTree(dir);
            try (Store store = new ChronicleStore(dir, TestSchema.standard(), StoreOptions.defaults())) {
                store.put(data[0]);
                long t0 = System.nanoTime();
                for (Row r : data) store.put(r);
                long t1 = System.nanoTime();
                Random rnd = new Random(round);
                long hits = 0;
                for (int i = 0; i < rows; i++) hits += store.get(TestSchema.PROJECT, data[rnd.nextInt(rows)].id()).isPresent() ? 1 : 0;
                long t2 = System.nanoTime();
                long[] scanned = {0};
                store.scan(TestSchema.PROJECT, r -> scanned[0]++);
                long t3 = System.nanoTime();
                System.out.printf("round %d: %d puts %.0f/s, %d gets %.0f/s (hits %d), scan %.0f rows/s, bytesUsed %d%n", round,
                        rows, rows / secs(t1 - t0), rows, rows / secs(t2 - t1), hits, scanned[0] / secs(t3 - t2),
                        store.bytesUsed(TestSchema.PROJECT));
            }
        }
    }

    private static void reopen(Path dir) {
        Schema wide = TestSchema.wide(40);
        boolean exists = Files.exists(dir.resolve("tables"));
        long t0 = System.nanoTime();
        try (Store store = new ChronicleStore(dir, wide, StoreOptions.defaults())) {
            long t1 = System.nanoTime();
            if (!exists) {
                wide.tables().forEach(t -> store.put(new Row(t.logicalName(), TestRows.project(1).id(), Map.of())));
                System.out.printf("created %d tables in %.2f s%n", wide.tables().size(), secs(System.nanoTime() - t1));
            } else {
                System.out.printf("reopened %d tables in %.2f s%n", wide.tables().size(), secs(t1 - t0));
            }
        }
    }

    private static double secs(long nanos) { return nanos / 1e9; }

    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

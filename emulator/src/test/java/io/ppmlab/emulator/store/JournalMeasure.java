package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the journal costs and how long recovery takes ({@code StoreMeasure journal <dir>}): single-row puts
 * and one large batch (16,425 rows = 45 resource-years of daily rows) under each {@link Durability}, then
 * the replay of a full journal left by a "crashed" store.
 */
final class JournalMeasure {
    private JournalMeasure() {}

    static void run(Path root, int singles, int batchRows) throws Exception {
        Row[] rows = new Row[Math.max(singles, batchRows)];
        for (int i = 0; i < rows.length; i++) rows[i] = TestRows.project(i);
        System.out.printf(Locale.ROOT, "encoded row ~%d B%n", new RowCodec(TestSchema.projectTable()).encode(rows[0]).length);
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            for (String config : List.of("NONE", "JOURNAL", "JOURNAL/0", "FSYNC")) {
                Durability d = Durability.valueOf(config.replace("/0", ""));
                if (d == Durability.FSYNC && round == 0) continue;
                Path dir = root.resolve(d.name().toLowerCase(Locale.ROOT));
                StoreMeasure.deleteTree(dir);
                // JOURNAL/0 empties the journal after every batch instead of every DEFAULT_CHECKPOINT_BYTES.
                StoreOptions options = StoreOptions.defaults().withDurability(d)
                        .withJournalCheckpointBytes(config.endsWith("/0") ? 0 : StoreOptions.DEFAULT_CHECKPOINT_BYTES);
                try (Store store = new ChronicleStore(dir, TestSchema.standard(), options)) {
                    store.put(TestRows.named(TestSchema.PROGRAM, "warm")); // creates a map, loads Chronicle
                    store.put(rows[0]);
                    int n = d == Durability.FSYNC ? Math.min(singles, 2_000) : singles;
                    long[] lat = new long[n];
                    long t0 = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        long s = System.nanoTime();
                        store.put(rows[i]);
                        lat[i] = System.nanoTime() - s;
                    }
                    double single = (System.nanoTime() - t0) / 1e3 / n;
                    Arrays.sort(lat);
                    List<Mutation> batch = new ArrayList<>(batchRows);
                    for (int i = 0; i < batchRows; i++) batch.add(new Mutation.Put(rows[i].with("sensei_name", "batch " + round)));
                    long[] batchMs = new long[5];
                    for (int k = 0; k < batchMs.length; k++) {
                        long b0 = System.nanoTime();
                        store.apply(batch);
                        batchMs[k] = (System.nanoTime() - b0) / 1_000_000;
                    }
                    Arrays.sort(batchMs);
                    System.out.printf(Locale.ROOT, "round %d %-9s single-row put: mean %.1f µs, p50 %.1f µs, p99 %.1f µs (%d puts); "
                                    + "batch of %,d rows: median %d ms (min %d, max %d)%n", round, config, single, lat[n / 2] / 1e3,
                            lat[n * 99 / 100] / 1e3, n, batchRows, batchMs[2], batchMs[0], batchMs[4]);
                }
            }
        }
        journalAlone(root.resolve("alone"), rows, batchRows);
        recovery(root.resolve("recovery"), rows, batchRows);
    }

    /** The journal's own work, without the maps: encode, checksum and write one record (min of many runs). */
    private static void journalAlone(Path dir, Row[] rows, int batchRows) throws Exception {
        RowCodec codec = new RowCodec(TestSchema.projectTable());
        List<EncodedMutation> one = List.of(new EncodedMutation(rows[0].table(), rows[0].id(), codec.encode(rows[0])));
        List<EncodedMutation> big = new ArrayList<>();
        for (int i = 0; i < batchRows; i++) big.add(new EncodedMutation(rows[i].table(), rows[i].id(), codec.encode(rows[i])));
        try (Journal journal = Journal.open(dir.resolve(Journal.FILE_NAME), false, 1)) {
            long bestOne = Long.MAX_VALUE;
            long bestBig = Long.MAX_VALUE;
            for (int k = 0; k < 20_000; k++) {
                long t = System.nanoTime();
                journal.append(JournalFormat.encode(one));
                bestOne = Math.min(bestOne, System.nanoTime() - t);
                if (journal.size() > StoreOptions.DEFAULT_CHECKPOINT_BYTES) journal.reset();
            }
            for (int k = 0; k < 20; k++) {
                long t = System.nanoTime();
                journal.append(JournalFormat.encode(big));
                bestBig = Math.min(bestBig, System.nanoTime() - t);
                journal.reset();
            }
            System.out.printf(Locale.ROOT, "journal alone (encode + CRC32C + write, best of many): one row %.1f µs, %,d rows %.1f ms%n",
                    bestOne / 1e3, batchRows, bestBig / 1e6);
        }
    }

    /** Leaves full journals behind (the store is abandoned, not closed) and times their replay at the next open. */
    private static void recovery(Path dir, Row[] rows, int batchRows) throws Exception {
        StoreMeasure.deleteTree(dir);
        try (Store store = new ChronicleStore(dir, TestSchema.standard(), StoreOptions.defaults())) {
            store.put(rows[0]);
        }
        // A journal of single-row batches up to the checkpoint size, then one of a single large batch.
        for (String kind : List.of("single rows", "one batch")) {
            Path journal = dir.resolve("journal").resolve(Journal.FILE_NAME);
            RowCodec codec = new RowCodec(TestSchema.projectTable());
            List<byte[]> records = new ArrayList<>();
            long bytes = 0;
            long seq = 1;
            if (kind.equals("single rows")) {
                for (int i = 0; bytes < StoreOptions.DEFAULT_CHECKPOINT_BYTES; i++) {
                    Row r = rows[i % rows.length];
                    byte[] rec = JournalFormat.encode(List.of(new EncodedMutation(r.table(), r.id(), codec.encode(r))));
                    JournalFormat.seal(rec, seq++);
                    records.add(rec);
                    bytes += rec.length;
                }
            } else {
                List<EncodedMutation> batch = new ArrayList<>();
                for (int i = 0; i < batchRows; i++) batch.add(new EncodedMutation(rows[i].table(), rows[i].id(), codec.encode(rows[i])));
                byte[] rec = JournalFormat.encode(batch);
                JournalFormat.seal(rec, seq);
                records.add(rec);
                bytes = rec.length;
            }
            Files.write(journal, JournalTest.concat(records.toArray(new byte[0][])));
            long t0 = System.nanoTime();
            try (ChronicleStore store = new ChronicleStore(dir, TestSchema.standard(), StoreOptions.defaults())) {
                System.out.printf(Locale.ROOT, "recovery, %s: %,d-byte journal, open took %d ms; %s%n", kind, bytes,
                        (System.nanoTime() - t0) / 1_000_000, store.recoveryReport().summary());
            }
        }
    }
}

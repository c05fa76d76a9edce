package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link ChronicleStoreCrashTest}: opens a store, writes one program row (which loads
 * Chronicle) and prints {@code WARM}, then writes project rows {@code base, base + 1, ...} from a few
 * threads, printing {@code ACK <n>} once the write of row {@code n} has returned, until it is killed.
 * Args: data dir, base, threads.
 */
public final class CrashWriter {
    static final StoreOptions OPTIONS = new StoreOptions(10_000, Map.of(), 256, 10, true);

    private CrashWriter() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        long base = Long.parseLong(args[1]);
        int threads = Integer.parseInt(args[2]);
        // Never closed: the parent kills this process, and a clean close is exactly what is not under test.
        Store store = new ChronicleStore(dataDir, TestSchema.standard(), OPTIONS);
        store.put(TestRows.named(TestSchema.PROGRAM, "warm-up"));
        say("WARM");
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long first = base + t * 1_000_000L;
            Thread w = new Thread(() -> {
                for (long n = first; ; n++) {
                    Row row = TestRows.project(n);
                    store.put(row);
                    say("ACK " + n);
                }
            }, "writer-" + t);
            w.start();
            writers.add(w);
        }
        for (Thread w : writers) w.join();
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}

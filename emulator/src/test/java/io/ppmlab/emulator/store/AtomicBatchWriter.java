package io.ppmlab.emulator.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The child process of {@link CrashLoop}: opens a store and saves {@link CrashBatches} from a few threads, one
 * chain of batch ids per thread, printing {@code ACK <id>} once a batch's {@code apply} has returned and
 * {@code WARM} after the first, until it is killed.
 * Args: data dir, first batch id, threads, rows per batch, window, durability.
 */
public final class AtomicBatchWriter {
    /** Batch ids of thread {@code t} start at {@code first + t * CHAIN_SPAN}. */
    static final long CHAIN_SPAN = 1_000_000;

    private AtomicBatchWriter() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        long first = Long.parseLong(args[1]);
        int threads = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        int window = Integer.parseInt(args[4]);
        Durability durability = Durability.valueOf(args[5]);
        // Never closed: the parent kills this process, and a clean close is exactly what is not under test.
        Store store = new ChronicleStore(dataDir, TestSchema.standard(), CrashLoop.options(durability));
        AtomicBoolean warm = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long chain = first + t * CHAIN_SPAN;
            Thread w = new Thread(() -> {
                for (long id = chain; ; id++) {
                    store.apply(CrashBatches.batch(chain, id, size, window));
                    say("ACK " + id);
                    if (warm.compareAndSet(false, true)) say("WARM");
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

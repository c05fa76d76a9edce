package io.ppmlab.emulator.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The kill -9 test of atomic batches, as a loop: each round starts an {@link AtomicBatchWriter} on one data
 * dir, lets it save large batches for a random time, kills it with SIGKILL, reopens the store here (journal
 * replay included) and checks that every batch is whole or absent: for each writer thread, the batches
 * present are exactly the last {@code window} of an unbroken prefix of its chain, each with all its rows,
 * and every batch the writer acknowledged is in that prefix. The rows are then deleted and the store closed,
 * so that a long run stays small.
 *
 * <p>{@code CrashLoopTest} runs a few rounds. For a long run, with the test classpath and the Chronicle flags:
 * <pre>
 * mvn -q -B -Dlab.target=target-journal -pl emulator -am test -Dtest=CrashLoopTest -Dcrash.rounds=300 \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * or {@code java <flags> -cp <test classpath> io.ppmlab.emulator.store.CrashLoop <dataDir> [rounds] [rowsPerBatch]
 * [maxDelayMillis] [seed] [NONE|JOURNAL|FSYNC]}. With {@code NONE} (no journal) the check is expected to fail:
 * that is the baseline the journal fixes.
 */
public final class CrashLoop {
    /**
     * @param threads        writer threads in the child, one chain of batches each
     * @param rowsPerBatch   rows each batch puts (and, from the {@code window}-th on, as many it deletes)
     * @param window         batches of a chain alive at once
     * @param maxDelayMillis the kill lands uniformly in [0, this] after the first acknowledged batch
     */
    record Settings(int rounds, int threads, int rowsPerBatch, int window, int maxDelayMillis, long seed, Durability durability) {
        static Settings defaults(int rounds, long seed) { return new Settings(rounds, 2, 2_000, 3, 1_000, seed, Durability.JOURNAL); }
    }

    /** One round: when the kill came, what the writer had acknowledged, what reopening did and found. */
    record Round(int round, int delayMillis, int acked, RecoveryReport recovery, long reopenMillis, int batchesPresent, long rowsPresent) {}

    private CrashLoop() {}

    static StoreOptions options(Durability durability) {
        return new StoreOptions(20_000, Map.of(), 256, 20, true).withDurability(durability);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : System.nanoTime();
        Settings d = Settings.defaults(rounds, seed);
        Settings s = new Settings(rounds, d.threads(), args.length > 2 ? Integer.parseInt(args[2]) : d.rowsPerBatch(), d.window(),
                args.length > 3 ? Integer.parseInt(args[3]) : d.maxDelayMillis(), seed,
                args.length > 5 ? Durability.valueOf(args[5]) : d.durability());
        List<Round> done = run(dir, s, System.out);
        System.out.println(summary(done));
    }

    /** Runs the rounds, printing one line each; throws AssertionError at the first batch found torn. */
    static List<Round> run(Path dir, Settings s, PrintStream log) throws Exception {
        Files.createDirectories(dir);
        Random random = new Random(s.seed());
        log.printf(Locale.ROOT, "crash loop: %d rounds, %d threads × batches of %,d rows (+ deletes), kill within %d ms, seed %d, %s%n",
                s.rounds(), s.threads(), s.rowsPerBatch(), s.maxDelayMillis(), s.seed(), s.durability());
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < s.rounds(); r++) {
            long first = (r + 1) * 10 * AtomicBatchWriter.CHAIN_SPAN;
            int delay = random.nextInt(s.maxDelayMillis() + 1);
            Set<Long> acked = runAndKill(dir, s, first, delay);
            Round round = check(dir, s, r, first, delay, acked);
            rounds.add(round);
            log.printf(Locale.ROOT, "round %d: killed %d ms after the first ack, %d batches acked; reopened in %d ms, %s; %d batches present, all whole%n",
                    r, delay, acked.size(), round.reopenMillis(), round.recovery().summary(), round.batchesPresent());
        }
        return rounds;
    }

    static String summary(List<Round> rounds) {
        int replayedRounds = 0;
        int tornRounds = 0;
        long replayed = 0;
        long maxRecovery = 0;
        long maxReopen = 0;
        long acked = 0;
        for (Round r : rounds) {
            if (r.recovery().batchesReplayed() > 0) replayedRounds++;
            if (r.recovery().tornRecordsDiscarded() > 0) tornRounds++;
            replayed += r.recovery().batchesReplayed();
            maxRecovery = Math.max(maxRecovery, r.recovery().millis());
            maxReopen = Math.max(maxReopen, r.reopenMillis());
            acked += r.acked();
        }
        return String.format(Locale.ROOT, "crash loop: %d rounds passed, %d batches acked in all; journal replayed in %d rounds (%d batches), "
                + "a torn record discarded in %d rounds; longest replay %d ms, longest reopen %d ms",
                rounds.size(), acked, replayedRounds, replayed, tornRounds, maxRecovery, maxReopen);
    }

    private static Set<Long> runAndKill(Path dir, Settings s, long first, int delayMillis) throws Exception {
        Path errors = dir.resolveSibling(dir.getFileName() + "-writer.log");
        List<String> cmd = ChildJvm.command("512m", AtomicBatchWriter.class, List.of(dir.toString(), Long.toString(first),
                Integer.toString(s.threads()), Integer.toString(s.rowsPerBatch()), Integer.toString(s.window()), s.durability().name()));
        Process child = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
        Set<Long> acked = new ConcurrentSkipListSet<>();
        CountDownLatch warm = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) acked.add(Long.parseLong(line.substring(4)));
                    else if (line.equals("WARM")) warm.countDown();
                }
            } catch (IOException e) {
                // The pipe breaks when the child is killed: what was read is what counts.
            }
        }, "writer-output");
        reader.start();
        try {
            if (!warm.await(120, TimeUnit.SECONDS)) throw new AssertionError("writer never acknowledged a batch, see " + errors);
            Thread.sleep(delayMillis);
        } finally {
            child.destroyForcibly(); // SIGKILL on Unix
            if (!child.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("writer did not die");
            reader.join(10_000);
        }
        // Acks written after the kill signal cannot exist; acks lost in the pipe only weaken the check.
        return new TreeSet<>(acked);
    }

    private static Round check(Path dir, Settings s, int round, long first, int delay, Set<Long> acked) {
        long t0 = System.nanoTime();
        try (ChronicleStore store = new ChronicleStore(dir, TestSchema.standard(), options(s.durability()))) {
            long reopen = (System.nanoTime() - t0) / 1_000_000;
            Map<Long, Integer> counts = new TreeMap<>(CrashBatches.countByBatch(store));
            long rows = 0;
            for (int t = 0; t < s.threads(); t++) {
                long chain = first + t * AtomicBatchWriter.CHAIN_SPAN;
                List<Long> present = new ArrayList<>();
                counts.forEach((id, n) -> {
                    if (id >= chain && id < chain + AtomicBatchWriter.CHAIN_SPAN) present.add(id);
                });
                for (long id : present) {
                    int n = counts.get(id);
                    if (n != s.rowsPerBatch()) {
                        throw new AssertionError(String.format("round %d: batch %d has %d of its %d rows (present: %s, recovery: %s)",
                                round, id, n, s.rowsPerBatch(), counts, store.recoveryReport().summary()));
                    }
                    rows += n;
                }
                long last = present.isEmpty() ? chain - 1 : present.get(present.size() - 1);
                List<Long> expected = new ArrayList<>();
                for (long id = Math.max(chain, last - s.window() + 1); id <= last; id++) expected.add(id);
                if (!present.equals(expected)) {
                    throw new AssertionError(String.format("round %d: chain %d holds batches %s, expected %s (the last %d of a prefix)",
                            round, chain, present, expected, s.window()));
                }
                for (long id : acked) {
                    if (id >= chain && id < chain + AtomicBatchWriter.CHAIN_SPAN && id > last) {
                        throw new AssertionError(String.format("round %d: batch %d was acknowledged but is not in the store (last present %d)",
                                round, id, last));
                    }
                }
            }
            long stray = counts.keySet().stream().filter(id -> id < first || id >= first + s.threads() * AtomicBatchWriter.CHAIN_SPAN).count();
            if (stray > 0) throw new AssertionError("round " + round + ": rows of earlier rounds left: " + counts);
            RecoveryReport recovery = store.recoveryReport();
            CrashBatches.wipe(store, 5_000);
            return new Round(round, delay, acked.size(), recovery, reopen, (int) counts.size(), rows);
        }
    }
}

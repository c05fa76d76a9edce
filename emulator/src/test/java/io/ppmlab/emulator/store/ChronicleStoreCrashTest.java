package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.ppmlab.emulator.store.TestSchema.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a writing process with SIGKILL and checks that every write it acknowledged is there, intact, when
 * the store is reopened (with recovery, as after any unclean close): several rounds on one data dir, and
 * kills timed to land while a map is being created.
 */
class ChronicleStoreCrashTest {
    @TempDir
    Path dataDir;

    @Test
    @Timeout(300)
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Set<Long> acked = new HashSet<>();
        int[] acksBeforeKill = {150, 600, 1500};
        for (int round = 0; round < acksBeforeKill.length; round++) {
            acked.addAll(runAndKill(dataDir, round * 10_000_000L, acksBeforeKill[round], 0));
            assertAckedRowsIntact(dataDir, acked);
        }
    }

    /** Kills the writer a little after its warm-up: around the creation of the project map (~30–80 ms). */
    @Test
    @Timeout(300)
    void aKillWhileAMapIsBeingCreatedLeavesAUsableStore() throws Exception {
        for (int delay : new int[] {15, 35, 60}) {
            Path dir = dataDir.resolve("delay-" + delay);
            List<Long> acked = runAndKill(dir, 0, 0, delay);
            Path tables = dir.resolve("tables");
            System.out.printf("killed %d ms after warm-up: %d acks, half-built map left: %s, map file: %s%n", delay,
                    acked.size(), Files.exists(tables.resolve(PROJECT + ".cmap.creating")),
                    Files.exists(tables.resolve(PROJECT + ".cmap")));
            assertAckedRowsIntact(dir, new HashSet<>(acked));
            try (ChronicleStore reopened = new ChronicleStore(dir, TestSchema.standard(), CrashWriter.OPTIONS)) {
                Row after = TestRows.project(99_999_999L);
                reopened.put(after);
                assertThat(reopened.get(PROJECT, after.id())).contains(after);
            }
        }
    }

    private static void assertAckedRowsIntact(Path dir, Set<Long> acked) {
        try (ChronicleStore reopened = new ChronicleStore(dir, TestSchema.standard(), CrashWriter.OPTIONS)) {
            for (long n : acked) {
                assertThat(reopened.get(PROJECT, TestRows.project(n).id())).as("acked row %d", n).contains(TestRows.project(n));
            }
            // Rows written but not yet acked may be there too; whatever is there must decode.
            long[] scanned = {0};
            reopened.scan(PROJECT, r -> scanned[0]++);
            assertThat(scanned[0]).isEqualTo(reopened.count(PROJECT)).isGreaterThanOrEqualTo(acked.size());
        }
    }

    /**
     * Starts a writer on {@code dir} and kills it once it has acknowledged {@code acks} rows, or (acks 0)
     * {@code delayMillis} after its warm-up.
     */
    private List<Long> runAndKill(Path dir, long base, int acks, int delayMillis) throws Exception {
        Process child = startWriter(dir, base);
        List<Long> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) seen.add(Long.parseLong(line.substring(4)));
                if (acks == 0 && line.equals("WARM")) {
                    Thread.sleep(delayMillis);
                    break;
                }
                if (acks > 0 && seen.size() >= acks) break;
            }
            // Acks still in the pipe are not read (Java closes it on destroy): they are simply not checked.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(seen.size()).as("acks from the writer (see %s)", errorLog(base)).isGreaterThanOrEqualTo(acks);
        return seen;
    }

    private Process startWriter(Path dir, long base) throws IOException {
        List<String> cmd = ChildJvm.command("256m", CrashWriter.class, List.of(dir.toString(), Long.toString(base), "2"));
        return new ProcessBuilder(cmd).redirectError(errorLog(base).toFile()).start();
    }

    private Path errorLog(long base) { return Path.of(System.getProperty("java.io.tmpdir"), "crash-writer-" + base + ".log"); }
}

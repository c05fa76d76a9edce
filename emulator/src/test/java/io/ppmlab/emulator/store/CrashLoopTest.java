package io.ppmlab.emulator.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL during large multi-table batches: every batch is whole or absent after each restart. A few rounds
 * by default; {@code -Dcrash.rounds=N} (and {@code -Dcrash.seed}) for the long run (see {@link CrashLoop}).
 */
class CrashLoopTest {
    @TempDir
    Path dir;

    @Test
    void everyBatchIsWholeOrAbsentAfterEachKill() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 4);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        List<CrashLoop.Round> done = CrashLoop.run(dir.resolve("data"), CrashLoop.Settings.defaults(rounds, seed), System.out);
        System.out.println(CrashLoop.summary(done));
        assertThat(done).hasSize(rounds);
        assertThat(done).as("some kill left work in the journal").anyMatch(r -> !r.recovery().nothingToRecover());
    }
}

package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.ppmlab.emulator.store.TestSchema.PROGRAM;
import static io.ppmlab.emulator.store.TestSchema.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recovery through the store: journals as a killed process leaves them (written here by hand between a clean
 * close and the next open), and batches that fail half-way.
 */
class ChronicleStoreJournalTest {
    private static final StoreOptions SMALL = ChronicleStoreTest.SMALL;
    private static final RowCodec PROJECTS = new RowCodec(TestSchema.projectTable());

    @TempDir
    Path dataDir;

    private ChronicleStore open(StoreOptions options) { return new ChronicleStore(dataDir, TestSchema.standard(), options); }

    private Path journal() { return dataDir.resolve("journal").resolve(Journal.FILE_NAME); }

    private static EncodedMutation put(Row row) { return new EncodedMutation(row.table(), row.id(), PROJECTS.encode(row)); }

    private static EncodedMutation delete(Row row) { return new EncodedMutation(row.table(), row.id(), null); }

    private void leaveJournal(byte[]... records) throws Exception {
        Files.createDirectories(journal().getParent());
        Files.write(journal(), JournalTest.concat(records));
    }

    @Test
    void aCompleteBatchLeftInTheJournalIsReplayedAndATornOneDiscarded() throws Exception {
        Row a = TestRows.project(1);
        Row gone = TestRows.project(2);
        try (ChronicleStore store = open(SMALL)) {
            store.apply(List.of(new Mutation.Put(a), new Mutation.Put(gone)));
            assertThat(store.recoveryReport().nothingToRecover()).isTrue();
        }
        assertThat(Files.size(journal())).as("a clean close empties the journal").isZero();

        Row a2 = a.with("sensei_name", "second");
        List<EncodedMutation> saved = new ArrayList<>();
        for (int n = 100; n < 400; n++) saved.add(put(TestRows.project(n)));
        saved.add(put(a2));
        saved.add(delete(gone));
        byte[] torn = JournalTest.sealed(List.of(put(TestRows.project(999))), 8);
        leaveJournal(JournalTest.sealed(saved, 7), Arrays.copyOf(torn, torn.length - 5));

        try (ChronicleStore store = open(SMALL)) {
            RecoveryReport report = store.recoveryReport();
            assertThat(report.batchesReplayed()).isEqualTo(1);
            assertThat(report.mutationsReplayed()).isEqualTo(302);
            assertThat(report.tornRecordsDiscarded()).isEqualTo(1);
            assertThat(report.bytesDiscarded()).isEqualTo(torn.length - 5);
            assertThat(report.summary()).startsWith("journal: replayed 1 batch (302 mutations), discarded 1 torn record (");
            assertThat(store.get(PROJECT, a.id())).contains(a2);
            assertThat(store.get(PROJECT, gone.id())).isEmpty();
            assertThat(store.get(PROJECT, TestRows.project(999).id())).isEmpty();
            assertThat(store.count(PROJECT)).isEqualTo(301);
            assertThat(Files.size(journal())).as("emptied once replayed").isZero();
            store.put(TestRows.project(5000)); // and writing goes on
        }
        try (ChronicleStore store = open(SMALL)) {
            assertThat(store.recoveryReport().nothingToRecover()).isTrue();
            assertThat(store.count(PROJECT)).isEqualTo(302);
        }
    }

    @Test
    void replayingBatchesTheMapsAlreadyHoldChangesNothing() throws Exception {
        Row a = TestRows.project(1);
        Row a2 = a.with("sensei_name", "v2");
        Row b = TestRows.project(2);
        byte[][] records = {
                JournalTest.sealed(List.of(put(a), put(b)), 1),
                JournalTest.sealed(List.of(put(a2)), 2),
                JournalTest.sealed(List.of(delete(b)), 3)};
        try (ChronicleStore store = open(SMALL)) {
            store.put(a);
            store.put(b);
            store.put(a2);
            store.delete(PROJECT, b.id());
        }
        // The same journal twice: already applied the first time, applied again the second.
        for (int round = 0; round < 2; round++) {
            leaveJournal(records);
            try (ChronicleStore store = open(SMALL)) {
                assertThat(store.recoveryReport().batchesReplayed()).isEqualTo(3);
                assertThat(store.get(PROJECT, a.id())).as("the later put wins, in journal order").contains(a2);
                assertThat(store.get(PROJECT, b.id())).isEmpty();
                assertThat(store.count(PROJECT)).isEqualTo(1);
            }
        }
    }

    @Test
    void aBatchThatFailsHalfWayIsUndoneAndLeavesTheJournal() throws Exception {
        Row a = TestRows.project(1);
        Row a2 = a.with("sensei_name", "never seen");
        Row b = TestRows.project(2);
        Row c = TestRows.project(3);
        Row program = TestRows.named(PROGRAM, "p");
        try (ChronicleStore store = open(SMALL)) {
            store.put(a);
            store.put(c);
            long journalBefore = Files.size(journal());
            // The program table's map does not exist yet; a folder in the way of its creation makes the write fail.
            Path blocker = dataDir.resolve("tables").resolve(PROGRAM + ".cmap.creating");
            Files.createDirectories(blocker.resolve("x"));
            assertThatThrownBy(() -> store.apply(List.of(new Mutation.Put(a2), new Mutation.Put(b),
                    new Mutation.Delete(PROJECT, c.id()), new Mutation.Put(program)))).isInstanceOf(RuntimeException.class);

            assertThat(store.get(PROJECT, a.id())).contains(a);
            assertThat(store.get(PROJECT, b.id())).isEmpty();
            assertThat(store.get(PROJECT, c.id())).contains(c);
            assertThat(Files.size(journal())).isEqualTo(journalBefore);

            Files.delete(blocker.resolve("x"));
            Files.delete(blocker);
            store.apply(List.of(new Mutation.Put(b), new Mutation.Put(program)));
        }
        try (ChronicleStore store = open(SMALL)) {
            assertThat(store.get(PROJECT, a.id())).contains(a);
            assertThat(store.get(PROJECT, b.id())).contains(b);
            assertThat(store.get(PROGRAM, program.id())).contains(program);
        }
    }

    @Test
    void theJournalIsEmptiedAtEachCheckpoint() throws Exception {
        try (ChronicleStore store = open(SMALL.withJournalCheckpointBytes(4_000))) {
            long largest = 0;
            for (int n = 0; n < 200; n++) {
                store.put(TestRows.project(n));
                largest = Math.max(largest, Files.size(journal()));
            }
            assertThat(largest).isLessThan(4_000 + 1_000);
            assertThat(store.count(PROJECT)).isEqualTo(200);
        }
    }

    @Test
    void withoutAJournalNothingIsLoggedAndALeftoverJournalIsReplayedThenRemoved() throws Exception {
        Row a = TestRows.project(1);
        leaveJournal(JournalTest.sealed(List.of(put(a)), 1));
        try (ChronicleStore store = open(SMALL.withDurability(Durability.NONE))) {
            assertThat(store.recoveryReport().batchesReplayed()).isEqualTo(1);
            assertThat(journal()).doesNotExist();
            store.delete(PROJECT, a.id());
            store.put(TestRows.project(2));
            assertThat(journal()).doesNotExist();
        }
        try (ChronicleStore store = open(SMALL)) {
            assertThat(store.get(PROJECT, a.id())).as("not resurrected by the old journal").isEmpty();
            assertThat(store.count(PROJECT)).isEqualTo(1);
        }
    }

    @Test
    void fsyncModeWritesAndRecoversLikeTheDefault() throws Exception {
        try (ChronicleStore store = open(SMALL.withDurability(Durability.FSYNC).withJournalCheckpointBytes(10_000))) {
            for (int n = 0; n < 50; n++) store.put(TestRows.project(n));
        }
        Row late = TestRows.project(77);
        leaveJournal(JournalTest.sealed(List.of(put(late)), 3));
        try (ChronicleStore store = open(SMALL.withDurability(Durability.FSYNC))) {
            assertThat(store.recoveryReport().batchesReplayed()).isEqualTo(1);
            assertThat(store.count(PROJECT)).isEqualTo(51);
        }
    }

    @Test
    void aJournalRowOfATableNoLongerInTheSchemaIsSkipped() throws Exception {
        Row a = TestRows.project(1);
        UUID id = UUID.randomUUID();
        leaveJournal(JournalTest.sealed(List.of(new EncodedMutation("sensei_retired", id, new byte[] {1, 0}), put(a)), 1));
        try (ChronicleStore store = open(SMALL)) {
            assertThat(store.recoveryReport().batchesReplayed()).isEqualTo(1);
            assertThat(store.get(PROJECT, a.id())).contains(a);
        }
    }

    @Test
    void aWriterInterruptedMidWriteDoesNotBreakTheJournal() {
        try (ChronicleStore store = open(SMALL)) {
            store.put(TestRows.project(1));
            Thread.currentThread().interrupt();
            try {
                store.put(TestRows.project(2));
            } finally {
                Thread.interrupted();
            }
            store.put(TestRows.project(3));
            assertThat(store.count(PROJECT)).isEqualTo(3);
        }
    }

    @Test
    void theSummaryNamesWhatWasDone() {
        assertThat(new RecoveryReport(true, 0, 0, 0, 0, 0, null, 0, 0).summary()).isEqualTo("journal: empty, nothing to replay");
        assertThat(new RecoveryReport(false, 3, 9_000, 0, 1, 1234, "bad checksum", 50_000, 12).summary())
                .isEqualTo("journal: replayed 3 batches (9,000 mutations), discarded 1 torn record (1,234 bytes: bad checksum)"
                        + " in 12 ms (previous process did not close cleanly)");
    }
}

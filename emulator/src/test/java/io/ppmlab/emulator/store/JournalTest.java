package io.ppmlab.emulator.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal file on its own: record format, torn tails, checksums, sequence gaps. No Chronicle here. */
class JournalTest {
    @TempDir
    Path dir;

    private Path file() { return dir.resolve("journal").resolve(Journal.FILE_NAME); }

    static List<EncodedMutation> batch(int n) {
        List<EncodedMutation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = new UUID(n, i);
            out.add(new EncodedMutation(i % 3 == 0 ? "sensei_program" : "sensei_project", id,
                    i % 5 == 4 ? null : ("row " + n + "/" + i).getBytes()));
        }
        return out;
    }

    static byte[] sealed(List<EncodedMutation> batch, long sequence) {
        byte[] record = JournalFormat.encode(batch);
        JournalFormat.seal(record, sequence);
        return record;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private List<List<EncodedMutation>> replayed = new ArrayList<>();

    private Journal.Scan replay() {
        replayed = new ArrayList<>();
        return Journal.replay(file(), (seq, b) -> replayed.add(b));
    }

    private void write(byte[] bytes) throws Exception {
        Files.createDirectories(file().getParent());
        Files.write(file(), bytes);
    }

    @Test
    void aBatchRoundTripsThroughTheRecordFormat() {
        List<EncodedMutation> batch = batch(40);
        byte[] record = sealed(batch, 7);
        List<EncodedMutation> back = JournalFormat.decode(Arrays.copyOfRange(record, JournalFormat.HEADER_BYTES, record.length));
        assertThat(back).hasSize(40);
        for (int i = 0; i < batch.size(); i++) {
            assertThat(back.get(i).table()).isEqualTo(batch.get(i).table());
            assertThat(back.get(i).id()).isEqualTo(batch.get(i).id());
            assertThat(back.get(i).value()).isEqualTo(batch.get(i).value());
        }
    }

    @Test
    void noJournalAndAnEmptyJournalHaveNothingToReplay() throws Exception {
        assertThat(replay()).isEqualTo(Journal.Scan.EMPTY);
        write(new byte[0]);
        Journal.Scan scan = replay();
        assertThat(scan.batches()).isZero();
        assertThat(scan.tornRecords()).isZero();
        assertThat(scan.journalBytes()).isZero();
        assertThat(replayed).isEmpty();
    }

    @Test
    void completeRecordsAreReplayedInOrder() throws Exception {
        write(concat(sealed(batch(3), 10), sealed(batch(5), 11), sealed(batch(2), 12)));
        Journal.Scan scan = replay();
        assertThat(scan.batches()).isEqualTo(3);
        assertThat(scan.mutations()).isEqualTo(10);
        assertThat(scan.tornRecords()).isZero();
        assertThat(scan.lastSequence()).isEqualTo(12);
        assertThat(replayed).extracting(List::size).containsExactly(3, 5, 2);
    }

    @Test
    void aTornTailIsDiscardedWhereverTheWriteStopped() throws Exception {
        byte[] whole = sealed(batch(4), 1);
        byte[] last = sealed(batch(30), 2);
        // Every possible cut of the last record: inside its header, inside its payload, one byte short.
        for (int cut = 1; cut < last.length; cut += Math.max(1, cut / 3)) {
            write(concat(whole, Arrays.copyOf(last, cut)));
            Journal.Scan scan = replay();
            assertThat(scan.batches()).as("cut at %d", cut).isEqualTo(1);
            assertThat(scan.tornRecords()).isEqualTo(1);
            assertThat(scan.discardedBytes()).isEqualTo(cut);
            assertThat(replayed).hasSize(1);
        }
    }

    @Test
    void aRecordWithABadChecksumIsDiscarded() throws Exception {
        byte[] last = sealed(batch(30), 2);
        last[last.length - 3] ^= 0x10;
        write(concat(sealed(batch(4), 1), last));
        Journal.Scan scan = replay();
        assertThat(scan.batches()).isEqualTo(1);
        assertThat(scan.tornRecords()).isEqualTo(1);
        assertThat(scan.tornReason()).isEqualTo("bad checksum");
        assertThat(scan.discardedBytes()).isEqualTo(last.length);
    }

    @Test
    void aChangedHeaderFieldIsCaughtToo() throws Exception {
        byte[] last = sealed(batch(3), 2);
        last[9] ^= 1; // the sequence number, which the checksum covers
        write(concat(sealed(batch(4), 1), last));
        Journal.Scan scan = replay();
        assertThat(scan.batches()).isEqualTo(1);
        assertThat(scan.tornReason()).isNotNull();
    }

    @Test
    void garbageAfterTheLastRecordAndASequenceGapEndTheReplay() throws Exception {
        write(concat(sealed(batch(2), 5), new byte[] {0x50, 0x4A, 0x00, 0x00, 0x11}));
        assertThat(replay().tornReason()).isEqualTo("short header");
        write(concat(sealed(batch(2), 5), new byte[64]));
        assertThat(replay().tornReason()).isEqualTo("bad magic");
        write(concat(sealed(batch(2), 5), sealed(batch(2), 7)));
        Journal.Scan gap = replay();
        assertThat(gap.batches()).isEqualTo(1);
        assertThat(gap.tornReason()).contains("sequence 7");
    }

    @Test
    void appendsAreReadBackAndRollBackAndResetEmptyTheFile() throws Exception {
        try (Journal journal = Journal.open(file(), false, 1)) {
            long first = journal.append(JournalFormat.encode(batch(3)));
            assertThat(first).isZero();
            long second = journal.append(JournalFormat.encode(batch(6)));
            assertThat(second).isPositive();
            journal.rollBack(second);
            assertThat(journal.size()).isEqualTo(second);
            journal.append(JournalFormat.encode(batch(4)));
            assertThat(Files.size(file())).isEqualTo(journal.size());

            Journal.Scan scan = replay();
            assertThat(scan.batches()).isEqualTo(2);
            assertThat(scan.lastSequence()).isEqualTo(2); // the rolled-back number was given again
            assertThat(replayed).extracting(List::size).containsExactly(3, 4);

            journal.reset();
            assertThat(Files.size(file())).isZero();
        }
    }

    @Test
    void openingEmptiesWhatWasThere() throws Exception {
        write(concat(sealed(batch(2), 1)));
        try (Journal journal = Journal.open(file(), true, 2)) {
            assertThat(journal.size()).isZero();
            assertThat(Files.size(file())).isZero();
        }
    }
}

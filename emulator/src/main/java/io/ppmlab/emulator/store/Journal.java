package io.ppmlab.emulator.store;

import io.ppmlab.emulator.cost.Quantity;
import io.ppmlab.emulator.cost.WorkScope;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The write-ahead journal of a {@link ChronicleStore}: one file, {@code <dataDir>/journal/wal.log}, of
 * {@link JournalFormat} records. A batch is appended here whole before any of it reaches a map; the file is
 * emptied at checkpoints, when every batch in it is known to be in the maps.
 *
 * <p>Why replaying is safe: batches are appended and applied one at a time, in the same order (the store
 * holds one lock across both), and a put or delete of a whole row is idempotent. Replaying every complete
 * record in order therefore ends in the state the writer reached, wherever it stopped: records already
 * applied are rewritten with the same values, and the last one (the only one that can be unapplied or
 * half-applied after a process death) is completed. A record that is not complete was never applied,
 * because applying starts only once its write has returned.
 *
 * <p>Written through a {@link RandomAccessFile}, not a {@code FileChannel}: a channel is closed for good when a
 * thread is interrupted in the middle of a write, which would take the store down with one timed-out request.
 *
 * <p>Not thread-safe: the store calls it under its write lock.
 */
final class Journal implements AutoCloseable {
    static final String FILE_NAME = "wal.log";

    private final RandomAccessFile file;
    private final boolean fsync;
    private long size;
    /** False when the file pointer may not be at {@link #size} (after a failed write): the next append seeks. */
    private boolean atEnd;
    private long nextSequence;

    private Journal(RandomAccessFile file, boolean fsync, long nextSequence) {
        this.file = file;
        this.fsync = fsync;
        this.nextSequence = nextSequence;
    }

    /** Called for each complete record while recovering, in order; returns false if the batch was rolled back. */
    interface Replayer {
        boolean replay(long sequence, List<EncodedMutation> batch);
    }

    /**
     * What recovery found in the journal.
     *
     * @param tornReason why the tail was discarded, or null when nothing was
     */
    record Scan(int batches, long mutations, int rolledBack, int tornRecords, long discardedBytes, String tornReason,
                long journalBytes, long lastSequence) {
        static final Scan EMPTY = new Scan(0, 0, 0, 0, 0, null, 0, 0);
    }

    /**
     * Replays the complete records of a journal left by an earlier process and reports the torn tail, if any.
     * Leaves the file as it was: the caller empties it (with {@link #open}) once the replayed rows are safe.
     */
    static Scan replay(Path file, Replayer replayer) {
        if (!Files.exists(file)) return Scan.EMPTY;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            long pos = 0;
            long expected = -1;
            int batches = 0;
            int rolledBack = 0;
            long mutations = 0;
            ByteBuffer header = ByteBuffer.allocate(JournalFormat.HEADER_BYTES);
            while (pos < fileSize) {
                String bad;
                if (fileSize - pos < JournalFormat.HEADER_BYTES) {
                    bad = "short header";
                } else {
                    header.clear();
                    readFully(ch, header, pos);
                    header.flip();
                    int magic = header.getInt();
                    int length = header.getInt();
                    long sequence = header.getLong();
                    int crc = header.getInt();
                    if (magic != JournalFormat.MAGIC) {
                        bad = "bad magic";
                    } else if (length < 0 || length > JournalFormat.MAX_PAYLOAD_BYTES) {
                        bad = "bad length " + length;
                    } else if (length > fileSize - pos - JournalFormat.HEADER_BYTES) {
                        bad = "short record (" + length + " bytes claimed, " + (fileSize - pos - JournalFormat.HEADER_BYTES) + " present)";
                    } else if (expected >= 0 && sequence != expected) {
                        bad = "sequence " + sequence + " where " + expected + " was expected";
                    } else {
                        byte[] payload = new byte[length];
                        readFully(ch, ByteBuffer.wrap(payload), pos + JournalFormat.HEADER_BYTES);
                        List<EncodedMutation> batch = null;
                        if (JournalFormat.checksum(header.array(), length, payload, 0) != crc) {
                            bad = "bad checksum";
                        } else {
                            try {
                                batch = JournalFormat.decode(payload);
                                bad = null;
                            } catch (IllegalArgumentException e) {
                                bad = "undecodable record: " + e.getMessage();
                            }
                        }
                        if (batch != null) {
                            if (replayer.replay(sequence, batch)) {
                                batches++;
                                mutations += batch.size();
                            } else {
                                rolledBack++;
                            }
                            pos += JournalFormat.HEADER_BYTES + length;
                            expected = sequence + 1;
                            continue;
                        }
                    }
                }
                return new Scan(batches, mutations, rolledBack, 1, fileSize - pos, bad, fileSize, Math.max(expected - 1, 0));
            }
            return new Scan(batches, mutations, rolledBack, 0, 0, null, fileSize, Math.max(expected - 1, 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file, e);
        }
    }

    /** Opens the journal for appending, emptying it: whatever it held must already be in the maps. */
    static Journal open(Path file, boolean fsync, long nextSequence) {
        try {
            Files.createDirectories(file.getParent());
            // "rwd": with fsync, every write returns once its bytes are on the device (O_DSYNC).
            Journal journal = new Journal(new RandomAccessFile(file.toFile(), fsync ? "rwd" : "rw"), fsync, nextSequence);
            try {
                journal.reset();
            } catch (RuntimeException e) {
                journal.close();
                throw e;
            }
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file, e);
        }
    }

    /** Bytes of complete records in the file. */
    long size() { return size; }

    /**
     * Seals and appends an {@link JournalFormat#encode encoded} record with one write (on the device before it
     * returns when fsync is on) and returns where it starts, for {@link #rollBack}.
     */
    long append(byte[] record) {
        WorkScope.count(Quantity.JOURNAL_APPENDS, 1);
        WorkScope.count(Quantity.JOURNAL_BYTES, record.length);
        JournalFormat.seal(record, nextSequence);
        long start = size;
        try {
            if (!atEnd) file.seek(start); // a system call saved per batch when, as usual, the pointer is already there
            atEnd = false;
            file.write(record);
            atEnd = true;
        } catch (IOException e) {
            // A partial record may be on disk: cut it off so that the next append does not follow garbage.
            truncateQuietly(start);
            throw new UncheckedIOException("cannot append to journal", e);
        }
        size = start + record.length;
        nextSequence++;
        return start;
    }

    /** Removes the record starting at {@code start} (the last one): its batch was undone in the maps. */
    void rollBack(long start) {
        truncate(start);
        nextSequence--;
    }

    /** Empties the journal. The caller must know every batch in it is in the maps (and, with fsync, on disk). */
    void reset() { truncate(0); }

    @Override
    public void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close journal", e);
        }
    }

    private void truncate(long length) {
        try {
            // Shortening the file also moves the pointer (at the old end) back to the new end.
            file.setLength(length);
            if (fsync) file.getFD().sync();
            size = length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate journal", e);
        }
    }

    private void truncateQuietly(long length) {
        try {
            file.setLength(length);
        } catch (IOException ignored) {
            // The append already failed; its exception is the one worth reporting.
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at);
            if (n < 0) throw new IOException("journal ended early at " + at);
            at += n;
        }
    }
}

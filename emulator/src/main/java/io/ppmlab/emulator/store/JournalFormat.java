package io.ppmlab.emulator.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The journal's record: one per batch, written with a single write call.
 *
 * <pre>
 * offset  size  field
 *  0      4     magic 0x504A524C ("PJRL")
 *  4      4     payload length N (big-endian, like every fixed field here)
 *  8      8     sequence number (consecutive within one journal file)
 * 16      4     CRC32C of bytes 4..16 and of the payload
 * 20      N     payload: varint table count T, T × (varint length, UTF-8 table name);
 *               varint mutation count M, M × (varint table index, 16-byte row id,
 *               varint value length + 1 (0 for a delete), value bytes in {@link RowCodec} form)
 * </pre>
 *
 * A record is complete when its magic, length, sequence and checksum all hold; anything else at the end of the
 * file is a torn record left by a process that died in the middle of its write.
 */
final class JournalFormat {
    static final int MAGIC = 0x504A524C;
    static final int HEADER_BYTES = 20;
    /** Larger claims are garbage: no batch the emulator accepts comes near it. */
    static final int MAX_PAYLOAD_BYTES = 1 << 30;

    private JournalFormat() {}

    /** Encodes a batch into a record whose header is left blank until {@link #seal} numbers it. */
    static byte[] encode(List<EncodedMutation> batch) {
        Map<String, Integer> tables = new LinkedHashMap<>();
        for (EncodedMutation m : batch) tables.putIfAbsent(m.table(), tables.size());
        // Sized exactly: a large batch's record (megabytes) is then allocated once, not grown and copied.
        long size = HEADER_BYTES + PackedWriter.varLongSize(tables.size()) + PackedWriter.varLongSize(batch.size());
        for (String t : tables.keySet()) {
            int length = t.getBytes(StandardCharsets.UTF_8).length;
            size += PackedWriter.varLongSize(length) + length;
        }
        for (EncodedMutation m : batch) {
            size += PackedWriter.varLongSize(tables.get(m.table())) + 16
                    + (m.isDelete() ? 1 : PackedWriter.varLongSize(m.value().length + 1L) + m.value().length);
        }
        if (size - HEADER_BYTES > MAX_PAYLOAD_BYTES) throw new IllegalArgumentException("batch too large for the journal: " + size + " bytes");
        PackedWriter out = new PackedWriter((int) size);
        out.reserve(HEADER_BYTES);
        out.writeVarLong(tables.size());
        for (String t : tables.keySet()) {
            byte[] name = t.getBytes(StandardCharsets.UTF_8);
            out.writeVarLong(name.length);
            out.writeBytes(name);
        }
        out.writeVarLong(batch.size());
        for (EncodedMutation m : batch) {
            out.writeVarLong(tables.get(m.table()));
            out.writeFixedLong(m.id().getMostSignificantBits());
            out.writeFixedLong(m.id().getLeastSignificantBits());
            if (m.isDelete()) {
                out.writeVarLong(0);
            } else {
                out.writeVarLong(m.value().length + 1L);
                out.writeBytes(m.value());
            }
        }
        return out.toByteArray();
    }

    /** Fills in the header of an {@link #encode encoded} record: magic, length, sequence and checksum. */
    static void seal(byte[] record, long sequence) {
        ByteBuffer header = ByteBuffer.wrap(record, 0, HEADER_BYTES);
        header.putInt(MAGIC).putInt(record.length - HEADER_BYTES).putLong(sequence);
        header.putInt(checksum(record, record.length - HEADER_BYTES, record, HEADER_BYTES));
    }

    /** CRC32C of the length and sequence (header bytes 4..16) followed by the payload. */
    static int checksum(byte[] header, int payloadLength, byte[] payload, int payloadOffset) {
        CRC32C crc = new CRC32C();
        crc.update(header, 4, 12);
        crc.update(payload, payloadOffset, payloadLength);
        return (int) crc.getValue();
    }

    /** Decodes a payload {@link #encode} wrote (without its header). */
    static List<EncodedMutation> decode(byte[] payload) {
        PackedReader in = new PackedReader(payload);
        int tableCount = in.readVarLength();
        List<String> tables = new ArrayList<>(Math.min(tableCount, 1024));
        for (int i = 0; i < tableCount; i++) tables.add(new String(in.readBytes(in.readVarLength()), StandardCharsets.UTF_8));
        int count = in.readVarLength();
        List<EncodedMutation> out = new ArrayList<>(Math.min(count, 1 << 20));
        for (int i = 0; i < count; i++) {
            int table = in.readVarLength();
            if (table >= tables.size()) throw in.malformed("journal table index " + table);
            UUID id = new UUID(in.readFixedLong(), in.readFixedLong());
            long length = in.readVarLong();
            if (length > Integer.MAX_VALUE) throw in.malformed("journal value length " + length);
            byte[] value = length == 0 ? null : in.readBytes((int) length - 1);
            out.add(new EncodedMutation(tables.get(table), id, value));
        }
        if (!in.atEnd()) throw in.malformed("trailing bytes after the journal batch");
        return out;
    }
}

package io.ppmlab.emulator.store;

import java.util.Arrays;

/**
 * Append-only byte buffer with the primitives of the row format: LEB128 varints (zig-zag for signed
 * values, so small negatives stay small) and fixed big-endian longs for values that are never small (UUIDs).
 */
final class PackedWriter {
    private byte[] buf;
    private int len;

    PackedWriter(int initialCapacity) { buf = new byte[Math.max(16, initialCapacity)]; }

    void writeByte(int b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    /** Unsigned LEB128: 7 bits per byte, high bit set on every byte but the last. */
    void writeVarLong(long v) {
        if (len + 10 > buf.length) ensure(varLongSize(v)); // exact near the end, so an exactly sized writer never grows
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    void writeSignedVarLong(long v) { writeVarLong((v << 1) ^ (v >> 63)); }

    void writeFixedLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) buf[len++] = (byte) (v >>> shift);
    }

    void writeBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    /** Reserves {@code n} zero bytes and returns their offset, for fields filled in later (the bitmap). */
    int reserve(int n) {
        ensure(n);
        int at = len;
        len += n;
        return at;
    }

    void setBit(int offset, int bit) { buf[offset + (bit >>> 3)] |= (byte) (1 << (bit & 7)); }

    /** The bytes written; the buffer itself, not a copy, when it was sized exactly (the writer is then done). */
    byte[] toByteArray() { return len == buf.length ? buf : Arrays.copyOf(buf, len); }

    /** Bytes {@link #writeVarLong} takes for a value, so that a writer of a large record can be sized exactly. */
    static int varLongSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
}

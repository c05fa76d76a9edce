package io.ppmlab.emulator.store;

/** Reads what {@link PackedWriter} wrote; any overrun or malformed varint is reported as malformed bytes. */
final class PackedReader {
    private final byte[] buf;
    private int pos;

    PackedReader(byte[] buf) { this.buf = buf; }

    int readByte() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
        }
        throw malformed("varint longer than 10 bytes");
    }

    long readSignedVarLong() {
        long z = readVarLong();
        return (z >>> 1) ^ -(z & 1);
    }

    /** A varint that must fit a non-negative int (lengths, counts, indexes). */
    int readVarLength() {
        long v = readVarLong();
        if (v < 0 || v > Integer.MAX_VALUE) throw malformed("length out of range: " + v);
        return (int) v;
    }

    long readFixedLong() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (buf[pos++] & 0xFF);
        return v;
    }

    byte[] readBytes(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Skips {@code n} bytes and returns where they start, so callers can decode in place (strings). */
    int skip(int n) {
        need(n);
        int at = pos;
        pos += n;
        return at;
    }

    boolean bit(int offset, int bit) { return (buf[offset + (bit >>> 3)] & (1 << (bit & 7))) != 0; }

    byte[] buffer() { return buf; }

    boolean atEnd() { return pos == buf.length; }

    IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("malformed row bytes at offset " + pos + ": " + why);
    }

    private void need(int n) {
        if (n < 0 || buf.length - pos < n) throw malformed("truncated, needed " + n + " more bytes");
    }
}

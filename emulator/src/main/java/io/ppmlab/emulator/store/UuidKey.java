package io.ppmlab.emulator.store;

import java.util.UUID;

/** The map key of a row: its id as 16 big-endian bytes, a constant size Chronicle can lay out without a size field. */
final class UuidKey {
    static final int BYTES = 16;

    private UuidKey() {}

    static byte[] of(UUID id) {
        byte[] b = new byte[BYTES];
        put(b, 0, id.getMostSignificantBits());
        put(b, 8, id.getLeastSignificantBits());
        return b;
    }

    static UUID toUuid(byte[] key) {
        if (key.length != BYTES) throw new IllegalArgumentException("key of " + key.length + " bytes");
        return new UUID(get(key, 0), get(key, 8));
    }

    private static void put(byte[] b, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    private static long get(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (b[at + i] & 0xFF);
        return v;
    }
}

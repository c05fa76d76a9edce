package io.ppmlab.emulator.resourcing;

import io.ppmlab.datasets.Ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * {@link Ids#of} with one MD5 digest per thread: capacity and demand rows are addressed by name-based ids, as
 * the demo and the generator write them, and a save or a horizon fill makes tens of thousands of them.
 */
final class NameIds {
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    });
    private static final byte[] NAMESPACE = bytes(Ids.NAMESPACE);

    private NameIds() {}

    /** Equal to {@code Ids.of(table, naturalKey)}. */
    static UUID of(String table, String naturalKey) {
        MessageDigest md5 = MD5.get();
        md5.update(NAMESPACE);
        md5.update((table + ":" + naturalKey).getBytes(StandardCharsets.UTF_8));
        byte[] hash = md5.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) msb = (msb << 8) | (hash[i] & 0xff);
        for (int i = 8; i < 16; i++) lsb = (lsb << 8) | (hash[i] & 0xff);
        return new UUID(msb, lsb);
    }

    private static byte[] bytes(UUID u) {
        byte[] b = new byte[16];
        long msb = u.getMostSignificantBits();
        long lsb = u.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) b[i] = (byte) (msb >>> (56 - 8 * i));
        for (int i = 0; i < 8; i++) b[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        return b;
    }
}

package io.ppmlab.datasets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic row ids: a name-based (version 3) UUID of {@code table + ":" + naturalKey} in the lab's
 * namespace, so tests and scenarios compute an id instead of looking it up.
 */
public final class Ids {
    /** Namespace of every lab id; fixed forever, or every stored dataset changes its ids. */
    public static final UUID NAMESPACE = UUID.fromString("7d0f3a52-1c55-4c0e-9b0e-5e3b8f1a2c64");

    /** One digest per thread: the generator and capacity fills make millions of ids, where the provider lookup showed. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    });

    private Ids() {}

    public static UUID of(String table, String naturalKey) { return nameBased(NAMESPACE, table + ":" + naturalKey); }

    /** RFC 4122 version 3 UUID of {@code name} in {@code namespace}. */
    public static UUID nameBased(UUID namespace, String name) {
        MessageDigest md5 = MD5.get();
        md5.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = md5.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer out = ByteBuffer.wrap(hash);
        return new UUID(out.getLong(), out.getLong());
    }
}

package io.ppmlab.emulator.store;

import java.util.UUID;

/**
 * A validated {@link Mutation} in stored form: what a back-end writes, and what a journal would log.
 *
 * @param value the encoded row, or {@code null} for a delete
 */
record EncodedMutation(String table, UUID id, byte[] value) {
    boolean isDelete() { return value == null; }
}

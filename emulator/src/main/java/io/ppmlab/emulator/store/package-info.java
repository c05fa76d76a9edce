/**
 * Storage of rows: the {@link io.ppmlab.emulator.store.Store} contract, its persisted back-end
 * ({@link io.ppmlab.emulator.store.ChronicleStore}) and in-memory twin
 * ({@link io.ppmlab.emulator.store.MemoryStore}). Chronicle types do not leave this package.
 *
 * <p>How the pieces fit: {@code TableCodecs} validates and encodes a batch with each table's
 * {@link io.ppmlab.emulator.store.RowCodec} (format in its Javadoc and {@code ColumnCodec}'s) into
 * {@code EncodedMutation}s. {@code ChronicleStore} logs them as one {@code JournalFormat} record in its
 * {@code Journal}, then writes them to its {@code ChronicleTable}s (one per table); {@code MapOpener} creates and
 * reopens their maps; {@code DataDir} owns the folder, the process lock and the clean-close marker that decides
 * whether maps are reopened plainly or recovered. At open, the journal left by a killed process is replayed
 * ({@link io.ppmlab.emulator.store.RecoveryReport} says what was done).
 *
 * <p>Durability ({@link io.ppmlab.emulator.store.Durability}): by default a batch is atomic and survives the
 * process being killed, even by SIGKILL ({@code CrashLoopTest} checks both with large multi-table batches), but
 * nothing is fsynced, so a power cut may lose recent batches; {@code FSYNC} adds that at the cost of a device
 * flush per batch; {@code NONE} drops the journal (a crash may leave a prefix of a batch).
 */
package io.ppmlab.emulator.store;

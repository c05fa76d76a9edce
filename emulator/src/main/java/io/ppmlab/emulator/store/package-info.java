/**
 * Storage of rows: the {@link io.ppmlab.emulator.store.Store} contract, its persisted back-end
 * ({@link io.ppmlab.emulator.store.ChronicleStore}) and in-memory twin
 * ({@link io.ppmlab.emulator.store.MemoryStore}). Chronicle types do not leave this package.
 *
 * <p>How the pieces fit: {@code TableCodecs} validates and encodes a batch with each table's
 * {@link io.ppmlab.emulator.store.RowCodec} (format in its Javadoc and {@code ColumnCodec}'s) into
 * {@code EncodedMutation}s, which a back-end writes. {@code ChronicleStore} keeps one {@code ChronicleTable}
 * per table; {@code MapOpener} creates and reopens their maps; {@code DataDir} owns the folder, the
 * process lock and the clean-close marker that decides whether maps are reopened plainly or recovered.
 *
 * <p>Durability: writes go to memory-mapped files, so an acknowledged write survives the process being
 * killed ({@code ChronicleStoreCrashTest} checks this with SIGKILL) but not the machine losing power.
 * Batches are not atomic across rows: a crash mid-batch can leave a prefix of it. Both are what a journal,
 * slotted into {@code apply}, would add.
 */
package io.ppmlab.emulator.store;

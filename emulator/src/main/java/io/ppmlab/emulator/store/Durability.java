package io.ppmlab.emulator.store;

/**
 * What a {@link ChronicleStore} batch survives. Whatever the setting, a journal left by an earlier run is
 * recovered when the store opens.
 */
public enum Durability {
    /**
     * No journal: each row is written straight to its map. A process killed in the middle of a batch leaves a
     * prefix of it. For bulk loads that can be redone, and as the baseline the journal's cost is measured against.
     */
    NONE,
    /**
     * The default. Each batch is logged to the journal before it touches a map, so after the process is killed
     * (even with SIGKILL) it is there whole or not at all. Nothing is fsynced: the OS page cache, which outlives
     * the process, holds both the journal and the maps. A power cut may lose recent batches, or tear one.
     */
    JOURNAL,
    /**
     * As {@link #JOURNAL}, and the journal is forced to disk before {@code apply} returns (and the maps before
     * the journal is emptied), so acknowledged batches also survive a power cut. Costs a device flush per batch.
     */
    FSYNC
}

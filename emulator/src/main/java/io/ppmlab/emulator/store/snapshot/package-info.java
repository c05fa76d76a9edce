/** Snapshot and restore of a closed data directory, keeping Chronicle Map's sparse files sparse. */
package io.ppmlab.emulator.store.snapshot;

package io.ppmlab.emulator.operations.bulk;

import io.ppmlab.emulator.operations.Dispatcher;
import io.ppmlab.emulator.operations.RowOperations;
import io.ppmlab.emulator.store.Store;

/**
 * Builds the operations that read and write through a given store: the emulator's own, or the
 * {@link BufferedStore} of one change set or bulk message. Every instance is per store, so a write buffer never
 * leaks into another request.
 */
public interface OperationsFactory {
    /** The dispatcher, row operations and key resolver bound to {@code store}. */
    Bound over(Store store);

    /** What one store's operations are. */
    record Bound(Dispatcher dispatcher, RowOperations rows, Dispatcher.KeyResolver keys) {}
}

package io.ppmlab.emulator.seed;

import io.ppmlab.datasets.generator.RowSink;
import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A row sink that writes to a store in chunks of {@link Store#apply}, on its own thread: the generator
 * makes the next chunk while the store encodes and puts the last one (two cores: about twice as fast as
 * one thread). The queue is short, so at most a few chunks are ever in memory.
 */
final class ChunkWriter implements RowSink {
    /** Marks the end of the stream (compared by identity). */
    private static final List<Mutation> END = new ArrayList<>(0);

    private final int chunkRows;
    private final BlockingQueue<List<Mutation>> queue = new ArrayBlockingQueue<>(3);
    private final Thread thread;
    private volatile Throwable failure;
    private List<Mutation> chunk;

    ChunkWriter(Store store, int chunkRows) {
        if (chunkRows < 1) throw new IllegalArgumentException("chunk must hold at least one row");
        this.chunkRows = chunkRows;
        this.chunk = new ArrayList<>(chunkRows);
        this.thread = new Thread(() -> drain(store), "generate-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void accept(Row row) {
        chunk.add(new Mutation.Put(row));
        if (chunk.size() >= chunkRows) hand();
    }

    /** Writes what is left and waits for the writer; rethrows a write failure. */
    @Override
    public void finish() {
        if (!chunk.isEmpty()) hand();
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the last chunks were written", e);
        }
        check();
    }

    private void hand() {
        check();
        put(chunk);
        chunk = new ArrayList<>(chunkRows);
    }

    private void put(List<Mutation> c) {
        try {
            while (!queue.offer(c, 1, java.util.concurrent.TimeUnit.SECONDS)) check();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        }
    }

    private void check() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    private void drain(Store store) {
        try {
            while (true) {
                List<Mutation> c = queue.take();
                if (c == END) return;
                store.apply(c);
            }
        } catch (Throwable t) {
            failure = t;
        }
    }
}

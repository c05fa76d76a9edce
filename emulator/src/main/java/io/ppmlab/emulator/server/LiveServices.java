package io.ppmlab.emulator.server;

import io.ppmlab.emulator.clock.LabClock;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The running {@link Services} graph, which the lab's Reset swaps for a fresh one while the HTTP server keeps its
 * port: every request runs under the read lock, a swap takes the write lock, so no request sees a closed store.
 * The clock is kept across swaps (a trainer's advanced time is not data).
 */
final class LiveServices implements AutoCloseable {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ServerConfig config;
    private final Consumer<String> log;
    private final LabClock clock;
    private Services current;

    /** {@code config} must name the port the first graph chose: tokens carry it as their audience. */
    LiveServices(Services first, ServerConfig config, Consumer<String> log) {
        this.current = first;
        this.config = config.withPort(first.port());
        this.log = log;
        this.clock = first.clock();
    }

    <T> T read(Function<Services, T> use) {
        lock.readLock().lock();
        try {
            return use.apply(current);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Current graph, for callers that must not wait on a swap (tests, the measuring tools). */
    Services current() { return current; }

    /**
     * Closes the graph (stores, background services), runs {@code whileClosed} on the closed data directory, and
     * opens it again. Requests wait meanwhile.
     */
    void reopen(Runnable whileClosed) {
        lock.writeLock().lock();
        try {
            current.close();
            try {
                whileClosed.run();
            } finally {
                current = Services.open(config, log, clock);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            current.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}

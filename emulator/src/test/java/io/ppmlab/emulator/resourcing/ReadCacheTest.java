package io.ppmlab.emulator.resourcing;

import io.ppmlab.emulator.store.Mutation;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.schema.Row;
import org.junit.jupiter.api.RepeatedTest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Slices of one save share a cache: each row is read from the store once, however many threads ask at once. */
class ReadCacheTest {
    @RepeatedTest(5)
    void aRowAskedForByManyThreadsAtOnceIsReadOnce() {
        AtomicInteger reads = new AtomicInteger();
        Store slow = new Store() {
            @Override public Optional<Row> get(String table, UUID id) {
                reads.incrementAndGet();
                try { Thread.sleep(1); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                return Optional.empty();
            }
            @Override public void apply(List<Mutation> mutations) {}
            @Override public void scan(String table, Consumer<Row> visitor) {}
            @Override public long count(String table) { return 0; }
            @Override public long bytesUsed(String table) { return 0; }
            @Override public void close() {}
        };
        ReadCache cache = new ReadCache(slow, Set.of("sensei_project", "systemuser"));
        UUID id = UUID.randomUUID();
        IntStream.range(0, 400).parallel().forEach(i -> {
            cache.get("sensei_project", id);
            cache.get("systemuser", id); // the same id in another table is another row
            cache.get("sensei_task", id); // not cached: read every time
        });
        assertThat(reads).hasValue(1 + 1 + 400);
    }
}

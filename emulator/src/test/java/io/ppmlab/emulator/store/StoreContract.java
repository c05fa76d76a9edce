package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.ppmlab.emulator.store.TestSchema.PROGRAM;
import static io.ppmlab.emulator.store.TestSchema.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link Store} must do; each back-end's test extends this. */
abstract class StoreContract {
    protected Store store;

    /** A new, empty store over {@link TestSchema#standard()}. */
    protected abstract Store newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception { store = newStore(); }

    @AfterEach
    void closeStore() { store.close(); }

    @Test
    void getOfAnAbsentRowIsEmpty() {
        assertThat(store.get(PROJECT, UUID.randomUUID())).isEmpty();
        assertThat(store.count(PROJECT)).isZero();
    }

    @Test
    void putThenGet() {
        Row row = TestRows.project(1);
        store.put(row);
        assertThat(store.get(PROJECT, row.id())).contains(row);
    }

    @Test
    void putReplacesTheWholeRow() {
        Row row = TestRows.project(2);
        store.put(row);
        Row slimmer = new Row(PROJECT, row.id(), Map.of("sensei_name", "renamed"));
        store.put(slimmer);
        assertThat(store.get(PROJECT, row.id())).contains(slimmer);
        assertThat(store.count(PROJECT)).isEqualTo(1);
    }

    @Test
    void applyReturningPreviousGivesEachMutationTheRowBeforeIt() {
        Row first = TestRows.project(40);
        store.put(first);
        Row renamed = new Row(PROJECT, first.id(), Map.of("sensei_name", "renamed"));
        Row fresh = TestRows.project(41);
        List<Row> before = store.applyReturningPrevious(List.of(new Mutation.Put(renamed), new Mutation.Put(fresh),
                new Mutation.Delete(PROJECT, first.id()), new Mutation.Delete(PROJECT, UUID.randomUUID())), table -> null);
        assertThat(before).containsExactly(first, null, renamed, null);
        assertThat(store.get(PROJECT, first.id())).isEmpty();
        assertThat(store.get(PROJECT, fresh.id())).contains(fresh);
        // asked for some columns, a store gives at least those (the persisted and in-memory stores give exactly those)
        List<Row> names = store.applyReturningPrevious(List.of(new Mutation.Put(fresh)), table -> Set.of("sensei_name"));
        assertThat(names.get(0).get("sensei_name")).isEqualTo(fresh.get("sensei_name"));
    }

    @Test
    void deleteRemovesAndIgnoresAbsentRows() {
        Row row = TestRows.project(3);
        store.put(row);
        store.delete(PROJECT, row.id());
        store.delete(PROJECT, row.id());
        store.delete(PROGRAM, UUID.randomUUID());
        assertThat(store.get(PROJECT, row.id())).isEmpty();
        assertThat(store.count(PROJECT)).isZero();
    }

    @Test
    void aBatchAppliesInOrder() {
        Row a = TestRows.project(4);
        Row b = TestRows.project(5);
        Row b2 = b.with("sensei_name", "second version");
        store.apply(List.of(new Mutation.Put(a), new Mutation.Delete(PROJECT, a.id()),
                new Mutation.Delete(PROJECT, b.id()), new Mutation.Put(b), new Mutation.Put(b2)));
        assertThat(store.get(PROJECT, a.id())).isEmpty();
        assertThat(store.get(PROJECT, b.id())).contains(b2);
    }

    @Test
    void aBatchWithAnInvalidRowWritesNothing() {
        Row good = TestRows.project(6);
        Row bad = new Row(PROJECT, UUID.randomUUID(), Map.of("nosuchcolumn", "x"));
        assertThatThrownBy(() -> store.apply(List.of(new Mutation.Put(good), new Mutation.Put(bad))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get(PROJECT, good.id())).isEmpty();
    }

    @Test
    void tablesAreSeparateKeySpaces() {
        UUID id = UUID.randomUUID();
        Row program = new Row(PROGRAM, id, Map.of("name", "Transformation"));
        Row project = new Row(PROJECT, id, Map.of("sensei_name", "Pilot"));
        store.apply(List.of(new Mutation.Put(program), new Mutation.Put(project)));
        assertThat(store.get(PROGRAM, id)).contains(program);
        assertThat(store.get(PROJECT, id)).contains(project);
        store.delete(PROGRAM, id);
        assertThat(store.get(PROJECT, id)).contains(project);
    }

    @Test
    void scanVisitsEveryRowOnce() {
        Map<UUID, Row> written = new HashMap<>();
        for (int n = 0; n < 500; n++) {
            Row row = TestRows.project(n);
            written.put(row.id(), row);
            store.put(row);
        }
        Map<UUID, Row> seen = new HashMap<>();
        store.scan(PROJECT, row -> assertThat(seen.put(row.id(), row)).isNull());
        assertThat(seen).isEqualTo(written);
        assertThat(store.count(PROJECT)).isEqualTo(500);
        List<Row> programs = new ArrayList<>();
        store.scan(PROGRAM, programs::add);
        assertThat(programs).isEmpty();
    }

    @Test
    void aScanVisitorMayWriteToTheStore() {
        for (int n = 0; n < 50; n++) store.put(TestRows.project(n));
        store.scan(PROJECT, row -> store.put(row.with("sensei_name", "touched")));
        store.scan(PROJECT, row -> assertThat(row.get("sensei_name")).isEqualTo("touched"));
        assertThat(store.count(PROJECT)).isEqualTo(50);
    }

    @Test
    void bytesUsedGrowsWithRows() {
        assertThat(store.bytesUsed(PROJECT)).isZero();
        for (int n = 0; n < 100; n++) store.put(TestRows.project(n));
        long used = store.bytesUsed(PROJECT);
        assertThat(used).isGreaterThan(100L * 150);
        store.put(TestRows.project(1).with("sensei_description", "x".repeat(20_000)));
        assertThat(store.bytesUsed(PROJECT)).isGreaterThan(used + 15_000);
    }

    @Test
    void unknownTablesAreRefused() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> store.get("nosuchtable", id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.scan("nosuchtable", r -> {})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.count("nosuchtable")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.bytesUsed("nosuchtable")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("nosuchtable", id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put(new Row("nosuchtable", id, Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put(new Row("../escape", id, Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClosedStoreRefusesEverything() {
        store.put(TestRows.project(1));
        store.close();
        store.close();
        assertThatThrownBy(() -> store.get(PROJECT, UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.put(TestRows.project(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.count(PROJECT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.scan(PROJECT, r -> {})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Timeout(60)
    void concurrentWritersAndReadersSeeWholeRows() throws Exception {
        int writers = 4;
        int perWriter = 400;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<UUID> shared = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int base = w * perWriter;
                tasks.add(pool.submit(() -> {
                    start.await();
                    for (int n = base; n < base + perWriter; n++) {
                        Row row = TestRows.project(n);
                        store.put(row);
                        // Every writer also rewrites a few shared rows, racing the others on the same keys.
                        Row contested = TestRows.project(1_000_000 + n % 8);
                        shared.add(contested.id());
                        store.put(contested.with("sensei_name", "writer " + base));
                    }
                    return null;
                }));
            }
            Future<?> readers = pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    for (int n = 0; n < 8; n++) {
                        Row expected = TestRows.project(1_000_000 + n);
                        store.get(PROJECT, expected.id()).ifPresent(r ->
                                assertThat(r.with("sensei_name", expected.get("sensei_name"))).isEqualTo(expected));
                    }
                    store.count(PROJECT);
                }
                return null;
            });
            start.countDown();
            for (Future<?> t : tasks) t.get(60, TimeUnit.SECONDS);
            writing.set(false);
            readers.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.count(PROJECT)).isEqualTo(writers * perWriter + shared.size());
        for (int n = 0; n < writers * perWriter; n++) {
            Row row = TestRows.project(n);
            assertThat(store.get(PROJECT, row.id())).contains(row);
        }
    }
}

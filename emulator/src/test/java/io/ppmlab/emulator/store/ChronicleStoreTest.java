package io.ppmlab.emulator.store;

import io.ppmlab.schema.Row;
import io.ppmlab.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.ppmlab.emulator.store.TestSchema.PROGRAM;
import static io.ppmlab.emulator.store.TestSchema.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChronicleStoreTest extends StoreContract {
    /** Small maps: creating one is then ~30 ms instead of ~200 ms, and the tests create many. */
    static final StoreOptions SMALL = new StoreOptions(10_000, Map.of(), 256, 10, true);

    @TempDir
    Path dataDir;

    @Override
    protected Store newStore() { return new ChronicleStore(dataDir, TestSchema.standard(), SMALL); }

    private ChronicleStore reopen() {
        store.close();
        store = new ChronicleStore(dataDir, TestSchema.standard(), SMALL);
        return (ChronicleStore) store;
    }

    @Test
    void rowsSurviveCloseAndReopen() {
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < 300; n++) rows.add(TestRows.project(n));
        rows.forEach(store::put);
        store.delete(PROJECT, rows.get(0).id());
        Row program = TestRows.named(PROGRAM, "Transformation");
        store.put(program);

        reopen();

        assertThat(store.count(PROJECT)).isEqualTo(299);
        assertThat(store.get(PROJECT, rows.get(0).id())).isEmpty();
        for (Row r : rows.subList(1, rows.size())) assertThat(store.get(PROJECT, r.id())).contains(r);
        assertThat(store.get(PROGRAM, program.id())).contains(program);
        store.put(TestRows.project(1000));
        assertThat(store.count(PROJECT)).isEqualTo(300);
    }

    @Test
    void aTableGetsItsFileOnItsFirstWrite() throws Exception {
        Path tables = dataDir.resolve("tables");
        assertThat(tables.resolve(PROJECT + ".cmap")).doesNotExist();
        store.delete(PROJECT, TestRows.project(1).id());
        store.scan(PROJECT, r -> { throw new AssertionError("no rows expected"); });
        assertThat(store.count(PROJECT)).isZero();
        assertThat(store.bytesUsed(PROJECT)).isZero();
        assertThat(tables.resolve(PROJECT + ".cmap")).doesNotExist();

        store.put(TestRows.project(1));
        assertThat(tables.resolve(PROJECT + ".cmap")).exists();
        assertThat(tables.resolve(PROGRAM + ".cmap")).doesNotExist();
        try (Stream<Path> files = Files.list(tables)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".creating"));
        }
    }

    @Test
    void aHalfBuiltMapLeftByACrashIsDiscarded() throws Exception {
        store.close();
        Path creating = dataDir.resolve("tables").resolve(PROJECT + ".cmap.creating");
        Files.write(creating, new byte[4096]);
        store = newStore();
        assertThat(creating).doesNotExist();
        Row row = TestRows.project(1);
        store.put(row);
        assertThat(store.get(PROJECT, row.id())).contains(row);
    }

    @Test
    void aDataDirOpensOnlyOnce() {
        assertThatThrownBy(() -> new ChronicleStore(dataDir, TestSchema.standard(), SMALL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already open");
        store.put(TestRows.project(1));
        assertThat(store.count(PROJECT)).isEqualTo(1);
    }

    @Test
    void closingFromInsideAScanIsRefusedRatherThanHanging() {
        store.put(TestRows.project(1));
        store.scan(PROJECT, r -> assertThatThrownBy(store::close).isInstanceOf(IllegalStateException.class));
        assertThat(store.count(PROJECT)).isEqualTo(1);
    }

    @Test
    void largeRowsFit() {
        Row big = TestRows.project(1).with("sensei_description", "é".repeat(1_000_000));
        store.put(big);
        assertThat(store.get(PROJECT, big.id())).contains(big);
        reopen();
        assertThat(store.get(PROJECT, big.id())).contains(big);
    }

    @Test
    void growsPastItsEntriesIntoExtraTiers() {
        store.close();
        store = new ChronicleStore(dataDir, TestSchema.standard(), SMALL.withEntries(PROJECT, 1_000));
        for (int n = 0; n < 5_000; n++) store.put(TestRows.project(n));
        assertThat(store.count(PROJECT)).isEqualTo(5_000);
        assertThat(store.get(PROJECT, TestRows.project(4_999).id())).contains(TestRows.project(4_999));
    }

    @Test
    void reopensFortyTablesQuickly() {
        Schema wide = TestSchema.wide(40);
        store.close();
        store = new ChronicleStore(dataDir, wide, SMALL);
        wide.tables().forEach(t -> store.put(new Row(t.logicalName(), TestRows.project(1).id(), Map.of())));
        store.close();

        long start = System.nanoTime();
        store = new ChronicleStore(dataDir, wide, SMALL);
        long millis = (System.nanoTime() - start) / 1_000_000;

        wide.tables().forEach(t -> assertThat(store.count(t.logicalName())).isEqualTo(1));
        assertThat(millis).as("reopen of 40 maps, ms").isLessThan(5_000);
    }
}

package io.ppmlab.emulator.store;

import io.ppmlab.emulator.cost.Work;
import io.ppmlab.emulator.cost.WorkScope;
import io.ppmlab.schema.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The capacity gate's test-only regression: the counters the gate reads move, the answers do not. */
class LabRegressionTest {
    private static final int PROJECTS = 7;
    private static final String PROJECT = "sensei_table0";
    private static final String OTHER = "sensei_table1";
    private MemoryStore memory;

    @BeforeEach
    void fill() {
        memory = new MemoryStore(TestSchema.wide(5));
        for (long n = 1; n <= PROJECTS; n++) memory.put(TestRows.project(PROJECT, n));
        memory.put(TestRows.project(OTHER, 1));
    }

    /** Rows read by one scan of {@code table} through the regression above the counter, and the rows the visitor saw. */
    private static long[] scan(LabRegression regression, Store counted, String table) {
        Store store = regression.wrap(counted);
        Work work = new Work();
        List<Row> seen = new ArrayList<>();
        try (WorkScope.Open ignored = WorkScope.open(work)) {
            store.scan(table, seen::add);
        }
        return new long[] {work.rowsRead(), seen.size()};
    }

    @Test
    void offIsTheDefaultAndAddsNothing() {
        CountingStore counted = new CountingStore(memory);
        assertSame(counted, LabRegression.parse("off").wrap(counted));
        assertSame(LabRegression.OFF, LabRegression.parse(null));
        assertSame(LabRegression.OFF, LabRegression.parse(" "));
        long[] r = scan(LabRegression.OFF, counted, PROJECT);
        assertEquals(PROJECTS, r[0]);
        assertEquals(PROJECTS, r[1]);
    }

    @Test
    void rows10xReadsTheTableTenTimesAndAnswersTheSame() {
        LabRegression tenfold = LabRegression.parse("rows10x:" + PROJECT);
        long[] r = scan(tenfold, new CountingStore(memory), PROJECT);
        assertEquals(10L * PROJECTS, r[0], "rows read, as the emulator's counters report them");
        assertEquals(PROJECTS, r[1], "the visitor still sees each row once");
    }

    @Test
    void rows10xFetchesTenTimesAndLeavesOtherTablesAlone() {
        LabRegression tenfold = LabRegression.parse("rows10x:" + PROJECT);
        CountingStore counted = new CountingStore(memory);
        assertEquals(1, scan(tenfold, counted, OTHER)[0]);
        Store store = tenfold.wrap(counted);
        Row expected = TestRows.project(PROJECT, 1);
        Work work = new Work();
        try (WorkScope.Open ignored = WorkScope.open(work)) {
            assertEquals(expected.id(), store.get(PROJECT, expected.id()).orElseThrow().id());
            assertTrue(store.get(OTHER, TestRows.project(OTHER, 1).id()).isPresent());
        }
        assertEquals(10 + 1, work.rowsRead(), "ten fetches of the project row, one of the other table's");
    }

    @Test
    void sleepDelaysOnlyScansOfItsTable() {
        LabRegression sleep = LabRegression.parse("sleep:40:" + PROJECT);
        CountingStore counted = new CountingStore(memory);
        long start = System.nanoTime();
        long[] r = scan(sleep, counted, PROJECT);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 40, "a scan of the table waits at least the given time, took " + elapsedMs + " ms");
        assertEquals(PROJECTS, r[0], "a sleep reads no extra rows");
        assertEquals(new LabRegression.Sleep(40, PROJECT), sleep);
    }

    @Test
    void badSpecificationsAreRefusedWithTheForms() {
        for (String bad : List.of("rows10x", "rows10x:", "sleep:abc:t", "sleep:0:t", "sleep:5", "rows2x:t", "sleep:99999999:t")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabRegression.parse(bad), bad);
            assertTrue(e.getMessage().contains("rows10x:<table>"), e.getMessage());
        }
        assertInstanceOf(LabRegression.TenfoldRows.class, LabRegression.parse("ROWS10X:" + PROJECT));
    }
}

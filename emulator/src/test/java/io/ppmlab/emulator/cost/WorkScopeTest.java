package io.ppmlab.emulator.cost;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Work done for a request on the common pool is counted on that request, whichever thread did it. */
class WorkScopeTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 2_000).boxed().toList();

    @RepeatedTest(5)
    void parallelItemsAreAllCountedOnTheCurrentRequest() {
        Work request = new Work();
        try (WorkScope.Open ignored = WorkScope.open(request)) {
            WorkScope.forEach(ITEMS, true, i -> {
                busy();
                WorkScope.count(Quantity.ROWS_FETCHED, 1);
                WorkScope.count(Quantity.SECURITY_CHECKS, 2);
            });
            assertThat(request.get(Quantity.ROWS_FETCHED)).isEqualTo(2_000);
            assertThat(request.get(Quantity.SECURITY_CHECKS)).isEqualTo(4_000);
        }
    }

    @Test
    void sequentialItemsCountTheSameAndWithoutARequestEveryItemStillRuns() {
        Work request = new Work();
        try (WorkScope.Open ignored = WorkScope.open(request)) {
            WorkScope.forEach(ITEMS, false, i -> WorkScope.count(Quantity.ROWS_FETCHED, 1));
        }
        assertThat(request.get(Quantity.ROWS_FETCHED)).isEqualTo(2_000);
        AtomicInteger ran = new AtomicInteger();
        WorkScope.forEach(ITEMS, true, i -> { WorkScope.count(Quantity.ROWS_FETCHED, 1); ran.incrementAndGet(); });
        assertThat(ran).hasValue(2_000);
        assertThat(request.get(Quantity.ROWS_FETCHED)).as("work outside a request is counted nowhere").isEqualTo(2_000);
    }

    @Test
    void theCallersWorkIsCurrentAgainAfterwards() {
        Work request = new Work();
        try (WorkScope.Open ignored = WorkScope.open(request)) {
            WorkScope.forEach(ITEMS, true, i -> {});
            WorkScope.count(Quantity.ROWS_SCANNED, 7);
        }
        assertThat(request.get(Quantity.ROWS_SCANNED)).isEqualTo(7);
    }

    private static void busy() {
        long x = 0;
        for (int i = 0; i < 2_000; i++) x += i * 31L;
        if (x == 42) throw new AssertionError();
    }
}

package io.ppmlab.harness.crash;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The kill window: per-place medians summed, an unmeasured place counted as the slowest measured. */
class SaveTimesTest {

    @Test
    void theWindowIsTheSumOfPerPlaceMedians() {
        SaveTimes times = new SaveTimes(3);
        times.add(0, 900);
        times.add(0, 1_100);
        times.add(0, 1_000);
        times.add(1, 300);
        times.add(2, 200);
        assertThat(times.expectedMillis()).isEqualTo(1_000 + 300 + 200);
    }

    @Test
    void anUnmeasuredPlaceCountsAsTheSlowest() {
        SaveTimes times = new SaveTimes(3);
        times.add(0, 800);
        times.add(1, 200);
        assertThat(times.expectedMillis()).isEqualTo(800 + 200 + 800);
    }

    @Test
    void onlyRecentSavesCount() {
        SaveTimes times = new SaveTimes(1);
        for (int i = 0; i < 8; i++) times.add(0, 5_000);
        for (int i = 0; i < 8; i++) times.add(0, 100);
        times.add(0, 300);
        assertThat(times.expectedMillis()).as("median of 100 × 7 and 300").isEqualTo(100);
    }

    @Test
    void aSaveLongerThanItsPlacesMedianWidensTheWindow() {
        SaveTimes times = new SaveTimes(1);
        times.add(0, 300);
        times.underWay(0, 200);
        assertThat(times.expectedMillis()).as("shorter than the median: no news").isEqualTo(300);
        times.underWay(0, 900);
        times.underWay(0, 1_000);
        assertThat(times.expectedMillis()).isEqualTo(900);
    }
}

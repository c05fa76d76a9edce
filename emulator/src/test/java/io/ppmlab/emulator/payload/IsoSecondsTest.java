package io.ppmlab.emulator.payload;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IsoSecondsTest {
    @Test
    void writesWhatIsoInstantWritesForSecondsAcrossTheYears() {
        SplittableRandom random = new SplittableRandom(7);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(min, max + 1), random.nextInt(1_000_000_000));
            assertThat(IsoSeconds.format(t)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS)));
        }
        Instant edge = Instant.parse("2024-02-29T23:59:59.999Z");
        assertThat(IsoSeconds.format(edge)).isEqualTo("2024-02-29T23:59:59Z");
    }
}

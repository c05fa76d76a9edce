package io.ppmlab.emulator.resourcing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The capacity fill of {@link ResourcingMeasure} at a small size, so the command keeps working (the full size is 2,000 × 4). */
class ResourcingMeasureTest {
    @Test
    void fillsTheHorizonAndReportsRowsBytesAndQuota(@TempDir Path dir) {
        ResourcingMeasure.Fill fill = ResourcingMeasure.fill(20, 4, dir);
        assertThat(fill.rows()).isEqualTo(20L * 1461);
        assertThat(fill.bytes()).isPositive();
        assertThat(fill.quota().resourceYears()).isGreaterThan(79.9);
        assertThat(fill.quota().quotaPerResourceYearKb()).isPositive();
    }
}

package io.ppmlab.harness.crash;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The crash check without a server: a torn save must read as MIXED, so the acceptance test cannot pass by accident. */
class PlanReadingTest {
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final PlanGrid grid = new PlanGrid(List.of(a, b), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 3));
    private final PlanReading before = new PlanReading.Uniform(new BigDecimal("1.04"));
    private final PlanReading after = new PlanReading.Uniform(new BigDecimal("1.07"));

    @Test
    void aWholePlanReadsAsItsHoursWhateverTheScale() {
        assertThat(PlanReading.of(grid, plan("1.070"))).isEqualTo(after);
        assertThat(SaveOutcome.judge(PlanReading.of(grid, plan("1.07")), before, after)).isEqualTo(SaveOutcome.WHOLE);
    }

    @Test
    void thePreviousPlanOrNoRowsReadAsAbsent() {
        assertThat(SaveOutcome.judge(PlanReading.of(grid, plan("1.04")), before, after)).isEqualTo(SaveOutcome.ABSENT);
        assertThat(SaveOutcome.judge(PlanReading.of(grid, List.of()), new PlanReading.Empty(), after)).isEqualTo(SaveOutcome.ABSENT);
    }

    @Test
    void halfOldHalfNewIsMixed() {
        List<PlanReading.DemandRow> rows = plan("1.04");
        rows.set(0, row(a, 1, "1.07"));
        PlanReading found = PlanReading.of(grid, rows);
        assertThat(found).isEqualTo(new PlanReading.Mixed(6, 0, 0, 0, java.util.Map.of("1.04", 5, "1.07", 1)));
        assertThat(SaveOutcome.judge(found, before, after)).isEqualTo(SaveOutcome.MIXED);
    }

    @Test
    void aPartlyCreatedPlanIsMixed() {
        List<PlanReading.DemandRow> rows = plan("1.07");
        rows.remove(rows.size() - 1);
        assertThat(SaveOutcome.judge(PlanReading.of(grid, rows), new PlanReading.Empty(), after)).isEqualTo(SaveOutcome.MIXED);
    }

    @Test
    void extraDuplicateOrHourlessRowsAreMixed() {
        List<PlanReading.DemandRow> extra = plan("1.07");
        extra.add(row(a, 4, "1.07"));
        List<PlanReading.DemandRow> duplicate = plan("1.07");
        duplicate.set(1, row(a, 1, "1.07"));
        List<PlanReading.DemandRow> hourless = plan("1.07");
        hourless.set(2, new PlanReading.DemandRow(a, LocalDate.of(2027, 1, 3), null));
        for (List<PlanReading.DemandRow> rows : List.of(extra, duplicate, hourless)) {
            assertThat(SaveOutcome.judge(PlanReading.of(grid, rows), before, after)).as(rows.toString()).isEqualTo(SaveOutcome.MIXED);
        }
    }

    @Test
    void anAcknowledgedSaveThatVanishedIsNotWhole() {
        assertThat(SaveOutcome.judge(PlanReading.of(grid, List.of()), new PlanReading.Empty(), after)).isNotEqualTo(SaveOutcome.WHOLE);
    }

    private List<PlanReading.DemandRow> plan(String hours) {
        List<PlanReading.DemandRow> rows = new ArrayList<>();
        for (UUID r : List.of(a, b)) for (int d = 1; d <= 3; d++) rows.add(row(r, d, hours));
        return rows;
    }

    private static PlanReading.DemandRow row(UUID resource, int day, String hours) {
        return new PlanReading.DemandRow(resource, LocalDate.of(2027, 1, day), new BigDecimal(hours));
    }
}

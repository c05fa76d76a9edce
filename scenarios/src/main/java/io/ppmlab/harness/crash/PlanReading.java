package io.ppmlab.harness.crash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one project's plan holds when read back, reduced to the three shapes a crash check needs: no rows, every
 * cell of the grid at one hours value, or anything else. A save that was torn by the kill can only show up as
 * {@link Mixed}, because every save gives all its cells one hours value that no other save uses.
 */
sealed interface PlanReading permits PlanReading.Empty, PlanReading.Uniform, PlanReading.Mixed {

    /** One demand row as read over the Web API ({@code hours} null if the row had none). */
    record DemandRow(UUID resource, LocalDate date, BigDecimal hours) {}

    /** No demand rows for the project. */
    record Empty() implements PlanReading {}

    /** Every cell of the grid exactly once, all with these hours (scale normalised, so 1.5 equals 1.50). */
    record Uniform(BigDecimal hours) implements PlanReading {
        public Uniform {
            hours = hours.stripTrailingZeros();
        }
    }

    /**
     * Neither: what was found, for the report.
     *
     * @param missing    cells of the grid without a row
     * @param outside    rows for a resource or day outside the grid
     * @param duplicates second and later rows of one cell
     * @param hours      rows per hours value (plain text; "null" for a row without hours)
     */
    record Mixed(int rows, int missing, int outside, int duplicates, Map<String, Integer> hours) implements PlanReading {
        public Mixed {
            hours = java.util.Collections.unmodifiableMap(new TreeMap<>(hours));
        }
    }

    static PlanReading of(PlanGrid grid, List<DemandRow> rows) {
        if (rows.isEmpty()) return new Empty();
        Set<UUID> resources = Set.copyOf(grid.resources());
        Set<PlanGrid.Cell> seen = new HashSet<>(rows.size() * 2);
        Map<String, Integer> byHours = new TreeMap<>();
        int outside = 0;
        int duplicates = 0;
        for (DemandRow r : rows) {
            PlanGrid.Cell cell = new PlanGrid.Cell(r.resource(), r.date());
            if (!resources.contains(r.resource()) || !grid.covers(r.date())) outside++;
            else if (!seen.add(cell)) duplicates++;
            byHours.merge(r.hours() == null ? "null" : r.hours().stripTrailingZeros().toPlainString(), 1, Integer::sum);
        }
        int missing = grid.cells() - seen.size();
        if (missing == 0 && outside == 0 && duplicates == 0 && byHours.size() == 1 && !byHours.containsKey("null")) {
            return new Uniform(new BigDecimal(byHours.keySet().iterator().next()));
        }
        return new Mixed(rows.size(), missing, outside, duplicates, byHours);
    }
}

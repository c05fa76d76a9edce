package io.ppmlab.harness.crash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The cells every crash plan covers: each resource on each day from {@code first} to {@code last}. */
record PlanGrid(List<UUID> resources, LocalDate first, LocalDate last) {
    PlanGrid {
        resources = List.copyOf(resources);
    }

    /** One cell of a plan. */
    record Cell(UUID resource, LocalDate date) {}

    int cells() { return resources.size() * (int) (last.toEpochDay() - first.toEpochDay() + 1); }

    boolean covers(LocalDate date) { return !date.isBefore(first) && !date.isAfter(last); }

    /** A {@code sensei_SaveResourcePlan} body giving every cell {@code hours}; null clears every cell (deletes its row). */
    String body(UUID project, BigDecimal hours) {
        String value = hours == null ? "null" : hours.toPlainString();
        StringBuilder b = new StringBuilder(cells() * 85 + 100)
                .append("{\"Target\":{\"@odata.id\":\"sensei_projects(").append(project).append(")\"},\"Demand\":[");
        boolean comma = false;
        for (UUID r : resources) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (comma) b.append(',');
                b.append("{\"ResourceId\":\"").append(r).append("\",\"Date\":\"").append(d).append("\",\"Hours\":").append(value).append('}');
                comma = true;
            }
        }
        return b.append("]}").toString();
    }
}
